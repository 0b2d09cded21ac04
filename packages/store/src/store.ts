/**
 * The Store interface: everything Accord keeps. Asynchronous from the first line, because the
 * scaled mode stores in Postgres, which cannot answer synchronously; the embedded SQLite store
 * fulfils the same contract.
 */

import type {
  ActionItem,
  AgreementDecisionRecord,
  AgreementExportRecord,
  AgreementRecord,
  AgreementVersionRecord,
  AuditEntry,
  CommentRecord,
  CommentThreadRecord,
  DocumentRecord,
  InvitationRecord,
  MembershipRecord,
  OrganisationRecord,
  ParticipationRecord,
  PartnershipRecord,
  PersonRecord,
  ReviewMarkRecord,
  ReviewRoundRecord,
  ReviewRoundWithMarks,
  Role,
  SessionRecord,
  ThreadStatus,
  ThreadWithComments,
} from '@accord/domain';

export type {
  AgreementDecisionRecord,
  AgreementExportRecord,
  AgreementRecord,
  AgreementState,
  AgreementVersionRecord,
  AuditEntry,
  CommentAnchor,
  CommentRecord,
  CommentThreadRecord,
  DocumentKind,
  DocumentRecord,
  InvitationRecord,
  Language,
  MembershipRecord,
  Mention,
  OrganisationRecord,
  ParticipationRecord,
  PartnershipRecord,
  PersonRecord,
  ReviewMarkRecord,
  ReviewRoundRecord,
  ReviewRoundWithMarks,
  Role,
  Sector,
  SessionRecord,
  ThreadStatus,
  ThreadVisibility,
  ThreadWithComments,
} from '@accord/domain';

/** A member as the partnership page lists them. */
export interface MemberWithPerson extends MembershipRecord {
  person: PersonRecord;
}

/** An organisation's participation with the organisation itself. */
export interface ParticipationWithOrganisation extends ParticipationRecord {
  organisation: OrganisationRecord;
}

/** One of my partnerships, with my role in it. */
export interface MyPartnership extends PartnershipRecord {
  role: Role;
  signatory: boolean;
}

/** Everything needed to let an invited person in, done in one transaction. */
export interface AcceptInvitation {
  invitationId: string;
  at: number;
  /** A new account to create (sign-up through the link), or the id of a signed-in person. */
  person: { create: PersonRecord; passwordHash: string } | { existingId: string };
}

export type AcceptInvitationResult =
  | { ok: true; personId: string; membership: MembershipRecord }
  | {
      ok: false;
      reason:
        | 'invitation_not_found'
        | 'invitation_used'
        | 'invitation_expired'
        | 'invitation_revoked'
        | 'email_taken'
        | 'wrong_organisation'
        | 'already_member';
    };

/** What is stored of a document body: the last snapshot and the update log after it. */
export interface StoredBody {
  /** Merged state up to `snapshotSeq`, or null when the document was never compacted. */
  snapshot: Uint8Array | null;
  /**
   * The Yjs state vector of `snapshot`, stored with it when it is written; null for snapshots
   * written before migration 8 and for bytes Yjs cannot read. Says nothing of `updates`.
   */
  snapshotStateVector: Uint8Array | null;
  /** Log rows after the snapshot, oldest first. */
  updates: Uint8Array[];
  /**
   * Sequence number of the last log row. Numbers are never reused, so when compaction has emptied
   * the tail this is the snapshot's position (the `uptoSeq` it was compacted to); 0 for a document
   * never written to since its creation.
   */
  lastSeq: number;
  /** Bytes in the log tail, to decide when to compact. */
  tailBytes: number;
}

/** One log row to append: usually the merge of every update a document got in one group commit. */
export interface BodyAppend {
  documentId: string;
  update: Uint8Array;
}

/**
 * Which comment threads to list. Visibility is part of every query, so no caller can forget it:
 * the store lists the shared threads and only the internal threads of `visibleToOrganisationId`.
 */
