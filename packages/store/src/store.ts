/**
 * The Store interface: everything Accord keeps. Asynchronous from the first line, because the
 * scaled mode stores in Postgres, which cannot answer synchronously; the embedded SQLite store
 * fulfils the same contract.
 */

export type DocumentKind = 'action-plan' | 'agreement' | 'notes';
export type Language = 'fr' | 'en';

export interface PartnershipRecord {
  id: string;
  name: string;
  purpose: string;
  language: Language;
  createdAt: number;
}

export interface OrganisationRecord {
  id: string;
  partnershipId: string;
  name: string;
  /** CSS colour used for the organisation's people (carets, badges). */
  colour: string;
}

export interface PersonRecord {
  id: string;
  organisationId: string;
  name: string;
  /** CSS colour of the person's caret. */
  colour: string;
}

export interface DocumentRecord {
  id: string;
  partnershipId: string;
  title: string;
  kind: DocumentKind;
  language: Language;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
}

/** What is stored of a document body: the last snapshot and the update log after it. */
export interface StoredBody {
  /** Merged state up to `snapshotSeq`, or null when the document was never compacted. */
  snapshot: Uint8Array | null;
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

export interface Store {
  // Partnerships, organisations, people (a minimal model; accounts and roles come later).
  createPartnership(p: PartnershipRecord): Promise<void>;
  listPartnerships(): Promise<PartnershipRecord[]>;
  getPartnership(id: string): Promise<PartnershipRecord | undefined>;
  createOrganisation(o: OrganisationRecord): Promise<void>;
  listOrganisations(partnershipId: string): Promise<OrganisationRecord[]>;
  createPerson(p: PersonRecord): Promise<void>;
  listPeople(partnershipId: string): Promise<PersonRecord[]>;

  // Documents: metadata, and the body created with its first state in one transaction.
  createDocument(doc: DocumentRecord, initialState: Uint8Array): Promise<void>;
  getDocument(id: string): Promise<DocumentRecord | undefined>;
  listDocuments(partnershipId: string): Promise<DocumentRecord[]>;
  renameDocument(id: string, title: string): Promise<void>;

  // The body: snapshot + append-only update log.
  loadBody(documentId: string): Promise<StoredBody>;
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
  close(): Promise<void>;
}
