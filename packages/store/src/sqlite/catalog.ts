import type Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import type {
  DocumentRecord,
  OrganisationRecord,
  ParticipationRecord,
  ParticipationWithOrganisation,
  PartnershipRecord,
} from '../store.ts';
import { stateVectorOf } from './body-log.ts';
import {
  alreadyExists,
  notParticipating,
  unknownDocument,
  unknownOrganisation,
  unknownPartnership,
  withClearConstraints,
} from './errors.ts';
import type { Lookups } from './lookups.ts';
import {
  bit,
  type DocumentRow,
  type OrganisationRow,
  type ParticipationRow,
  type ParticipationWithOrganisationRow,
  type PartnershipRow,
  toDocument,
  toOrganisation,
  toParticipation,
  toPartnership,
} from './rows.ts';

type PartnershipPatch = Partial<Pick<PartnershipRecord, 'name' | 'purpose' | 'language'>>;

/**
 * Partnerships, organisations, their participations and document metadata: the synchronous
 * SQLite half of the Store (SqliteStore wraps it in promises). Statements are prepared once, here.
 * Lists come back in a stable order: partnerships and documents oldest first, participations in
 * order of joining.
 */
export class SqliteCatalog {
  readonly #lookups: Lookups;
  readonly #insertPartnership;
  readonly #selectPartnerships;
  readonly #selectPartnership;
  readonly #updatePartnership;
  readonly #insertOrganisation;
  readonly #selectOrganisation;
  readonly #upsertParticipation;
  readonly #selectParticipation;
  readonly #selectParticipations;
  readonly #leave;
  readonly #selectMembersOfOrganisation;
  readonly #deleteMembershipsOfOrganisation;
  readonly #revokePendingInvitations;
  readonly #insertDocument;
  readonly #insertInitialSnapshot;
  readonly #selectDocument;
  readonly #selectDocuments;
  readonly #renameDocument;
  readonly #archiveDocument;
  readonly #createDocument;
  readonly #endParticipation;