export interface ThreadQuery {
  /** Shared threads, plus the internal threads of this organisation (the viewer's). */
  visibleToOrganisationId: string;
  /**
   * One document's threads (oldest first), or the threads on every document of a partnership
   * that is not archived (most recently active first).
   */
  scope: { documentId: string } | { partnershipId: string };
  status?: ThreadStatus;
  /** Threads started by people of this organisation. */
  startedByOrganisationId?: string;
  /** Threads this person started or replied to (deleted comments count: they took part). */
  participantId?: string;
  /** Threads with a comment, not deleted, that mentions this person or their organisation. */
  mentioning?: { personId: string; organisationId: string };
  /** Threads changed (a comment added, edited or deleted, a status change) after this time. */
  activeAfter?: number;
  /** With a partnership scope: only this document's threads (still most recently active first). */
  documentId?: string;
  /** At most this many threads. */
  limit?: number;
}

/** What is locked when an agreement enters signing. */
export interface StartSigning {
  documentId: string;
  partnershipId: string;
  fingerprint: string;
  canonical: Uint8Array;
  canonicalVersion: number;
  parties: string[];
  at: number;
  by: string;
}

/** One export of a final agreement, with its bytes. */
export interface AgreementExportFile extends AgreementExportRecord {
  bytes: Uint8Array;
}

/** A change of a thread's status: resolving names who did it, reopening clears it. */
export type ThreadStatusChange =
  | { status: 'resolved'; by: string; at: number }
  | { status: 'open'; at: number };

/**
 * Every failure a caller can expect (a duplicate id, an unknown id, a broken rule) rejects with a
 * `StoreError` (./errors.ts) whose `code` names it; the codes are given below per method. Any
 * other rejection is a fault (disk, bug). Times are milliseconds since the epoch; a secret or an
 * invitation expires at `expiresAt` (expired when `expiresAt <= now`).
 */
/** An action as the index keeps it: read out of its document's stored body. */
export interface IndexedAction extends ActionItem {
  documentId: string;
  partnershipId: string;
  /** When its document was last indexed. */
  indexedAt: number;
}

export interface Store {
  // Partnerships.
  /** 'already_exists' for a taken id. */
  createPartnership(p: PartnershipRecord): Promise<void>;
  getPartnership(id: string): Promise<PartnershipRecord | undefined>;
  /** Every partnership, oldest first (for the seed and administration, never for a person). */
  listPartnerships(): Promise<PartnershipRecord[]>;
  /** The partnerships a person is a member of, with their role, oldest first. */
  listPartnershipsOf(personId: string): Promise<MyPartnership[]>;
  /** Fields absent from `patch` keep their value; 'unknown_partnership'. */
  updatePartnership(
    id: string,
    patch: Partial<Pick<PartnershipRecord, 'name' | 'purpose' | 'language'>>,
  ): Promise<void>;

  // Organisations exist on their own and take part in partnerships.
  createOrganisation(o: OrganisationRecord): Promise<void>;
  getOrganisation(id: string): Promise<OrganisationRecord | undefined>;
  /**
   * Adds (or brings back, after it left, with the new colour and `joinedAt`) an organisation to a
   * partnership. `leftAt` must be null. 'already_participating' while it takes part;
   * 'unknown_partnership', 'unknown_organisation'.
   */
  addParticipation(p: ParticipationRecord): Promise<void>;
  /** Current and past participations (past ones have `leftAt`), in order of joining. */
  listParticipations(partnershipId: string): Promise<ParticipationWithOrganisation[]>;
  getParticipation(
    partnershipId: string,
    organisationId: string,
  ): Promise<ParticipationRecord | undefined>;
  /**
   * The organisation leaves the partnership: sets `leftAt`, and removes the memberships of its
   * people in that partnership and its pending invitations, in one transaction. Returns the ids
   * of the people whose membership ended (their sockets must close). 'not_participating' when
   * the organisation does not (or no longer) take part.
   */
  endParticipation(partnershipId: string, organisationId: string, at: number): Promise<string[]>;

