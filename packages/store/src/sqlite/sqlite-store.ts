import type { ActionItem } from '@accord/domain';
import type Database from 'better-sqlite3';
import type {
  AcceptInvitation,
  AcceptInvitationResult,
  AgreementDecisionRecord,
  AgreementExportFile,
  AgreementExportRecord,
  AgreementRecord,
  AgreementVersionRecord,
  AuditEntry,
  BodyAppend,
  CommentRecord,
  CommentThreadRecord,
  DocumentRecord,
  IndexedAction,
  InvitationRecord,
  MembershipRecord,
  MemberWithPerson,
  MyPartnership,
  OrganisationRecord,
  ParticipationRecord,
  ParticipationWithOrganisation,
  PartnershipRecord,
  PersonRecord,
  ReviewMarkRecord,
  ReviewRoundRecord,
  ReviewRoundWithMarks,
  SessionRecord,
  StartSigning,
  Store,
  StoredBody,
  ThreadQuery,
  ThreadStatusChange,
  ThreadWithComments,
} from '../store.ts';
import { SqliteActionIndex } from './action-index.ts';
import { SqliteAgreements } from './agreements.ts';
import { SqliteAudit } from './audit.ts';
import { backupDatabase } from './backup.ts';
import { SqliteBodyLog } from './body-log.ts';
import { BodyWriter } from './body-writer/index.ts';
import { SqliteCatalog } from './catalog.ts';
import { SqliteComments } from './comments.ts';
import { alreadyExists, withClearConstraints } from './errors.ts';
import { SqliteInvitations } from './invitations.ts';
import { Lookups } from './lookups.ts';
import { openDatabase } from './open.ts';
import type { SqliteStoreOptions } from './options.ts';
import { SqlitePeople } from './people.ts';
import { SqliteReviews } from './reviews.ts';
import { SqliteSessions } from './sessions.ts';

/**
 * The embedded Store: one SQLite file (WAL mode), opened and migrated synchronously, so a bad
 * path or a too-new schema fails at startup rather than on the first request.
 *
 * better-sqlite3 is synchronous: each method does its work on the calling thread and returns a
 * settled promise, so a statement's error arrives as a rejection, never as a synchronous throw.
 * The exception is the body log's writes (group commits, compactions), which wait for an fsync:
 * they run on a worker thread with its own connection (BodyWriter), off the event loop.
 * Every method that writes more than one statement runs them in one IMMEDIATE transaction (the
 * write lock from the first read), so another process on the same file cannot slip in between.
 */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const db = openDatabase(options);
  return new SqliteStore(db, new BodyWriter(options));
}

