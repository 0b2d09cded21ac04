/**
 * The schema's history. Each migration runs once, in order, inside the same transaction as the
 * bump of `PRAGMA user_version` to its number, so a crash mid-migration leaves the previous
 * version intact. Never edit a released migration: add the next number.
 *
 * Migration 1 is the pre-release baseline. Accord had no release and no deployed data when
 * accounts, organisations that exist on their own, memberships, invitations and the audit log
 * arrived, so the first schema was replaced in place rather than migrated; from the first
 * release on, every change is a new number. (A database file written by a development build
 * before that baseline also says version 1 but has the old tables: delete it, `./data` is
 * re-seeded at start.)
 *
 * Conventions:
 * - Times are integers, milliseconds since the epoch; booleans are 0/1 with a CHECK.
 * - Enumerations (role, sector, kind, language) carry no CHECK constraint on purpose: SQLite
 *   cannot alter a CHECK without rebuilding the table (and every table whose foreign keys point
 *   at it), and the values are validated by `@accord/domain` before they reach the store.
 * - No row that an audit entry or a document could name is ever deleted: a person is erased by
 *   nulling their personal data, an organisation leaves a partnership by `left_at`.
 * - Secrets are stored as hashes only (session ids, tickets, reset links, invitation tokens).
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description:
      'pre-release baseline: partnerships, organisations and their participations, people, ' +
      'memberships, sessions, tickets, password resets, invitations, audit chains, documents ' +
      'and their bodies',
    sql: `
      CREATE TABLE partnerships (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        purpose TEXT NOT NULL,
        language TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      -- Organisations exist on their own; participations place them in partnerships.
      CREATE TABLE organisations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sector TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      -- One row per organisation and partnership, kept after the organisation leaves (left_at),
      -- and reused when it comes back.
      CREATE TABLE participations (
        partnership_id TEXT NOT NULL REFERENCES partnerships (id),
        organisation_id TEXT NOT NULL REFERENCES organisations (id),
        colour TEXT NOT NULL,
        joined_at INTEGER NOT NULL,
        left_at INTEGER,
        PRIMARY KEY (partnership_id, organisation_id)
      ) STRICT;
      CREATE INDEX participations_by_organisation ON participations (organisation_id);

      -- Accounts. Erasure nulls name, email and password_hash and sets erased_at; the row stays.
      -- Emails are written lower-cased, so UNIQUE is case-insensitive; NULLs never collide.
      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        organisation_id TEXT NOT NULL REFERENCES organisations (id),
        name TEXT,
        email TEXT UNIQUE,
        password_hash TEXT,
        colour TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        erased_at INTEGER,
        CHECK (erased_at IS NULL OR (name IS NULL AND email IS NULL AND password_hash IS NULL))
      ) STRICT;
      CREATE INDEX people_by_organisation ON people (organisation_id);

      CREATE TABLE memberships (
        partnership_id TEXT NOT NULL REFERENCES partnerships (id),
        person_id TEXT NOT NULL REFERENCES people (id),
        role TEXT NOT NULL,
        signatory INTEGER NOT NULL CHECK (signatory IN (0, 1)),
        created_at INTEGER NOT NULL,
        PRIMARY KEY (partnership_id, person_id)
      ) STRICT;
      CREATE INDEX memberships_by_person ON memberships (person_id);

      -- id is the SHA-256 of the cookie's token.
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES people (id),
        csrf_token TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);
      CREATE INDEX sessions_by_person ON sessions (person_id);

      -- Single-use websocket tickets, by hash.
      CREATE TABLE tickets (
        hash TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES people (id),
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      ) STRICT;
      CREATE INDEX tickets_by_person ON tickets (person_id);
      CREATE INDEX tickets_by_expiry ON tickets (expires_at);

      -- Single-use password-reset links, by hash; created_by is the facilitator who issued it.
      CREATE TABLE password_resets (
        hash TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES people (id),
        created_by TEXT REFERENCES people (id),
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      ) STRICT;
      CREATE INDEX password_resets_by_person ON password_resets (person_id);
      CREATE INDEX password_resets_by_expiry ON password_resets (expires_at);

      CREATE TABLE invitations (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        partnership_id TEXT NOT NULL REFERENCES partnerships (id),
        organisation_id TEXT NOT NULL REFERENCES organisations (id),
        role TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES people (id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        used_by TEXT REFERENCES people (id),
        revoked_at INTEGER,
        CHECK ((used_at IS NULL) = (used_by IS NULL))
      ) STRICT;
      CREATE INDEX invitations_by_partnership ON invitations (partnership_id, organisation_id);

      -- Append-only hash chains ('partnership:<id>', 'organisation:<id>'). actor_id names a
      -- person by id only and has no foreign key: the log must stay appendable and verifiable
      -- whatever happens to other tables. data is the entry's JSON object.
      CREATE TABLE audit_entries (
        chain TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq > 0),
        at INTEGER NOT NULL,
        actor_id TEXT,
        action TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data) AND json_type(data) = 'object'),
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (chain, seq)
      ) STRICT;
      CREATE TRIGGER audit_entries_are_never_updated BEFORE UPDATE ON audit_entries
      BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
      CREATE TRIGGER audit_entries_are_never_deleted BEFORE DELETE ON audit_entries
      BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;

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
  {
    version: 2,
    description:
      'comments: threads anchored in document bodies (shared or internal to an organisation), ' +
      'their comments, and per-person read markers',
    sql: `
      -- A thread lives outside the body: anchor_start and anchor_end are base64 of Yjs relative
      -- positions, stored opaque; the quote and its context keep the original text. An internal
      -- thread (visibility 'organisation') belongs to organisation_id, the author's organisation;
      -- readers treat any visibility but 'partnership' as internal (fail closed).
      CREATE TABLE comment_threads (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id),
        partnership_id TEXT NOT NULL REFERENCES partnerships (id),
        organisation_id TEXT NOT NULL REFERENCES organisations (id),
        visibility TEXT NOT NULL,
        anchor_start TEXT NOT NULL,
        anchor_end TEXT NOT NULL,
        anchor_quote TEXT NOT NULL,
        anchor_prefix TEXT NOT NULL,
        anchor_suffix TEXT NOT NULL,
        status TEXT NOT NULL,
        resolved_by TEXT REFERENCES people (id),
        resolved_at INTEGER,
        created_by TEXT NOT NULL REFERENCES people (id),
        created_at INTEGER NOT NULL,
        activity_at INTEGER NOT NULL,
        CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))
      ) STRICT;
      CREATE INDEX comment_threads_by_document ON comment_threads (document_id, created_at);
      CREATE INDEX comment_threads_by_partnership ON comment_threads (partnership_id, activity_at);

      -- Never deleted: deleting a comment empties body and mentions and sets deleted_at, a
      -- visible trace. mentions is a JSON array of {kind:'person',personId} or
      -- {kind:'organisation',organisationId}.
      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        thread_id TEXT NOT NULL REFERENCES comment_threads (id),
        author_id TEXT NOT NULL REFERENCES people (id),
        author_organisation_id TEXT NOT NULL REFERENCES organisations (id),
        body TEXT NOT NULL,
        mentions TEXT NOT NULL CHECK (json_valid(mentions) AND json_type(mentions) = 'array'),
        created_at INTEGER NOT NULL,
        edited_at INTEGER,
        deleted_at INTEGER,
        CHECK (deleted_at IS NULL OR (body = '' AND mentions = '[]'))
      ) STRICT;
      CREATE INDEX comments_by_thread ON comments (thread_id, created_at);
      CREATE INDEX comments_by_author ON comments (author_id, thread_id);

      -- What each person has seen of a document's comments: "new since my last visit".
      CREATE TABLE comment_reads (
        person_id TEXT NOT NULL REFERENCES people (id),
        document_id TEXT NOT NULL REFERENCES documents (id),
        seen_at INTEGER NOT NULL,
        PRIMARY KEY (person_id, document_id)
      ) STRICT;
    `,
  },
  {
    version: 3,
    description:
      'review rounds on documents (one open at a time, with a deadline) and the reviews each ' +
      'organisation marks done, with a summary',
    sql: `
      -- closed_at NULL: the round is open. At most one open round per document, enforced here so
      -- two facilitators opening at once cannot both succeed; closed rounds stay as history.
      CREATE TABLE review_rounds (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id),
        partnership_id TEXT NOT NULL REFERENCES partnerships (id),
        opened_by TEXT NOT NULL REFERENCES people (id),
        opened_at INTEGER NOT NULL,
        deadline INTEGER NOT NULL,
        closed_by TEXT REFERENCES people (id),
        closed_at INTEGER,
        CHECK ((closed_at IS NULL) = (closed_by IS NULL))
      ) STRICT;
      CREATE INDEX review_rounds_by_document ON review_rounds (document_id, opened_at);
      CREATE UNIQUE INDEX review_rounds_one_open ON review_rounds (document_id)
        WHERE closed_at IS NULL;

      -- One review per organisation and round; marking again replaces the summary.
      CREATE TABLE review_marks (
        round_id TEXT NOT NULL REFERENCES review_rounds (id),
        organisation_id TEXT NOT NULL REFERENCES organisations (id),
        marked_by TEXT NOT NULL REFERENCES people (id),
        marked_at INTEGER NOT NULL,
        summary TEXT NOT NULL,
        PRIMARY KEY (round_id, organisation_id)
      ) STRICT;
    `,
  },
  {
    version: 4,
    description:
      'agreement sign-off: lifecycle state, the versions locked for signing (canonical bytes ' +
      'and fingerprint), decisions of signatories, and the exports of final agreements',
    sql: `
      -- One row per agreement that ever left draft; no row reads as draft, version 0.
      CREATE TABLE agreements (
        document_id TEXT PRIMARY KEY REFERENCES documents (id),
        partnership_id TEXT NOT NULL REFERENCES partnerships (id),
        state TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 0),
        updated_at INTEGER NOT NULL,
        updated_by TEXT REFERENCES people (id)
      ) STRICT;
      CREATE INDEX agreements_by_partnership ON agreements (partnership_id, state);
      -- A final agreement is frozen: its row never changes again, and it never leaves.
      CREATE TRIGGER agreements_final_frozen BEFORE UPDATE ON agreements
        WHEN OLD.state = 'final'
        BEGIN SELECT RAISE(ABORT, 'a final agreement never changes'); END;
      CREATE TRIGGER agreements_never_deleted BEFORE DELETE ON agreements
        BEGIN SELECT RAISE(ABORT, 'agreements are never deleted'); END;

      -- What was locked each time the agreement entered signing: the canonical bytes that were
      -- fingerprinted, and the party organisations (JSON array of ids) fixed at that moment.
      CREATE TABLE agreement_versions (
        document_id TEXT NOT NULL REFERENCES documents (id),
        version INTEGER NOT NULL CHECK (version > 0),
        fingerprint TEXT NOT NULL,
        canonical BLOB NOT NULL,
        canonical_version INTEGER NOT NULL,
        parties TEXT NOT NULL CHECK (json_valid(parties) AND json_type(parties) = 'array'),
        locked_at INTEGER NOT NULL,
        locked_by TEXT NOT NULL REFERENCES people (id),
        ended_at INTEGER,
        outcome TEXT,
        PRIMARY KEY (document_id, version),
        CHECK ((ended_at IS NULL) = (outcome IS NULL))
      ) STRICT;
      CREATE INDEX agreement_versions_by_fingerprint ON agreement_versions (fingerprint);
      CREATE TRIGGER agreement_versions_locked BEFORE UPDATE ON agreement_versions
        WHEN OLD.ended_at IS NOT NULL OR NEW.fingerprint IS NOT OLD.fingerprint
          OR NEW.canonical IS NOT OLD.canonical OR NEW.parties IS NOT OLD.parties
        BEGIN SELECT RAISE(ABORT, 'a locked version never changes'); END;

      -- Decisions are history: withdrawing sets withdrawn_at, nothing is deleted.
      CREATE TABLE agreement_decisions (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        fingerprint TEXT NOT NULL,
        organisation_id TEXT NOT NULL REFERENCES organisations (id),
        person_id TEXT NOT NULL REFERENCES people (id),
        role TEXT NOT NULL,
        decision TEXT NOT NULL,
        reason TEXT,
        at INTEGER NOT NULL,
        withdrawn_at INTEGER,
        withdrawn_by TEXT REFERENCES people (id),
        FOREIGN KEY (document_id, version) REFERENCES agreement_versions (document_id, version)
      ) STRICT;
      CREATE INDEX agreement_decisions_by_document ON agreement_decisions (document_id, version);
      CREATE TRIGGER agreement_decisions_never_deleted BEFORE DELETE ON agreement_decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END;

      -- The files rendered once when the agreement became final, with their SHA-256.
      CREATE TABLE agreement_exports (
        document_id TEXT NOT NULL REFERENCES documents (id),
        name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        bytes BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (document_id, name)
      ) STRICT;
      CREATE INDEX agreement_exports_by_sha256 ON agreement_exports (sha256);
      CREATE TRIGGER agreement_exports_frozen BEFORE UPDATE ON agreement_exports
        BEGIN SELECT RAISE(ABORT, 'exports of a final agreement never change'); END;
    `,
  },
  {
    version: 5,
    description: 'comment digests by email: up to when each person was sent one',
    sql: `
      -- Everything before sent_upto was considered for the person's last digest (sent, or found
      -- empty); the next digest covers only what came after. Moves only forward.
      CREATE TABLE comment_digests (
        person_id TEXT PRIMARY KEY REFERENCES people (id),
        sent_upto INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 6,
    description: 'update log rows say their Yjs encoding (1 or 2), so rows can be stored in V2',
    sql: `
      -- 1: Yjs update format V1 (every row before this migration); 2: format V2, several times
      -- smaller for a row that merges many keystrokes. Snapshots stay V1.
      ALTER TABLE document_updates ADD COLUMN encoding INTEGER NOT NULL DEFAULT 1
        CHECK (encoding IN (1, 2));
    `,
  },
  {
    version: 7,
    description: 'the action index: actions read out of stored document bodies',
    sql: `
      -- Derived data, rebuilt from the stored body of each document (debounced after commits):
      -- one row per action, its fields as JSON (ActionItem of @accord/domain). Never the source of
      -- truth, so it may be dropped and rebuilt at any time.
      CREATE TABLE action_index (
        document_id TEXT NOT NULL REFERENCES documents (id),
        action_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        PRIMARY KEY (document_id, action_id)
      ) STRICT;

      -- When each document was last indexed; a document without a row was never indexed.
      CREATE TABLE action_index_documents (
        document_id TEXT PRIMARY KEY REFERENCES documents (id),
        indexed_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 8,
    description: 'snapshots keep their Yjs state vector',
    sql: `
      -- Written with the snapshot at compaction (on the body writer's thread), so a room loaded
      -- from it answers its first joiner without parsing the whole state for its own sync step 1.
      -- NULL for snapshots written before (and for bytes Yjs cannot read): the state vector is
      -- then read from the state, as before.
      ALTER TABLE document_snapshots ADD COLUMN state_vector BLOB;
    `,
  },
];
