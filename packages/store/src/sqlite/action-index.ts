import type { ActionItem } from '@accord/domain';
import type Database from 'better-sqlite3';
import type { IndexedAction } from '../store.ts';

interface Row {
  document_id: string;
  partnership_id: string;
  indexed_at: number;
  data: string;
}

function toAction(row: Row): IndexedAction {
  return {
    ...(JSON.parse(row.data) as ActionItem),
    documentId: row.document_id,
    partnershipId: row.partnership_id,
    indexedAt: row.indexed_at,
  };
}

const select = `
  SELECT a.document_id, d.partnership_id, i.indexed_at, a.data
  FROM action_index a
  JOIN documents d ON d.id = a.document_id
  JOIN action_index_documents i ON i.document_id = a.document_id`;

/** The action index: the synchronous SQLite half of the Store's action section. */
export class SqliteActionIndex {
  readonly #replace: (documentId: string, actions: readonly ActionItem[], at: number) => void;
  readonly #byDocument: Database.Statement<[string], Row>;
  readonly #byPartnership: Database.Statement<[string], Row>;
  readonly #unindexed: Database.Statement<[], { id: string }>;

  constructor(db: Database.Database) {
    const remove = db.prepare<[string]>('DELETE FROM action_index WHERE document_id = ?');
    const insert = db.prepare<[string, string, number, string]>(
      'INSERT INTO action_index (document_id, action_id, position, data) VALUES (?, ?, ?, ?)',
    );
    const mark = db.prepare<[string, number]>(
      `INSERT INTO action_index_documents (document_id, indexed_at) VALUES (?, ?)
       ON CONFLICT (document_id) DO UPDATE SET indexed_at = excluded.indexed_at`,
    );
    // One transaction: readers see the document's old actions or its new ones, never a mix.
    this.#replace = db.transaction(
      (documentId: string, actions: readonly ActionItem[], at: number) => {
        remove.run(documentId);
        for (const action of actions) {
          insert.run(documentId, action.id, action.position, JSON.stringify(action));
        }
        mark.run(documentId, at);
      },
    );
    this.#byDocument = db.prepare(`${select} WHERE a.document_id = ? ORDER BY a.position`);
    this.#byPartnership = db.prepare(
      `${select} WHERE d.partnership_id = ? AND d.archived = 0
       ORDER BY d.created_at, a.document_id, a.position`,
    );
    this.#unindexed = db.prepare(
      `SELECT d.id FROM documents d
       LEFT JOIN action_index_documents i ON i.document_id = d.id
       WHERE i.document_id IS NULL ORDER BY d.created_at`,
    );
  }

  replace(documentId: string, actions: readonly ActionItem[], at: number): void {
    this.#replace(documentId, actions, at);
  }

  listByDocument(documentId: string): IndexedAction[] {
    return this.#byDocument.all(documentId).map(toAction);
  }

  listByPartnership(partnershipId: string): IndexedAction[] {
    return this.#byPartnership.all(partnershipId).map(toAction);
  }

  listUnindexed(): string[] {
    return this.#unindexed.all().map((row) => row.id);
  }
}