class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #catalog: SqliteCatalog;
  readonly #people: SqlitePeople;
  readonly #sessions: SqliteSessions;
  readonly #invitations: SqliteInvitations;
  readonly #audit: SqliteAudit;
  /** Reads bodies on this thread; `#bodyWriter` writes them on its own. */
  readonly #bodies: SqliteBodyLog;
  readonly #bodyWriter: BodyWriter;
  readonly #comments: SqliteComments;
  readonly #reviews: SqliteReviews;
  readonly #agreements: SqliteAgreements;
  readonly #actions: SqliteActionIndex;
  readonly #backups = new Set<Promise<void>>();
  #closing: Promise<void> | null = null;

  constructor(db: Database.Database, bodyWriter: BodyWriter) {
    this.#db = db;
    this.#bodyWriter = bodyWriter;
    const lookups = new Lookups(db);
    this.#catalog = new SqliteCatalog(db, lookups);
    this.#people = new SqlitePeople(db, lookups);
    this.#sessions = new SqliteSessions(db, lookups);
    this.#invitations = new SqliteInvitations(db, lookups, this.#people);
    this.#audit = new SqliteAudit(db);
    this.#bodies = new SqliteBodyLog(db);
    this.#comments = new SqliteComments(db, lookups);
    this.#reviews = new SqliteReviews(db, lookups);
    this.#agreements = new SqliteAgreements(db);
    this.#actions = new SqliteActionIndex(db);
  }

  // The action index.

  async replaceDocumentActions(
    documentId: string,
    actions: readonly ActionItem[],
    indexedAt: number,
  ): Promise<void> {
    this.#checkOpen();
    this.#actions.replace(documentId, actions, indexedAt);
  }

  async listDocumentActions(documentId: string): Promise<IndexedAction[]> {
    this.#checkOpen();
    return this.#actions.listByDocument(documentId);
  }

  async listPartnershipActions(partnershipId: string): Promise<IndexedAction[]> {
    this.#checkOpen();
    return this.#actions.listByPartnership(partnershipId);
  }

  async listUnindexedDocuments(): Promise<string[]> {
    this.#checkOpen();
    return this.#actions.listUnindexed();
  }

  // Agreements.

  async getAgreement(documentId: string): Promise<AgreementRecord | undefined> {
    this.#checkOpen();
    return this.#agreements.get(documentId);
  }

  async listAgreements(partnershipId: string): Promise<AgreementRecord[]> {
    this.#checkOpen();
    return this.#agreements.list(partnershipId);
  }

  async moveAgreement(input: Parameters<Store['moveAgreement']>[0]): Promise<AgreementRecord> {
    this.#checkOpen();
    return this.#agreements.move(input);
  }

  async startSigning(input: StartSigning): Promise<AgreementRecord> {
    this.#checkOpen();
    return this.#agreements.startSigning(input);
  }

  async returnAgreementToReview(
    input: Parameters<Store['returnAgreementToReview']>[0],
  ): Promise<AgreementRecord> {
    this.#checkOpen();
    return this.#agreements.returnToReview(input);
  }

  async getAgreementVersion(
    documentId: string,
    version: number,
  ): Promise<AgreementVersionRecord | undefined> {
    this.#checkOpen();
    return this.#agreements.version(documentId, version);
  }

  async listAgreementVersions(documentId: string): Promise<AgreementVersionRecord[]> {
    this.#checkOpen();
    return this.#agreements.versions(documentId);
  }

  async findFinalAgreementVersions(fingerprint: string): Promise<AgreementVersionRecord[]> {
    this.#checkOpen();
    return this.#agreements.finalVersionsWithFingerprint(fingerprint);
  }

  async decideAgreement(
    decision: AgreementDecisionRecord,
  ): Promise<{ agreement: AgreementRecord; final: boolean }> {
    this.#checkOpen();
    return this.#agreements.decide(decision);
  }

  async withdrawAgreementDecision(
    input: Parameters<Store['withdrawAgreementDecision']>[0],
  ): Promise<AgreementDecisionRecord> {
    this.#checkOpen();
    return this.#agreements.withdraw(input);
  }

  async listAgreementDecisions(documentId: string): Promise<AgreementDecisionRecord[]> {
    this.#checkOpen();
    return this.#agreements.decisions(documentId);
  }

  async saveAgreementExports(
    documentId: string,
    files: readonly AgreementExportFile[],
  ): Promise<void> {
    this.#checkOpen();
    withClearConstraints({ primaryKey: () => alreadyExists(`export of ${documentId}`) }, () =>
      this.#agreements.saveExports(documentId, files),
    );
  }

  async listAgreementExports(documentId: string): Promise<AgreementExportRecord[]> {
    this.#checkOpen();
    return this.#agreements.exports(documentId);
  }

  async getAgreementExport(
    documentId: string,
    name: string,
  ): Promise<AgreementExportFile | undefined> {
    this.#checkOpen();
    return this.#agreements.exportFile(documentId, name);
  }

  async findAgreementExports(sha256: string): Promise<AgreementExportRecord[]> {
    this.#checkOpen();
    return this.#agreements.exportsWithSha256(sha256);
  }

  // Partnerships.

  async createPartnership(p: PartnershipRecord): Promise<void> {
    this.#checkOpen();
    this.#catalog.createPartnership(p);
  }

  async getPartnership(id: string): Promise<PartnershipRecord | undefined> {
    this.#checkOpen();
    return this.#catalog.getPartnership(id);
  }

  async listPartnerships(): Promise<PartnershipRecord[]> {
    this.#checkOpen();
    return this.#catalog.listPartnerships();
  }

  async listPartnershipsOf(personId: string): Promise<MyPartnership[]> {
    this.#checkOpen();
    return this.#people.listPartnershipsOf(personId);
  }

  async updatePartnership(
    id: string,
    patch: Partial<Pick<PartnershipRecord, 'name' | 'purpose' | 'language'>>,
  ): Promise<void> {
    this.#checkOpen();
    this.#catalog.updatePartnership(id, patch);
  }

  // Organisations and participations.

  async createOrganisation(o: OrganisationRecord): Promise<void> {
    this.#checkOpen();
    this.#catalog.createOrganisation(o);
  }

  async getOrganisation(id: string): Promise<OrganisationRecord | undefined> {
    this.#checkOpen();
    return this.#catalog.getOrganisation(id);
  }

  async addParticipation(p: ParticipationRecord): Promise<void> {
    this.#checkOpen();
    this.#catalog.addParticipation(p);
  }

  async listParticipations(partnershipId: string): Promise<ParticipationWithOrganisation[]> {
    this.#checkOpen();
    return this.#catalog.listParticipations(partnershipId);
  }

  async getParticipation(
    partnershipId: string,
    organisationId: string,
  ): Promise<ParticipationRecord | undefined> {
    this.#checkOpen();
    return this.#catalog.getParticipation(partnershipId, organisationId);
  }

  async endParticipation(
    partnershipId: string,
    organisationId: string,
    at: number,
  ): Promise<string[]> {
    this.#checkOpen();
    return this.#catalog.endParticipation(partnershipId, organisationId, at);
  }

  // People.

  async createPerson(person: PersonRecord, passwordHash: string | null): Promise<void> {
    this.#checkOpen();
    this.#people.createPerson(person, passwordHash);
  }

  async getPerson(id: string): Promise<PersonRecord | undefined> {
    this.#checkOpen();
    return this.#people.getPerson(id);
  }

  async findPersonByEmail(
    email: string,
  ): Promise<{ person: PersonRecord; passwordHash: string | null } | undefined> {
    this.#checkOpen();
    return this.#people.findPersonByEmail(email);
  }

  async getPasswordHash(personId: string): Promise<string | null> {
    this.#checkOpen();
    return this.#people.getPasswordHash(personId);
  }

  async setPasswordHash(personId: string, passwordHash: string): Promise<void> {
    this.#checkOpen();
    this.#people.setPasswordHash(personId, passwordHash);
  }

  async erasePerson(personId: string, at: number): Promise<void> {
    this.#checkOpen();
    this.#people.erasePerson(personId, at);
  }

  // Memberships.

  async addMembership(m: MembershipRecord): Promise<void> {
    this.#checkOpen();
    this.#people.addMembership(m);
  }

  async getMembership(
    partnershipId: string,
    personId: string,
  ): Promise<MembershipRecord | undefined> {
    this.#checkOpen();
    return this.#people.getMembership(partnershipId, personId);
  }

  async listMembers(partnershipId: string): Promise<MemberWithPerson[]> {
    this.#checkOpen();
    return this.#people.listMembers(partnershipId);
  }

  async updateMembership(
    partnershipId: string,
    personId: string,
    patch: Partial<Pick<MembershipRecord, 'role' | 'signatory'>>,
  ): Promise<void> {
    this.#checkOpen();
    this.#people.updateMembership(partnershipId, personId, patch);
  }

  async removeMembership(partnershipId: string, personId: string): Promise<void> {
    this.#checkOpen();
    this.#people.removeMembership(partnershipId, personId);
  }

  // Sessions, tickets, password resets.

  async createSession(s: SessionRecord): Promise<void> {
    this.#checkOpen();
    this.#sessions.createSession(s);
  }

  async getSession(id: string): Promise<SessionRecord | undefined> {
    this.#checkOpen();
    return this.#sessions.getSession(id);
  }

  async touchSession(id: string, lastSeenAt: number, expiresAt: number): Promise<void> {
    this.#checkOpen();
    this.#sessions.touchSession(id, lastSeenAt, expiresAt);
  }

  async deleteSession(id: string): Promise<void> {
    this.#checkOpen();
    this.#sessions.deleteSession(id);
  }

  async deleteSessionsOf(personId: string, exceptId?: string): Promise<string[]> {
    this.#checkOpen();
    return this.#sessions.deleteSessionsOf(personId, exceptId);
  }

  async deleteExpiredSessions(now: number): Promise<SessionRecord[]> {
    this.#checkOpen();
    return this.#sessions.deleteExpiredSessions(now);
  }

  async createTicket(t: { hash: string; personId: string; expiresAt: number }): Promise<void> {
    this.#checkOpen();
    this.#sessions.createTicket(t);
  }

  async consumeTicket(hash: string, now: number): Promise<string | undefined> {
    this.#checkOpen();
    return this.#sessions.consumeTicket(hash, now);
  }

  async createPasswordReset(r: {
    hash: string;
    personId: string;
    createdBy: string | null;
    expiresAt: number;
  }): Promise<void> {
    this.#checkOpen();
    this.#sessions.createPasswordReset(r);
  }

  async consumePasswordReset(hash: string, now: number): Promise<string | undefined> {
    this.#checkOpen();
    return this.#sessions.consumePasswordReset(hash, now);
  }

  // Invitations.

  async createInvitation(i: InvitationRecord): Promise<void> {
    this.#checkOpen();
    this.#invitations.createInvitation(i);
  }

  async getInvitation(id: string): Promise<InvitationRecord | undefined> {
    this.#checkOpen();
    return this.#invitations.getInvitation(id);
  }

  async findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined> {
    this.#checkOpen();
    return this.#invitations.findInvitationByTokenHash(tokenHash);
  }

  async listInvitations(partnershipId: string): Promise<InvitationRecord[]> {
    this.#checkOpen();
    return this.#invitations.listInvitations(partnershipId);
  }

  async revokeInvitation(id: string, at: number): Promise<void> {
    this.#checkOpen();
    this.#invitations.revokeInvitation(id, at);
  }

  async acceptInvitation(input: AcceptInvitation): Promise<AcceptInvitationResult> {
    this.#checkOpen();
    return this.#invitations.acceptInvitation(input);
  }

  // Audit.

  async appendAudit(
    chain: string,
    build: (previous: { seq: number; hash: string } | null) => AuditEntry,
  ): Promise<AuditEntry> {
    this.#checkOpen();
    return this.#audit.append(chain, build);
  }

  async listAudit(chain: string): Promise<AuditEntry[]> {
    this.#checkOpen();
    return this.#audit.list(chain);
  }

  // Documents.

  async createDocument(doc: DocumentRecord, initialState: Uint8Array): Promise<void> {
    this.#checkOpen();
    this.#catalog.createDocument(doc, initialState);
  }

  async getDocument(id: string): Promise<DocumentRecord | undefined> {
    this.#checkOpen();
    return this.#catalog.getDocument(id);
  }

  async listDocuments(
    partnershipId: string,
    options?: { includeArchived?: boolean },
  ): Promise<DocumentRecord[]> {
    this.#checkOpen();
    return this.#catalog.listDocuments(partnershipId, options);
  }

  async renameDocument(id: string, title: string): Promise<void> {
    this.#checkOpen();
    this.#catalog.renameDocument(id, title);
  }

  async setDocumentArchived(id: string, archived: boolean): Promise<void> {
    this.#checkOpen();
    this.#catalog.setDocumentArchived(id, archived);
  }

  async getDigestMarker(personId: string): Promise<number | undefined> {
    this.#checkOpen();
    return this.#comments.getDigestMarker(personId);
  }

  async setDigestMarker(personId: string, upTo: number): Promise<void> {
    this.#checkOpen();
    this.#comments.setDigestMarker(personId, upTo);
  }

  // Review rounds.

  async openReviewRound(round: ReviewRoundRecord): Promise<void> {
    this.#checkOpen();
    this.#reviews.openReviewRound(round);
  }

  async getReviewRound(id: string): Promise<ReviewRoundWithMarks | undefined> {
    this.#checkOpen();
    return this.#reviews.getReviewRound(id);
  }

  async listReviewRounds(documentId: string, limit: number): Promise<ReviewRoundWithMarks[]> {
    this.#checkOpen();
    return this.#reviews.listReviewRounds(documentId, limit);
  }

  async closeReviewRound(
    id: string,
    by: string,
    at: number,
  ): Promise<{ round: ReviewRoundWithMarks; changed: boolean }> {
    this.#checkOpen();
    return this.#reviews.closeReviewRound(id, by, at);
  }

  async markReview(mark: ReviewMarkRecord): Promise<ReviewRoundWithMarks> {
    this.#checkOpen();
    return this.#reviews.markReview(mark);
  }

  // Comments.

  async createThread(thread: CommentThreadRecord, first: CommentRecord): Promise<void> {
    this.#checkOpen();
    this.#comments.createThread(thread, first);
  }

  async getThread(id: string): Promise<ThreadWithComments | undefined> {
    this.#checkOpen();
    return this.#comments.getThread(id);
  }

  async listThreads(query: ThreadQuery): Promise<ThreadWithComments[]> {
    this.#checkOpen();
    return this.#comments.listThreads(query);
  }

  async addComment(comment: CommentRecord): Promise<void> {
    this.#checkOpen();
    this.#comments.addComment(comment);
  }

  async editComment(
    id: string,
    edit: { body: string; mentions: CommentRecord['mentions']; at: number },
  ): Promise<CommentRecord> {
    this.#checkOpen();
    return this.#comments.editComment(id, edit);
  }

  async deleteComment(
    id: string,
    at: number,
  ): Promise<{ comment: CommentRecord; changed: boolean }> {
    this.#checkOpen();
    return this.#comments.deleteComment(id, at);
  }

  async setThreadStatus(
    id: string,
    change: ThreadStatusChange,
  ): Promise<{ thread: CommentThreadRecord; changed: boolean }> {
    this.#checkOpen();
    return this.#comments.setThreadStatus(id, change);
  }

  async markRead(personId: string, documentId: string, at: number): Promise<number> {
    this.#checkOpen();
    return this.#comments.markRead(personId, documentId, at);
  }

  async getReadMarkers(
    personId: string,
    documentIds: readonly string[],
  ): Promise<Map<string, number>> {
    this.#checkOpen();
    return this.#comments.getReadMarkers(personId, documentIds);
  }

  // Bodies.

  async loadBody(documentId: string): Promise<StoredBody> {
    this.#checkOpen();
    return this.#bodies.load(documentId);
  }

  async appendUpdates(rows: BodyAppend[]): Promise<Map<string, number>> {
    this.#checkOpen();
    return this.#bodyWriter.append(rows);
  }

  async compact(documentId: string, state: Uint8Array, uptoSeq: number): Promise<void> {
    this.#checkOpen();
    await this.#bodyWriter.compact(documentId, state, uptoSeq);
  }

  async backup(destinationPath: string): Promise<void> {
    this.#checkOpen();
    const running = backupDatabase(this.#db, destinationPath);
    this.#backups.add(running);
    try {
      await running;
    } finally {
      this.#backups.delete(running);
    }
  }

  /**
   * Refuses new calls at once, lets running backups finish (closing under one would abort it),
   * then closes the file, which checkpoints the WAL. Calling it again returns the same promise.
   */
  ready(): Promise<void> {
    return this.#bodyWriter.ready;
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.allSettled(this.#backups);
      // Commits already posted finish first: a caller may be waiting to acknowledge them.
      await this.#bodyWriter.close();
      this.#db.close();
    })();
    return this.#closing;
  }

  #checkOpen(): void {
    if (this.#closing) throw new Error(`the SQLite store ${this.#db.name} is closed`);
  }
}
