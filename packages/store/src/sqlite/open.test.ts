import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, userVersion } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';
import { openDatabase } from './open.ts';
import { makeTempDir } from './test-support.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe('openDatabase', () => {
  it('creates missing parent directories and sets WAL, FULL, foreign keys and a busy timeout', () => {
    const db = openDatabase({ path: path.join(temp.dir, 'a', 'b', 'accord.db') });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      db.close();
    }
  });

  it('applies synchronous = NORMAL when asked', () => {
    const db = openDatabase({ path: path.join(temp.dir, 'accord.db'), synchronous: 'NORMAL' });
    try {
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('refuses an unknown synchronous level', () => {
    expect(() =>
      // @ts-expect-error: a value from an untyped config file
      openDatabase({ path: path.join(temp.dir, 'accord.db'), synchronous: 'OFF' }),
    ).toThrow(/synchronous must be 'FULL' or 'NORMAL'/);
  });
});

describe('migrate', () => {
  it('brings a new file to the latest version with every table', () => {
    const db = openDatabase({ path: path.join(temp.dir, 'accord.db') });
    try {
      expect(userVersion(db)).toBe(MIGRATIONS.length);
      const tables = db
        .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .pluck()
        .all();
      expect(tables).toEqual([
        'action_index',
        'action_index_documents',
        'agreement_decisions',
        'agreement_exports',
        'agreement_versions',
        'agreements',
        'audit_entries',
        'comment_digests',
        'comment_reads',
        'comment_threads',
        'comments',
        'document_snapshots',
        'document_updates',
        'documents',
        'invitations',
        'memberships',
        'organisations',
        'participations',
        'partnerships',
        'password_resets',
        'people',
        'review_marks',
        'review_rounds',
        'sessions',
        'tickets',
      ]);
    } finally {
      db.close();
    }
  });

  it('upgrades a version-1 file with data to the comment tables, keeping the data', () => {
    const file = path.join(temp.dir, 'accord.db');
    const v1 = new Database(file);
    migrate(v1, MIGRATIONS.slice(0, 1));
    v1.prepare("INSERT INTO partnerships VALUES ('p1', 'Pacte', 'Emploi', 'fr', 1)").run();
    v1.close();
    const db = openDatabase({ path: file });
    try {
      expect(userVersion(db)).toBe(MIGRATIONS.length);
      expect(db.prepare('SELECT name FROM partnerships').pluck().get()).toBe('Pacte');
      expect(db.prepare('SELECT count(*) FROM comment_threads').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('runs only the migrations a database has not had', () => {
    const file = path.join(temp.dir, 'accord.db');
    const db = new Database(file);
    const v1 = [{ version: 1, description: 'one', sql: 'CREATE TABLE one (x INTEGER)' }];
    const v2 = [...v1, { version: 2, description: 'two', sql: 'CREATE TABLE two (x INTEGER)' }];
    try {
      expect(migrate(db, v1)).toBe(1);
      db.exec('INSERT INTO one VALUES (42)');
      // Re-running v1's CREATE TABLE would throw: reaching version 2 proves it was skipped.
      expect(migrate(db, v2)).toBe(2);
      expect(migrate(db, v2)).toBe(2);
      expect(db.prepare('SELECT x FROM one').pluck().get()).toBe(42);
    } finally {
      db.close();
    }
  });

  it('leaves the previous version intact when a migration fails', () => {
    const db = new Database(path.join(temp.dir, 'accord.db'));
    const v1 = [{ version: 1, description: 'one', sql: 'CREATE TABLE one (x INTEGER)' }];
    const broken = [
      ...v1,
      {
        version: 2,
        description: 'two',
        sql: 'CREATE TABLE two (x INTEGER); SELECT nope FROM nowhere',
      },
    ];
    try {
      migrate(db, v1);
      expect(() => migrate(db, broken)).toThrow(/no such table: nowhere/);
      expect(userVersion(db)).toBe(1);
      const two = db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'two'").pluck().get();
      expect(two).toBe(0);
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer build', () => {
    const file = path.join(temp.dir, 'accord.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openDatabase({ path: file })).toThrow(/newer than this build knows/);
  });

  it('names a file written before the pre-release baseline instead of failing on a table', () => {
    const file = path.join(temp.dir, 'accord.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE partnerships (id TEXT PRIMARY KEY)');
    raw.pragma('user_version = 1');
    raw.close();
    expect(() => openDatabase({ path: file })).toThrow(
      /older than the pre-release schema .*delete it/,
    );
  });

  it('refuses a migration list with a gap', () => {
    const db = new Database(':memory:');
    try {
      expect(() => migrate(db, [{ version: 2, description: 'two', sql: '' }])).toThrow(
        /has version 2, expected 1/,
      );
    } finally {
      db.close();
    }
  });
});
