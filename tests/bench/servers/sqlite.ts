import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Accord's SQLite file, read (and, for the write-path counter, instrumented) with the
 * better-sqlite3 that @accord/store itself uses, resolved from that package.
 */
export interface SqliteStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): unknown;
}

export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): void;
  close(): void;
}

type DatabaseConstructor = new (
  file: string,
  options?: { readonly?: boolean; fileMustExist?: boolean; timeout?: number },
) => SqliteDatabase;

const storeRequire = createRequire(
  path.resolve(import.meta.dirname, '..', '..', '..', 'packages', 'store', 'package.json'),
);

export function openSqlite(file: string, options: { readonly: boolean }): SqliteDatabase {
  const Database = storeRequire('better-sqlite3') as DatabaseConstructor;
  return new Database(file, { readonly: options.readonly, fileMustExist: true, timeout: 10_000 });
}

/** Log rows and snapshot of one document, as stored. */
export function storedBody(
  file: string,
  documentId: string,
): {
  logRows: number;
  logBytes: number;
  snapshotBytes: number | null;
  snapshot: Uint8Array | null;
} {
  const db = openSqlite(file, { readonly: true });
  try {
    const log = db
      .prepare(
        'SELECT count(*) AS n, coalesce(sum(length(data)), 0) AS bytes FROM document_updates WHERE document_id = ?',
      )
      .get(documentId) as { n: number; bytes: number };
    const snapshot = db
      .prepare('SELECT state FROM document_snapshots WHERE document_id = ?')
      .get(documentId) as { state: Buffer } | undefined;
    return {
      logRows: log.n,
      logBytes: log.bytes,
      snapshotBytes: snapshot ? snapshot.state.byteLength : null,
      snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
    };
  } finally {
    db.close();
  }
}
