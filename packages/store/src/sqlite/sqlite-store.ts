import type Database from 'better-sqlite3';
import type {
  BodyAppend,
  DocumentRecord,
  OrganisationRecord,
  PartnershipRecord,
  PersonRecord,
  Store,
  StoredBody,
} from '../store.ts';
import { backupDatabase } from './backup.ts';
import { SqliteBodyLog } from './body-log.ts';
import { SqliteCatalog } from './catalog.ts';
import { openDatabase } from './open.ts';
import type { SqliteStoreOptions } from './options.ts';

/**
 * The embedded Store: one SQLite file (WAL mode), opened and migrated synchronously, so a bad
 * path or a too-new schema fails at startup rather than on the first request.
 *
 * better-sqlite3 is synchronous: each method does its work on the calling thread and returns a
 * settled promise, so a statement's error arrives as a rejection, never as a synchronous throw.
 */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  return new SqliteStore(openDatabase(options));
}

class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #catalog: SqliteCatalog;
  readonly #bodies: SqliteBodyLog;
  readonly #backups = new Set<Promise<void>>();
  #closing: Promise<void> | null = null;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#catalog = new SqliteCatalog(db);
    this.#bodies = new SqliteBodyLog(db);
  }

  async createPartnership(p: PartnershipRecord): Promise<void> {
    this.#checkOpen();
    this.#catalog.createPartnership(p);
  }

  async listPartnerships(): Promise<PartnershipRecord[]> {
    this.#checkOpen();
    return this.#catalog.listPartnerships();
  }

  async getPartnership(id: string): Promise<PartnershipRecord | undefined> {
    this.#checkOpen();
    return this.#catalog.getPartnership(id);
  }

  async createOrganisation(o: OrganisationRecord): Promise<void> {
    this.#checkOpen();
    this.#catalog.createOrganisation(o);
  }

  async listOrganisations(partnershipId: string): Promise<OrganisationRecord[]> {
    this.#checkOpen();
    return this.#catalog.listOrganisations(partnershipId);
  }

  async createPerson(p: PersonRecord): Promise<void> {
    this.#checkOpen();
    this.#catalog.createPerson(p);
  }

  async listPeople(partnershipId: string): Promise<PersonRecord[]> {
    this.#checkOpen();
    return this.#catalog.listPeople(partnershipId);
  }

  async createDocument(doc: DocumentRecord, initialState: Uint8Array): Promise<void> {
    this.#checkOpen();
    this.#catalog.createDocument(doc, initialState);
  }

  async getDocument(id: string): Promise<DocumentRecord | undefined> {
    this.#checkOpen();
    return this.#catalog.getDocument(id);
  }

  async listDocuments(partnershipId: string): Promise<DocumentRecord[]> {
    this.#checkOpen();
    return this.#catalog.listDocuments(partnershipId);
  }

  async renameDocument(id: string, title: string): Promise<void> {
    this.#checkOpen();
    this.#catalog.renameDocument(id, title);
  }

  async loadBody(documentId: string): Promise<StoredBody> {
    this.#checkOpen();
    return this.#bodies.load(documentId);
  }

  async appendUpdates(rows: BodyAppend[]): Promise<Map<string, number>> {
    this.#checkOpen();
    return this.#bodies.append(rows);
  }

  async compact(documentId: string, state: Uint8Array, uptoSeq: number): Promise<void> {
    this.#checkOpen();
    this.#bodies.compact(documentId, state, uptoSeq);
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
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.allSettled(this.#backups);
      this.#db.close();
    })();
    return this.#closing;
  }

  #checkOpen(): void {
    if (this.#closing) throw new Error(`the SQLite store ${this.#db.name} is closed`);
  }
}