  // People (accounts). Emails are stored lower-cased and unique; an erased person keeps the row.
  /**
   * Stores the email lower-cased. Rejects with a StoreError whose `code` is 'email_taken' when
   * the email is in use (compared lower-cased); 'already_exists', 'unknown_organisation'.
   */
  createPerson(person: PersonRecord, passwordHash: string | null): Promise<void>;
  getPerson(id: string): Promise<PersonRecord | undefined>;
  findPersonByEmail(
    email: string,
  ): Promise<{ person: PersonRecord; passwordHash: string | null } | undefined>;
  /** Null when the person has no password; 'unknown_person'. */
  getPasswordHash(personId: string): Promise<string | null>;
  /** 'unknown_person', 'person_erased'. */
  setPasswordHash(personId: string, passwordHash: string): Promise<void>;
  /**
   * Erases a person's personal data: name, email and password become null, `erasedAt` is set, and
   * their sessions, tickets, password resets, memberships and comment read markers are deleted,
   * in one transaction.
   * Their id stays, so what they wrote and every audit entry still refer to it. Repeating it
   * keeps the first `erasedAt`; 'unknown_person'.
   */
  erasePerson(personId: string, at: number): Promise<void>;

  // Memberships: a person's role in a partnership.
  /**
   * The person's organisation must take part in the partnership ('not_participating').
   * 'already_member', 'unknown_person', 'person_erased', 'unknown_partnership'.
   */
  addMembership(m: MembershipRecord): Promise<void>;
  getMembership(partnershipId: string, personId: string): Promise<MembershipRecord | undefined>;
  /** Members with their person record, in order of joining. */
  listMembers(partnershipId: string): Promise<MemberWithPerson[]>;
  /** Fields absent from `patch` keep their value; 'unknown_membership'. */
  updateMembership(
    partnershipId: string,
    personId: string,
    patch: Partial<Pick<MembershipRecord, 'role' | 'signatory'>>,
  ): Promise<void>;
  /** 'unknown_membership'. */
  removeMembership(partnershipId: string, personId: string): Promise<void>;

  // Sessions (ids are hashes of the cookie's token).
  /** 'unknown_person', 'person_erased' (no session for an erased person), 'already_exists'. */
  createSession(s: SessionRecord): Promise<void>;
  /** The session as stored, expired or not: the caller compares `expiresAt` with its clock. */
  getSession(id: string): Promise<SessionRecord | undefined>;
  /**
   * Moves `lastSeenAt` and `expiresAt` forward, never back (requests may touch out of order).
   * A session deleted meanwhile stays deleted: touching it does nothing.
   */
  touchSession(id: string, lastSeenAt: number, expiresAt: number): Promise<void>;
  /** Does nothing when the session is already gone. */
  deleteSession(id: string): Promise<void>;
  /** Deletes every session of a person (password change, erasure); returns their ids. */
  deleteSessionsOf(personId: string, exceptId?: string): Promise<string[]>;
  /**
   * Deletes sessions whose `expiresAt` is past (`<= now`); returns them (their sockets must
   * close). Also deletes expired tickets and password resets, which can never be used again.
   */
  deleteExpiredSessions(now: number): Promise<SessionRecord[]>;

  // Single-use secrets, stored as hashes: websocket tickets and password-reset links.
  /** 'unknown_person', 'person_erased', 'already_exists'. */
  createTicket(t: { hash: string; personId: string; expiresAt: number }): Promise<void>;
  /** Returns the person and marks the ticket used, if it exists, is unused and unexpired. */
  consumeTicket(hash: string, now: number): Promise<string | undefined>;
  /** 'unknown_person' (for `personId` or `createdBy`), 'person_erased', 'already_exists'. */
  createPasswordReset(r: {
    hash: string;
    personId: string;
    createdBy: string | null;
    expiresAt: number;
  }): Promise<void>;
  /** Like consumeTicket: the person, once, if the reset exists, is unused and unexpired. */
  consumePasswordReset(hash: string, now: number): Promise<string | undefined>;

