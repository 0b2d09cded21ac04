import path from 'node:path';
import { createSqliteStore } from '@accord/store';
import { readConfig } from './config.ts';

/**
 * `pnpm backup [destination]`: a consistent copy of the SQLite store, safe while Accord runs
 * (SQLite's online backup API reads a snapshot; writers keep going). Restore: stop Accord and
 * put the copy in place of `<data dir>/accord.sqlite` (remove any `-wal`/`-shm` files beside it).
 */
const config = readConfig();
const stamp = new Date().toISOString().replaceAll(':', '-').replace(/\..+$/, '');
// pnpm runs this in apps/server: a relative path means relative to where the command was typed.
const destination = path.resolve(
  process.env.INIT_CWD ?? process.cwd(),
  process.argv[2] ?? path.join(config.dataDir, 'backups', `accord-${stamp}.sqlite`),
);
const store = createSqliteStore({ path: config.databasePath, synchronous: config.synchronous });
try {
  await store.backup(destination);
  console.log(`Backup written to ${destination}`);
} finally {
  await store.close();
}
