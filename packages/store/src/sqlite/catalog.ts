import type Database from 'better-sqlite3';
import type {
  DocumentRecord,
  OrganisationRecord,
  PartnershipRecord,
  PersonRecord,
} from '../store.ts';
import { unknownDocument, withClearConstraints } from './errors.ts';
import {
  type DocumentRow,
  type OrganisationRow,
  type PartnershipRow,
  type PersonRow,
  toDocument,
  toOrganisation,
  toPartnership,
  toPerson,
} from './rows.ts';

/**
 * Partnerships, organisations, people and document metadata: the synchronous SQLite half of the
 * Store (SqliteStore wraps it in promises). Statements are prepared once, here.
 * Lists come back in a stable order: partnerships and documents oldest first, organisations and
 * people in the order they were added (rowid).
 */
export class SqliteCatalog {
  readonly #insertPartnership;
  readonly #selectPartnerships;
  readonly #selectPartnership;
  readonly #insertOrganisation;
  readonly #selectOrganisations;
  readonly #insertPerson;
  readonly #selectPeople;
  readonly #insertDocument;
  readonly #insertInitialSnapshot;
  readonly #selectDocument;
  readonly #selectDocuments;
  readonly #renameDocument;
  readonly #createDocument;

  constructor(db: Database.Database) {
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
    this.#insertOrganisation = db.prepare<[OrganisationRow]>(
      `INSERT INTO organisations (id, partnership_id, name, colour)
       VALUES (@id, @partnership_id, @name, @colour)`,
    );
    this.#selectOrganisations = db.prepare<[string], OrganisationRow>(
      'SELECT id, partnership_id, name, colour FROM organisations WHERE partnership_id = ? ORDER BY rowid',
    );
    this.#insertPerson = db.prepare<[PersonRow]>(
      `INSERT INTO people (id, organisation_id, name, colour)
       VALUES (@id, @organisation_id, @name, @colour)`,
    );
    this.#selectPeople = db.prepare<[string], PersonRow>(
      `SELECT p.id, p.organisation_id, p.name, p.colour
       FROM people p JOIN organisations o ON o.id = p.organisation_id
       WHERE o.partnership_id = ? ORDER BY p.rowid`,
    );
    this.#insertDocument = db.prepare<[DocumentRow]>(
      `INSERT INTO documents (id, partnership_id, kind, language, title, created_at, updated_at, archived)
       VALUES (@id, @partnership_id, @kind, @language, @title, @created_at, @updated_at, @archived)`,
    );
    // upto_seq 0: the initial state stands for "before any log row".
    this.#insertInitialSnapshot = db.prepare<[string, Uint8Array]>(
      'INSERT INTO document_snapshots (document_id, state, upto_seq) VALUES (?, ?, 0)',
    );
    this.#selectDocument = db.prepare<[string], DocumentRow>(
      'SELECT * FROM documents WHERE id = ?',
    );
    this.#selectDocuments = db.prepare<[string], DocumentRow>(
      'SELECT * FROM documents WHERE partnership_id = ? ORDER BY created_at, id',
    );
    this.#renameDocument = db.prepare<[string, number, string]>(
      'UPDATE documents SET title = ?, updated_at = ? WHERE id = ?',
    );
    this.#createDocument = db.transaction((doc: DocumentRecord, initialState: Uint8Array) => {
      withClearConstraints(
        {
          primaryKey: `document ${doc.id} already exists`,
          foreignKey: `cannot create document ${doc.id}: unknown partnership ${doc.partnershipId}`,
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
            archived: doc.archived ? 1 : 0,
          }),
      );
      this.#insertInitialSnapshot.run(doc.id, initialState);
    });
  }

  createPartnership(p: PartnershipRecord): void {
    withClearConstraints({ primaryKey: `partnership ${p.id} already exists` }, () =>
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

  createOrganisation(o: OrganisationRecord): void {
    withClearConstraints(
      {
        primaryKey: `organisation ${o.id} already exists`,
        foreignKey: `cannot create organisation ${o.id}: unknown partnership ${o.partnershipId}`,
      },
      () =>
        this.#insertOrganisation.run({
          id: o.id,
          partnership_id: o.partnershipId,
          name: o.name,
          colour: o.colour,
        }),
    );
  }

  listOrganisations(partnershipId: string): OrganisationRecord[] {
    return this.#selectOrganisations.all(partnershipId).map(toOrganisation);
  }

  createPerson(p: PersonRecord): void {
    withClearConstraints(
      {
        primaryKey: `person ${p.id} already exists`,
        foreignKey: `cannot create person ${p.id}: unknown organisation ${p.organisationId}`,
      },
      () =>
        this.#insertPerson.run({
          id: p.id,
          organisation_id: p.organisationId,
          name: p.name,
          colour: p.colour,
        }),
    );
  }

  listPeople(partnershipId: string): PersonRecord[] {
    return this.#selectPeople.all(partnershipId).map(toPerson);
  }

  /** Metadata and the first snapshot commit together, so no document ever lacks a body. */
  createDocument(doc: DocumentRecord, initialState: Uint8Array): void {
    this.#createDocument.immediate(doc, initialState);
  }

  getDocument(id: string): DocumentRecord | undefined {
    const row = this.#selectDocument.get(id);
    return row && toDocument(row);
  }

  listDocuments(partnershipId: string): DocumentRecord[] {
    return this.#selectDocuments.all(partnershipId).map(toDocument);
  }

  /** Also moves `updatedAt` to now: a rename is a change people should see. */
  renameDocument(id: string, title: string): void {
    const { changes } = this.#renameDocument.run(title, Date.now(), id);
    if (changes === 0) throw unknownDocument(id);
  }
}
