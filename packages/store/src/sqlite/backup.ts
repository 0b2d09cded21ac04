import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/** Pages copied per event-loop turn (~400 KB with 4 KB pages), so serving pauses only briefly. */
const PAGES_PER_STEP = 100;
/** better-sqlite3's largest step: everything that is left, in one go. */
const ALL_REMAINING_PAGES = 0x7fffffff;

/**
 * Copies the live database to `destinationPath` with SQLite's online backup API, which copies
 * pages in steps between which the store keeps serving; writes made meanwhile through the same
 * connection are carried into the copy, so it is consistent as of the end of the backup.
 *
 * A write through another connection (the server, when `pnpm backup` runs in its own process)
 * restarts the copy from the first page. A busy server could restart it forever, so after the
 * first restart the rest is copied in one step: one read transaction, which in WAL mode does not
 * block the writer.
 *
 * The copy is written beside the destination and renamed into place only when complete, so the
 * destination never holds a half-written file. An existing destination (or a stray `-wal` file
 * under its name, which SQLite would replay into the new copy) is refused rather than replaced.
 */
export async function backupDatabase(
  db: Database.Database,
  destinationPath: string,
): Promise<void> {
  const destination = path.resolve(destinationPath);
  for (const existing of [destination, `${destination}-wal`]) {
    if (fs.existsSync(existing)) {
      throw new Error(`backup destination ${existing} already exists; choose a new file name`);
    }
  }
  await fs.promises.mkdir(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partial-${process.pid}-${Date.now()}`;
  let previousRemaining = Number.POSITIVE_INFINITY;
  let restarted = false;
  try {
    await db.backup(partial, {
      progress: ({ remainingPages }) => {
        if (remainingPages > previousRemaining) restarted = true;
        previousRemaining = remainingPages;
        return restarted ? ALL_REMAINING_PAGES : PAGES_PER_STEP;
      },
    });
    await fs.promises.rename(partial, destination);
  } catch (error) {
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}
