import type { BodyLock } from '../protocol.ts';

/**
 * What the sync core needs from storage. `@accord/store`'s Store satisfies it; the sync core
 * depends on this narrow contract, not on a database.
 */
export interface StoredDocumentBody {
  snapshot: Uint8Array | null;
  /** The snapshot's state vector when the store keeps it: spares a parse of the whole snapshot. */
  snapshotStateVector?: Uint8Array | null;
  updates: Uint8Array[];
  lastSeq: number;
  tailBytes: number;
}

export interface SyncPersistence {
  /** True when the document exists (and is not deleted): checked before any room is created. */
  documentExists(documentId: string): Promise<boolean>;
  loadBody(documentId: string): Promise<StoredDocumentBody>;
  /** One transaction for every row; resolves once committed durably. */
  appendUpdates(rows: { documentId: string; update: Uint8Array }[]): Promise<Map<string, number>>;
  compact(documentId: string, state: Uint8Array, uptoSeq: number): Promise<void>;
  /**
   * Whether the body is locked for everyone (an agreement in signing, or final), read when a
   * room loads; absent means never. Later changes arrive through `SyncServer.setLock`.
   */
  documentLock?(documentId: string): Promise<BodyLock | null>;
}