  // Invitations.
  /**
   * The organisation must take part in the partnership ('not_participating').
   * 'unknown_partnership', 'unknown_organisation', 'unknown_person' (createdBy),
   * 'already_exists' (id or token hash).
   */
  createInvitation(i: InvitationRecord): Promise<void>;
  getInvitation(id: string): Promise<InvitationRecord | undefined>;
  findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined>;
  /** Every invitation of the partnership (pending, used, revoked, expired), oldest first. */
  listInvitations(partnershipId: string): Promise<InvitationRecord[]>;
  /**
   * Revoking twice keeps the first `revokedAt`. 'invitation_used' for a used invitation,
   * 'unknown_invitation'.
   */
  revokeInvitation(id: string, at: number): Promise<void>;
  /**
   * Checks the invitation (unused, unrevoked, unexpired at `at`), creates the person if asked,
   * marks the invitation used and adds the membership, all in one transaction: an invitation
   * can let exactly one person in, once. The membership gets the invitation's role, not a
   * signatory, created at `at`. Refusals resolve with `ok: false` and write nothing; an
   * invitation whose organisation left the partnership counts as revoked. An unknown or erased
   * `existingId` rejects ('unknown_person', 'person_erased'): it is a bug upstream, not a refusal.
   */
  acceptInvitation(input: AcceptInvitation): Promise<AcceptInvitationResult>;

  // Audit: append-only, hash-chained logs (`partnership:<id>`, `organisation:<id>`).
  /**
   * Appends one entry in a transaction: `build` receives the chain's last entry (or null) and
   * returns the new entry, whose seq must follow it. Entries are never updated or deleted.
   * An entry of another chain, or whose seq or prevHash does not follow the last entry (prevHash
   * '' for the first), rejects with 'audit_out_of_order' and nothing is stored.
   */
  appendAudit(
    chain: string,
    build: (previous: { seq: number; hash: string } | null) => AuditEntry,
  ): Promise<AuditEntry>;
  /** The chain in seq order, `data` parsed; empty for an unknown chain. */
  listAudit(chain: string): Promise<AuditEntry[]>;

  // Documents: metadata, and the body created with its first state in one transaction.
  /** 'already_exists', 'unknown_partnership'. */
  createDocument(doc: DocumentRecord, initialState: Uint8Array): Promise<void>;
  getDocument(id: string): Promise<DocumentRecord | undefined>;
  /** Oldest first; archived documents only when asked. */
  listDocuments(
    partnershipId: string,
    options?: { includeArchived?: boolean },
  ): Promise<DocumentRecord[]>;
  /** Also moves `updatedAt` to now; 'unknown_document'. */
  renameDocument(id: string, title: string): Promise<void>;
  /** Leaves `updatedAt` as it is; 'unknown_document'. */
  setDocumentArchived(id: string, archived: boolean): Promise<void>;

