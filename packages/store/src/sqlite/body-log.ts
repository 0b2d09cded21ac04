import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { BodyAppend, StoredBody } from '../store.ts';
import { unknownDocument } from './errors.ts';
import { toBytes } from './rows.ts';

interface TailRow {
  seq: number;
  data: Buffer;
  /** Yjs update format of `data`: 1 or 2 (migration 6). */
  encoding: number;
}

interface SnapshotRow {
  state: Buffer | null;
  upto_seq: number | null;
  state_vector: Buffer | null;
}

/**
 * Document bodies: a snapshot plus an append-only log of updates numbered 1, 2, 3… per document.
 * Sequence numbers are never reused, even once compaction has deleted the rows below a snapshot,
 * so a document's position is max(last row's seq, snapshot's upto_seq).
 *
 * The last seq of each document is kept in memory once known (loaded lazily, one query per
 * document per process), so a group commit costs one INSERT per row and no SELECT. That cache
 * assumes this connection is the only writer of the log; a second writing process would not
 * corrupt anything: the stale writer's batch fails whole on the (document_id, seq) primary key,
 * its counters are dropped, and the caller's retry numbers from the database again. If documents
 * can one day be deleted, the deletion must also drop the cached entry.
 */
export class SqliteBodyLog {
  readonly #lastSeqs = new Map<string, number>();
  readonly #selectPosition;
  readonly #selectSnapshot;
  readonly #selectTail;
  readonly #insertUpdate;
  readonly #touchDocument;
  readonly #upsertSnapshot;
  readonly #deleteUpTo;
  readonly #append;
  readonly #load;
  readonly #compact;

