/**
 * The schema's history. Each migration runs once, in order, inside the same transaction as the
 * bump of `PRAGMA user_version` to its number, so a crash mid-migration leaves the previous
 * version intact. Never edit a released migration: add the next number.
 *
 * Enumerations (kind, language) carry no CHECK constraint on purpose: SQLite cannot alter a
 * CHECK without rebuilding the table (and every table whose foreign keys point at it), and the
 * values are validated by `@accord/domain` before they reach the store.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'partnerships, organisations, people, documents and their bodies',
    sql: `
      CREATE TABLE partnerships (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        purpose TEXT NOT NULL,
        language TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE organisations (
        id TEXT PRIMARY KEY,
        partnership_id TEXT NOT NULL REFERENCES partnerships (id),
        name TEXT NOT NULL,
        colour TEXT NOT NULL
      ) STRICT;
      CREATE INDEX organisations_by_partnership ON organisations (partnership_id);

      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        organisation_id TEXT NOT NULL REFERENCES organisations (id),
        name TEXT NOT NULL,
        colour TEXT NOT NULL
      ) STRICT;
      CREATE INDEX people_by_organisation ON people (organisation_id);

      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        partnership_id TEXT NOT NULL REFERENCES partnerships (id),
        kind TEXT NOT NULL,
        language TEXT NOT NULL,
        title TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
      ) STRICT;
      CREATE INDEX documents_by_partnership ON documents (partnership_id, created_at);

      -- The merged body up to upto_seq; log rows with seq <= upto_seq are deleted with it.
      CREATE TABLE document_snapshots (
        document_id TEXT PRIMARY KEY REFERENCES documents (id),
        state BLOB NOT NULL,
        upto_seq INTEGER NOT NULL CHECK (upto_seq >= 0)
      ) STRICT;

      -- Append-only update log; seq increases per document and is never reused, even after
      -- compaction deleted the rows below it.
      CREATE TABLE document_updates (
        document_id TEXT NOT NULL REFERENCES documents (id),
        seq INTEGER NOT NULL CHECK (seq > 0),
        data BLOB NOT NULL,
        PRIMARY KEY (document_id, seq)
      ) STRICT;
    `,
  },
];
