import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.ts';

/**
 * Brings the database to the latest schema version and returns that version. The whole run holds
 * the write lock from the first read of `user_version` (an IMMEDIATE transaction), so two
 * processes opening the same file at once cannot both apply a migration.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  checkOrder(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const run = db.transaction(() => {
    const current = userVersion(db);
    if (current > latest) {
      throw new Error(
        `database ${db.name} has schema version ${current}, newer than this build knows ` +
          `(${latest}); run a newer Accord or restore a backup`,
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      // user_version lives in the file header and is written by this same transaction.
      db.pragma(`user_version = ${migration.version}`);
    }
    return latest;
  });
  return run.immediate();
}

export function userVersion(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw new Error('PRAGMA user_version did not return a number');
  return version;
}

/** A gap or a reordering would skip a migration on some databases: refuse it at startup. */
function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `migration "${migration.description}" has version ${migration.version}, expected ${index + 1}`,
      );
    }
  });
}