  constructor(db: Database.Database) {
    // No row when the document does not exist; that is how unknown ids are detected.
    this.#selectPosition = db
      .prepare<[string], number>(
        `SELECT max(
           coalesce((SELECT max(seq) FROM document_updates WHERE document_id = d.id), 0),
           coalesce((SELECT upto_seq FROM document_snapshots WHERE document_id = d.id), 0))
         FROM documents d WHERE d.id = ?`,
      )
      .pluck();
    this.#selectSnapshot = db.prepare<[string], SnapshotRow>(
      `SELECT s.state, s.upto_seq, s.state_vector FROM documents d
       LEFT JOIN document_snapshots s ON s.document_id = d.id WHERE d.id = ?`,
    );
    this.#selectTail = db.prepare<[string, number], TailRow>(
      'SELECT seq, data, encoding FROM document_updates WHERE document_id = ? AND seq > ? ORDER BY seq',
    );
    this.#insertUpdate = db.prepare<[string, number, Uint8Array, number]>(
      'INSERT INTO document_updates (document_id, seq, data, encoding) VALUES (?, ?, ?, ?)',
    );
    this.#touchDocument = db.prepare<[number, string]>(
      'UPDATE documents SET updated_at = ? WHERE id = ?',
    );
    this.#upsertSnapshot = db.prepare<[string, Uint8Array, number, Uint8Array | null]>(
      `INSERT INTO document_snapshots (document_id, state, upto_seq, state_vector) VALUES (?, ?, ?, ?)
       ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, upto_seq = excluded.upto_seq,
         state_vector = excluded.state_vector`,
    );
    this.#deleteUpTo = db.prepare<[string, number]>(
      'DELETE FROM document_updates WHERE document_id = ? AND seq <= ?',
    );
    this.#append = db.transaction((rows: readonly BodyAppend[]) => this.#appendRows(rows));
    this.#load = db.transaction((documentId: string) => this.#loadBody(documentId));
    this.#compact = db.transaction((documentId: string, state: Uint8Array, uptoSeq: number) =>
      this.#compactBody(documentId, state, uptoSeq),
    );
  }

  /**
   * One transaction for the whole batch (group commit): it commits with the connection's
   * `synchronous` durability, or throws and nothing of the batch is stored. A row for an unknown
   * document throws (and rolls the batch back), so the caller must not acknowledge any of it.
   * Returns the new last seq of each document in the batch.
   */
  append(rows: readonly BodyAppend[]): Map<string, number> {
    if (rows.length === 0) return new Map();
    // IMMEDIATE takes the write lock up front, so a concurrent reader never turns it into BUSY.
    let lastSeqs: Map<string, number>;
    try {
      lastSeqs = this.#append.immediate(rows);
    } catch (error) {
      // A taken (document_id, seq) means another writer moved a counter behind our back: forget
      // this batch's counters so a retry reads them afresh instead of failing forever.
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        for (const { documentId } of rows) this.#lastSeqs.delete(documentId);
      }
      throw error;
    }
    // Only a committed batch moves the counters; a rolled-back one leaves them as they were.
    for (const [documentId, seq] of lastSeqs) this.#lastSeqs.set(documentId, seq);
    return lastSeqs;
  }

  /** Snapshot and tail, read in one transaction so they agree with each other. */
  load(documentId: string): StoredBody {
    return this.#load(documentId);
  }

  /**
   * Replaces the snapshot and deletes the log rows it covers, atomically. A call older than the
   * stored snapshot (upto_seq larger than `uptoSeq`) is ignored, so compactions finishing out of
   * order never move the snapshot back. `uptoSeq` past the last appended row is refused: the
   * state cannot contain rows that do not exist yet, and accepting it would hide later rows.
   */
  compact(documentId: string, state: Uint8Array, uptoSeq: number): void {
    if (!Number.isSafeInteger(uptoSeq) || uptoSeq < 0) {
      throw new Error(
        `compact(${documentId}): uptoSeq must be a non-negative integer, not ${uptoSeq}`,
      );
    }
    this.#compact.immediate(documentId, state, uptoSeq);
  }

  #appendRows(rows: readonly BodyAppend[]): Map<string, number> {
    const lastSeqs = new Map<string, number>();
    for (const { documentId, update } of rows) {
      const seq = (lastSeqs.get(documentId) ?? this.#position(documentId)) + 1;
      const row = smallerEncoding(update);
      this.#insertUpdate.run(documentId, seq, row.data, row.encoding);
      lastSeqs.set(documentId, seq);
    }
    const now = Date.now();
    for (const documentId of lastSeqs.keys()) this.#touchDocument.run(now, documentId);
    return lastSeqs;
  }

  #loadBody(documentId: string): StoredBody {
    const snapshot = this.#selectSnapshot.get(documentId);
    if (!snapshot) throw unknownDocument(documentId);
    const uptoSeq = snapshot.upto_seq ?? 0;
    const tail = this.#selectTail.all(documentId, uptoSeq);
    const lastSeq = tail.at(-1)?.seq ?? uptoSeq;
    // What was just read is committed state: it saves the first append its lookup.
    if (!this.#lastSeqs.has(documentId)) this.#lastSeqs.set(documentId, lastSeq);
    let tailBytes = 0;
    const updates = tail.map((row) => {
      tailBytes += row.data.byteLength;
      const data = toBytes(row.data);
      return row.encoding === 2 ? Y.convertUpdateFormatV2ToV1(data) : data;
    });
    return {
      snapshot: snapshot.state && toBytes(snapshot.state),
      snapshotStateVector:
        snapshot.state && snapshot.state_vector && toBytes(snapshot.state_vector),
      updates,
      lastSeq,
      tailBytes,
    };
  }

  #compactBody(documentId: string, state: Uint8Array, uptoSeq: number): void {
    const lastSeq = this.#position(documentId);
    if (uptoSeq > lastSeq) {
      throw new Error(
        `compact(${documentId}): uptoSeq ${uptoSeq} is past the last appended update (${lastSeq})`,
      );
    }
    const current = this.#selectSnapshot.get(documentId)?.upto_seq ?? null;
    if (current !== null && current > uptoSeq) return;
    this.#upsertSnapshot.run(documentId, state, uptoSeq, stateVectorOf(state));
    this.#deleteUpTo.run(documentId, uptoSeq);
  }

  /** The document's last seq: from memory, or read once. Throws for an unknown document. */
  #position(documentId: string): number {
    const cached = this.#lastSeqs.get(documentId);
    if (cached !== undefined) return cached;
    const position = this.#selectPosition.get(documentId);
    if (position === undefined) throw unknownDocument(documentId);
    this.#lastSeqs.set(documentId, position);
    return position;
  }
}

/**
 * The snapshot's state vector, stored beside it: reading it from the state takes a parse of the
 * whole update (10 ms for 300 KB once the code is warm, 50 ms in a fresh process), which a room's
 * first joiner would otherwise wait for. Null for bytes Yjs cannot read: the log stores what it
 * is given, and the room then reads the state vector itself, as for older snapshots.
 */
export function stateVectorOf(state: Uint8Array): Uint8Array | null {
  try {
    return Y.encodeStateVectorFromUpdate(state);
  } catch {
    return null;
  }
}

/**
 * A row in whichever Yjs encoding is smaller. A row merges every update a document received
 * during one group commit; V2 (run-length and delta coded columns) takes several times less
 * than V1 once a row holds a few dozen keystrokes, but more for one or two. Callers give and get
 * V1: loading converts back, so nothing outside the log knows.
 */
function smallerEncoding(update: Uint8Array): { data: Uint8Array; encoding: 1 | 2 } {
  // A single keystroke: V1 always wins, spare the conversion.
  if (update.byteLength < 40) return { data: update, encoding: 1 };
  let v2: Uint8Array;
  try {
    v2 = Y.convertUpdateFormatV1ToV2(update);
  } catch {
    // The log stores what it is given; whether it is a valid update is the sync core's concern.
    return { data: update, encoding: 1 };
  }
  return v2.byteLength < update.byteLength
    ? { data: v2, encoding: 2 }
    : { data: update, encoding: 1 };
}
