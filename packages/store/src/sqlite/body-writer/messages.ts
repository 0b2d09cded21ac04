import type { BodyAppend } from '../../store.ts';
import type { SqliteStoreOptions } from '../options.ts';

/** What the worker is started with (`workerData`). */
export type BodyWriterData = SqliteStoreOptions;

export type BodyWriterRequest =
  | { id: number; op: 'append'; rows: readonly BodyAppend[] }
  | { id: number; op: 'compact'; documentId: string; state: Uint8Array; uptoSeq: number }
  | { id: number; op: 'close' };

/** An error as it crosses the thread boundary (structured clone keeps no custom fields). */
export interface SerializedError {
  name: string;
  message: string;
  /** A StoreError's code, or SQLite's (`SQLITE_BUSY`, `SQLITE_FULL`…). */
  code: string | undefined;
}

/** The first message of a started worker: its connection is open (id 0 names no request). */
export const READY_REPLY_ID = 0;

export type BodyWriterReply =
  | { id: number; ok: true; value: Map<string, number> | undefined }
  | { id: number; ok: false; error: SerializedError };