  constructor(db: Database.Database, lookups: Lookups) {
    this.#lookups = lookups;
    this.#insertPartnership = db.prepare<[PartnershipRow]>(
      `INSERT INTO partnerships (id, name, purpose, language, created_at)
       VALUES (@id, @name, @purpose, @language, @created_at)`,
    );
    this.#selectPartnerships = db.prepare<[], PartnershipRow>(
      'SELECT * FROM partnerships ORDER BY created_at, id',
    );
    this.#selectPartnership = db.prepare<[string], PartnershipRow>(
      'SELECT * FROM partnerships WHERE id = ?',
    );
    // NULL keeps the column: none of these columns is nullable.
    this.#updatePartnership = db.prepare<
      [{ id: string; name: string | null; purpose: string | null; language: string | null }]
    >(
      `UPDATE partnerships SET name = coalesce(@name, name), purpose = coalesce(@purpose, purpose),
         language = coalesce(@language, language)
       WHERE id = @id`,
    );
    this.#insertOrganisation = db.prepare<[OrganisationRow]>(
      `INSERT INTO organisations (id, name, sector, created_at)
       VALUES (@id, @name, @sector, @created_at)`,
    );
    this.#selectOrganisation = db.prepare<[string], OrganisationRow>(
      'SELECT * FROM organisations WHERE id = ?',
    );
    // A new participation, or the return of an organisation that left: the row is reused with
    // its new colour and date. An ongoing participation is left alone (0 changes).
    this.#upsertParticipation = db.prepare<[Omit<ParticipationRow, 'left_at'>]>(
      `INSERT INTO participations (partnership_id, organisation_id, colour, joined_at, left_at)
       VALUES (@partnership_id, @organisation_id, @colour, @joined_at, NULL)
       ON CONFLICT (partnership_id, organisation_id) DO UPDATE
         SET colour = excluded.colour, joined_at = excluded.joined_at, left_at = NULL
         WHERE participations.left_at IS NOT NULL`,
    );
    this.#selectParticipation = db.prepare<[string, string], ParticipationRow>(
      'SELECT * FROM participations WHERE partnership_id = ? AND organisation_id = ?',
    );
    this.#selectParticipations = db.prepare<[string], ParticipationWithOrganisationRow>(
      `SELECT pa.*, o.id AS o_id, o.name AS o_name, o.sector AS o_sector,
         o.created_at AS o_created_at
       FROM participations pa JOIN organisations o ON o.id = pa.organisation_id
       WHERE pa.partnership_id = ? ORDER BY pa.joined_at, pa.rowid`,
    );
    this.#leave = db.prepare<[number, string, string]>(
      `UPDATE participations SET left_at = ?
       WHERE partnership_id = ? AND organisation_id = ? AND left_at IS NULL`,
    );
    this.#selectMembersOfOrganisation = db
      .prepare<[string, string], string>(
        `SELECT m.person_id FROM memberships m JOIN people p ON p.id = m.person_id
         WHERE m.partnership_id = ? AND p.organisation_id = ? ORDER BY m.created_at, m.rowid`,
      )
      .pluck();
    this.#deleteMembershipsOfOrganisation = db.prepare<[string, string]>(
      `DELETE FROM memberships
       WHERE partnership_id = ? AND person_id IN (SELECT id FROM people WHERE organisation_id = ?)`,
    );
    this.#revokePendingInvitations = db.prepare<[number, string, string]>(
      `UPDATE invitations SET revoked_at = ?
       WHERE partnership_id = ? AND organisation_id = ? AND used_at IS NULL AND revoked_at IS NULL`,
    );
    this.#insertDocument = db.prepare<[DocumentRow]>(
      `INSERT INTO documents (id, partnership_id, kind, language, title, created_at, updated_at, archived)
       VALUES (@id, @partnership_id, @kind, @language, @title, @created_at, @updated_at, @archived)`,
    );
    // upto_seq 0: the initial state stands for "before any log row".
    this.#insertInitialSnapshot = db.prepare<[string, Uint8Array, Uint8Array | null]>(
      'INSERT INTO document_snapshots (document_id, state, upto_seq, state_vector) VALUES (?, ?, 0, ?)',
    );
    this.#selectDocument = db.prepare<[string], DocumentRow>(
      'SELECT * FROM documents WHERE id = ?',
    );
    this.#selectDocuments = db.prepare<[string, 0 | 1], DocumentRow>(
      `SELECT * FROM documents WHERE partnership_id = ? AND (archived = 0 OR ?)
       ORDER BY created_at, id`,
    );
    this.#renameDocument = db.prepare<[string, number, string]>(
      'UPDATE documents SET title = ?, updated_at = ? WHERE id = ?',
    );
    this.#archiveDocument = db.prepare<[0 | 1, string]>(
      'UPDATE documents SET archived = ? WHERE id = ?',
    );
    this.#createDocument = db.transaction((doc: DocumentRecord, initialState: Uint8Array) => {
      withClearConstraints(
        {
          primaryKey: () => alreadyExists(`document ${doc.id}`),
          foreignKey: () => unknownPartnership(doc.partnershipId),
        },
        () =>
          this.#insertDocument.run({
            id: doc.id,
            partnership_id: doc.partnershipId,
            kind: doc.kind,
            language: doc.language,
            title: doc.title,
            created_at: doc.createdAt,
            updated_at: doc.updatedAt,
            archived: bit(doc.archived),
          }),
      );
      this.#insertInitialSnapshot.run(doc.id, initialState, stateVectorOf(initialState));
    });
    this.#endParticipation = db.transaction(
      (partnershipId: string, organisationId: string, at: number): string[] => {
        const { changes } = this.#leave.run(at, partnershipId, organisationId);
        if (changes === 0) throw notParticipating(partnershipId, organisationId);
        const removed = this.#selectMembersOfOrganisation.all(partnershipId, organisationId);
        this.#deleteMembershipsOfOrganisation.run(partnershipId, organisationId);
        this.#revokePendingInvitations.run(at, partnershipId, organisationId);
        return removed;
      },
    );
  }

  createPartnership(p: PartnershipRecord): void {
    withClearConstraints({ primaryKey: () => alreadyExists(`partnership ${p.id}`) }, () =>
      this.#insertPartnership.run({
        id: p.id,
        name: p.name,
        purpose: p.purpose,
        language: p.language,
        created_at: p.createdAt,
      }),
    );
  }

  listPartnerships(): PartnershipRecord[] {
    return this.#selectPartnerships.all().map(toPartnership);
  }

  getPartnership(id: string): PartnershipRecord | undefined {
    const row = this.#selectPartnership.get(id);
    return row && toPartnership(row);
  }

  /** Fields absent from `patch` (or undefined) keep their value. */
  updatePartnership(id: string, patch: PartnershipPatch): void {
    const { changes } = this.#updatePartnership.run({
      id,
      name: patch.name ?? null,
      purpose: patch.purpose ?? null,
      language: patch.language ?? null,
    });
    if (changes === 0) throw unknownPartnership(id);
  }

  createOrganisation(o: OrganisationRecord): void {
    withClearConstraints({ primaryKey: () => alreadyExists(`organisation ${o.id}`) }, () =>
      this.#insertOrganisation.run({
        id: o.id,
        name: o.name,
        sector: o.sector,
        created_at: o.createdAt,
      }),
    );
  }

  getOrganisation(id: string): OrganisationRecord | undefined {
    const row = this.#selectOrganisation.get(id);
    return row && toOrganisation(row);
  }

  /**
   * Adds the organisation to the partnership, or brings it back after it left (with the new
   * colour and `joinedAt`). The record's `leftAt` must be null. Refuses an organisation that
   * already takes part ('already_participating') and unknown ids.
   */
  addParticipation(p: ParticipationRecord): void {
    if (p.leftAt !== null) {
      throw new Error(`addParticipation(${p.organisationId}): leftAt must be null`);
    }
    const { changes } = withClearConstraints(
      {
        foreignKey: () =>
          this.#lookups.partnershipExists(p.partnershipId)
            ? unknownOrganisation(p.organisationId)
            : unknownPartnership(p.partnershipId),
      },
      () =>
        this.#upsertParticipation.run({
          partnership_id: p.partnershipId,
          organisation_id: p.organisationId,
          colour: p.colour,
          joined_at: p.joinedAt,
        }),
    );
    if (changes === 0) {
      throw new StoreError(
        'already_participating',
        `organisation ${p.organisationId} already takes part in partnership ${p.partnershipId}`,
      );
    }
  }

  getParticipation(partnershipId: string, organisationId: string): ParticipationRecord | undefined {
    const row = this.#selectParticipation.get(partnershipId, organisationId);
    return row && toParticipation(row);
  }

  listParticipations(partnershipId: string): ParticipationWithOrganisation[] {
    return this.#selectParticipations.all(partnershipId).map((row) => ({
      ...toParticipation(row),
      organisation: toOrganisation({
        id: row.o_id,
        name: row.o_name,
        sector: row.o_sector,
        created_at: row.o_created_at,
      }),
    }));
  }

  /**
   * One IMMEDIATE transaction: `left_at`, the memberships of the organisation's people in the
   * partnership (their ids are returned, in order of joining), and its pending invitations
   * revoked at `at`. An organisation that does not take part is refused ('not_participating').
   */
  endParticipation(partnershipId: string, organisationId: string, at: number): string[] {
    return this.#endParticipation.immediate(partnershipId, organisationId, at);
  }

  /** Metadata and the first snapshot commit together, so no document ever lacks a body. */
  createDocument(doc: DocumentRecord, initialState: Uint8Array): void {
    this.#createDocument.immediate(doc, initialState);
  }

  getDocument(id: string): DocumentRecord | undefined {
    const row = this.#selectDocument.get(id);
    return row && toDocument(row);
  }

  listDocuments(
    partnershipId: string,
    options: { includeArchived?: boolean } = {},
  ): DocumentRecord[] {
    return this.#selectDocuments
      .all(partnershipId, bit(options.includeArchived === true))
      .map(toDocument);
  }

  /** Also moves `updatedAt` to now: a rename is a change people should see. */
  renameDocument(id: string, title: string): void {
    const { changes } = this.#renameDocument.run(title, Date.now(), id);
    if (changes === 0) throw unknownDocument(id);
  }

  /** Leaves `updatedAt` alone: archiving files the document away, it does not change it. */
  setDocumentArchived(id: string, archived: boolean): void {
    const { changes } = this.#archiveDocument.run(bit(archived), id);
    if (changes === 0) throw unknownDocument(id);
  }
}
