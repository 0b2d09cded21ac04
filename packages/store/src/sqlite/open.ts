import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate.ts';
import {
  DEFAULT_SQLITE_SYNCHRONOUS,
  SQLITE_BUSY_TIMEOUT_MS,
  type SqliteStoreOptions,
} from './options.ts';

/** Opens (creating when missing) the database file, sets the connection up and migrates it. */
export function openDatabase(options: SqliteStoreOptions): Database.Database {
  const synchronous = options.synchronous ?? DEFAULT_SQLITE_SYNCHRONOUS;
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    throw new Error(`synchronous must be 'FULL' or 'NORMAL', not ${String(synchronous)}`);
  }
  fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
  const db = new Database(options.path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    // WAL lets readers (loads, backups) run while a group commit writes, and makes each commit
    // one sequential append instead of a rollback journal plus in-place page writes.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal')
      throw new Error(`could not switch ${options.path} to WAL (got ${String(mode)})`);
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    // Off by default in SQLite, per connection, and a no-op inside a transaction: set it first.
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