  // Comments: threads anchored in a document body (outside it), their comments, read markers.
  // A comment is never removed: deleting one empties it and leaves a visible trace.
  /**
   * Stores a thread with its first comment, in one transaction. The document must belong to the
   * thread's partnership. 'unknown_document', 'unknown_person', 'person_erased',
   * 'unknown_organisation', 'already_exists' (thread or comment id).
   */
  createThread(thread: CommentThreadRecord, first: CommentRecord): Promise<void>;
  /** The thread with its comments, oldest first, whoever may see it (the caller checks). */
  getThread(id: string): Promise<ThreadWithComments | undefined>;
  /** See ThreadQuery: visible threads only, with their comments, oldest first. */
  listThreads(query: ThreadQuery): Promise<ThreadWithComments[]>;
  /**
   * Adds a reply and moves the thread's `lastActivityAt`. 'unknown_thread', 'unknown_person',
   * 'person_erased', 'unknown_organisation', 'already_exists'.
   */
  addComment(comment: CommentRecord): Promise<void>;
  /**
   * Replaces the body and mentions and sets `editedAt`; returns the comment as stored.
   * 'unknown_comment', 'comment_deleted'.
   */
  editComment(
    id: string,
    edit: { body: string; mentions: CommentRecord['mentions']; at: number },
  ): Promise<CommentRecord>;
  /**
   * Empties the body and mentions and sets `deletedAt`; the row stays. Deleting again changes
   * nothing (`changed: false`, the first `deletedAt` kept). 'unknown_comment'.
   */
  deleteComment(id: string, at: number): Promise<{ comment: CommentRecord; changed: boolean }>;
  /**
   * Resolves or reopens. Already in that status: nothing changes (`changed: false`, the first
   * resolver kept). 'unknown_thread'.
   */
  setThreadStatus(
    id: string,
    change: ThreadStatusChange,
  ): Promise<{ thread: CommentThreadRecord; changed: boolean }>;
  /**
   * The person has seen the document's comments up to `at`. Markers never go back; returns the
   * marker as stored. 'unknown_person', 'unknown_document'.
   */
  markRead(personId: string, documentId: string, at: number): Promise<number>;
  /** The person's markers for these documents (documents never marked are absent). */
  getReadMarkers(personId: string, documentIds: readonly string[]): Promise<Map<string, number>>;
  /** Up to when the person's last comment digest looked (undefined: never). */
  getDigestMarker(personId: string): Promise<number | undefined>;
  /** The person's digest covered everything up to `upTo`; never goes back. 'unknown_person'. */
  setDigestMarker(personId: string, upTo: number): Promise<void>;

  // Review rounds: at most one open per document; closed ones are kept as history.
  /**
   * Opens a round (`closedBy`/`closedAt` must be null). 'review_round_open' when the document
   * already has an open round; 'unknown_document' (or one of another partnership),
   * 'unknown_person', 'person_erased', 'already_exists'.
   */
  openReviewRound(round: ReviewRoundRecord): Promise<void>;
  getReviewRound(id: string): Promise<ReviewRoundWithMarks | undefined>;
  /** The document's rounds with their reviews, newest first, at most `limit`. */
  listReviewRounds(documentId: string, limit: number): Promise<ReviewRoundWithMarks[]>;
  /**
   * Closes a round. Already closed: nothing changes (`changed: false`, the first closer kept).
   * 'unknown_review_round'.
   */
  closeReviewRound(
    id: string,
    by: string,
    at: number,
  ): Promise<{ round: ReviewRoundWithMarks; changed: boolean }>;
  /**
   * Marks an organisation's review of an open round done; marking again replaces who, when and
   * the summary. Returns the round as it is now. 'unknown_review_round', 'review_round_closed',
   * 'not_participating' (the organisation does not take part in the round's partnership),
   * 'unknown_person', 'person_erased'.
   */
  markReview(mark: ReviewMarkRecord): Promise<ReviewRoundWithMarks>;
  // Agreements: lifecycle, versions locked for signing, decisions, final exports. Every change
  // checks the state it starts from in the same transaction ('agreement_conflict' otherwise).
  /** Undefined for an agreement that never left draft (read it as draft, version 0). */
  getAgreement(documentId: string): Promise<AgreementRecord | undefined>;
  /** The partnership's agreements that ever left draft, least recently moved first. */
  listAgreements(partnershipId: string): Promise<AgreementRecord[]>;
  /** Between draft and review. */
  moveAgreement(input: {
    documentId: string;
    partnershipId: string;
    from: 'draft' | 'review';
    to: 'draft' | 'review';
    at: number;
    by: string;
  }): Promise<AgreementRecord>;
  /** review → signing: stores the next version (canonical bytes, fingerprint, parties). */
  startSigning(input: StartSigning): Promise<AgreementRecord>;
  /**
   * signing → review: the version ends as `returned`; its decisions stay, as history of that
   * version. `by` null when the system did it (a party left).
   */
  returnAgreementToReview(input: {
    documentId: string;
    at: number;
    by: string | null;
  }): Promise<AgreementRecord>;
  getAgreementVersion(
    documentId: string,
    version: number,
  ): Promise<AgreementVersionRecord | undefined>;
  listAgreementVersions(documentId: string): Promise<AgreementVersionRecord[]>;
  /** Versions that became final with this fingerprint. */
  findFinalAgreementVersions(fingerprint: string): Promise<AgreementVersionRecord[]>;
  /**
   * Records a signatory's decision on the current version and, when every party has approved,
   * makes the agreement final in the same transaction. 'agreement_conflict' (not signing),
   * 'stale_fingerprint' (another version or fingerprint), 'already_decided'.
   */
  decideAgreement(
    decision: AgreementDecisionRecord,
  ): Promise<{ agreement: AgreementRecord; final: boolean }>;
  /** Withdraws the organisation's decision in force. 'agreement_conflict', 'no_decision'. */
  withdrawAgreementDecision(input: {
    documentId: string;
    organisationId: string;
    at: number;
    by: string;
  }): Promise<AgreementDecisionRecord>;
  /** Every decision on every version, oldest first. */
  listAgreementDecisions(documentId: string): Promise<AgreementDecisionRecord[]>;
  /** Stores the final exports once; 'already_exists' if a name is taken. */
  saveAgreementExports(documentId: string, files: readonly AgreementExportFile[]): Promise<void>;
  listAgreementExports(documentId: string): Promise<AgreementExportRecord[]>;
  getAgreementExport(documentId: string, name: string): Promise<AgreementExportFile | undefined>;
  findAgreementExports(sha256: string): Promise<AgreementExportRecord[]>;

