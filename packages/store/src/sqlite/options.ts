/**
 * How durable a commit is once `appendUpdates` resolves. The store runs in WAL mode, where:
 *
 * - `FULL` fsyncs the write-ahead log on every commit, so an acknowledged update survives a
 *   power loss or kernel crash as well as a killed process. Each group commit pays one fsync.
 * - `NORMAL` fsyncs only at checkpoints. A commit is in the OS page cache when the call resolves,
 *   so it survives the process being killed (SIGKILL, OOM, a crash), but the last transactions
 *   before a power loss or kernel crash may roll back. The database is never corrupted either way.
 *
 * Accord acknowledges an edit as "Saved" once its commit resolves, so the default is `FULL`.
 */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

/** Acknowledged means on disk: see {@link SqliteSynchronous}. */
export const DEFAULT_SQLITE_SYNCHRONOUS: SqliteSynchronous = 'FULL';

/**
 * How long a statement waits for another connection's lock (a backup script, a second process
 * running migrations) before failing with SQLITE_BUSY.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export interface SqliteStoreOptions {
  /** The database file. Its parent directory is created when missing. */
  path: string;
  /** Durability of each commit; defaults to {@link DEFAULT_SQLITE_SYNCHRONOUS}. */
  synchronous?: SqliteSynchronous;
}
