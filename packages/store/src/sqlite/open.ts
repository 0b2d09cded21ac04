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
  fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
  const db = connectDatabase(options);
  try {
    // Before migrating a version-1 file: a later migration would fail on its missing tables.
    if (db.pragma('user_version', { simple: true }) === 1) checkBaseline(db, options.path);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * One connection to the file, in WAL mode with the requested durability: what every connection of
 * the store (the main one, and the body writer's on its worker thread) must agree on.
 */
export function connectDatabase(options: SqliteStoreOptions): Database.Database {
  const synchronous = options.synchronous ?? DEFAULT_SQLITE_SYNCHRONOUS;
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    throw new Error(`synchronous must be 'FULL' or 'NORMAL', not ${String(synchronous)}`);
  }
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
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A file written by a development build from before the pre-release baseline (see migrations.ts)
 * also says schema version 1 but has the old tables; say so plainly instead of failing later on
 * a missing table.
 */
function checkBaseline(db: Database.Database, file: string): void {
  const hasParticipations = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'participations'")
    .get();
  if (!hasParticipations) {
    throw new Error(
      `${file} was written by a development build older than the pre-release schema ` +
        '(it has no participations table); delete it (and its -wal file) and start again',
    );
  }
}