  // The body: snapshot + append-only update log.
  loadBody(documentId: string): Promise<StoredBody>;

  // The action index (derived from stored bodies; see apps/server/src/actions).
  /** Replaces every indexed action of the document at once; unknown document: a fault. */
  replaceDocumentActions(
    documentId: string,
    actions: readonly ActionItem[],
    indexedAt: number,
  ): Promise<void>;
  /** The document's indexed actions, in document order. */
  listDocumentActions(documentId: string): Promise<IndexedAction[]>;
  /** The indexed actions of every document of the partnership that is not archived. */
  listPartnershipActions(partnershipId: string): Promise<IndexedAction[]>;
  /** Documents never indexed, oldest first (e.g. created before the index existed). */
  listUnindexedDocuments(): Promise<string[]>;
  /**
   * Group commit: append every row in one transaction. Resolves only once the transaction is
   * committed with the configured durability; the caller acknowledges updates after that.
   * Returns the new last sequence number per document. A row for an unknown document rejects
   * the call and rolls the whole batch back: nothing of it is stored.
   */
  appendUpdates(rows: BodyAppend[]): Promise<Map<string, number>>;
  /**
   * Replace the snapshot with `state` (which must contain every log row up to `uptoSeq`) and
   * delete those rows, atomically. Rows after `uptoSeq` are kept. A call older than the stored
   * snapshot (whose `uptoSeq` is larger) is ignored; an `uptoSeq` past the last appended row is
   * refused with an error.
   */
  compact(documentId: string, state: Uint8Array, uptoSeq: number): Promise<void>;

  /** A consistent copy of the whole store while it keeps serving. */
  backup(destinationPath: string): Promise<void>;
  /**
   * Resolves once the store can commit document bodies (the SQLite store's writer thread is up).
   * Servers wait for it before they listen: a first join must not share the CPU with start-up.
   */
  ready(): Promise<void>;
  close(): Promise<void>;
}
