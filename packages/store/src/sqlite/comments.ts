import type Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import type {
  CommentRecord,
  CommentThreadRecord,
  ThreadQuery,
  ThreadStatusChange,
  ThreadWithComments,
} from '../store.ts';
import {
  type CommentRow,
  commentRow,
  type ThreadRow,
  threadRow,
  toComment,
  toThread,
} from './comment-rows.ts';
import { alreadyExists, unknownDocument, unknownPerson, withClearConstraints } from './errors.ts';
import type { Lookups } from './lookups.ts';

const unknownThread = (id: string) => new StoreError('unknown_thread', `unknown thread ${id}`);
const unknownComment = (id: string) => new StoreError('unknown_comment', `unknown comment ${id}`);

/**
 * Comment threads, their comments and read markers: the synchronous SQLite half of the Store's
 * comment section. Every write that touches more than one row runs in one IMMEDIATE transaction;
 * each change of a thread or of one of its comments moves the thread's `activity_at` forward.
 */
export class SqliteComments {
  readonly #db: Database.Database;
  readonly #lookups: Lookups;
  readonly #insertThread;
  readonly #insertComment;
  readonly #selectThread;
  readonly #selectComment;
  readonly #selectCommentsOf;
  readonly #selectDocumentPartnership;
  readonly #touchThread;
  readonly #updateBody;
  readonly #deleteBody;
  readonly #updateStatus;
  readonly #upsertRead;
  readonly #selectReads;
  readonly #selectDigest;
  readonly #upsertDigest;
  readonly #createThread;
  readonly #addComment;
  readonly #editComment;
  readonly #deleteComment;
  readonly #setStatus;
  /** listThreads builds its SQL from the filters given; each shape is prepared once. */
  readonly #listStatements = new Map<
    string,
    Database.Statement<Record<string, unknown>, ThreadRow>
  >();

  constructor(db: Database.Database, lookups: Lookups) {
    this.#db = db;
    this.#lookups = lookups;
    this.#insertThread = db.prepare<[ThreadRow]>(
      `INSERT INTO comment_threads (id, document_id, partnership_id, organisation_id, visibility,
         anchor_start, anchor_end, anchor_quote, anchor_prefix, anchor_suffix, status,
         resolved_by, resolved_at, created_by, created_at, activity_at)
       VALUES (@id, @document_id, @partnership_id, @organisation_id, @visibility,
         @anchor_start, @anchor_end, @anchor_quote, @anchor_prefix, @anchor_suffix, @status,
         @resolved_by, @resolved_at, @created_by, @created_at, @activity_at)`,
    );
    this.#insertComment = db.prepare<[CommentRow]>(
      `INSERT INTO comments (id, thread_id, author_id, author_organisation_id, body, mentions,
         created_at, edited_at, deleted_at)
       VALUES (@id, @thread_id, @author_id, @author_organisation_id, @body, @mentions,
         @created_at, @edited_at, @deleted_at)`,
    );
    this.#selectThread = db.prepare<[string], ThreadRow>(
      'SELECT * FROM comment_threads WHERE id = ?',
    );
    this.#selectComment = db.prepare<[string], CommentRow>('SELECT * FROM comments WHERE id = ?');
    // Ids as one JSON array: any number of threads in one statement.
    this.#selectCommentsOf = db.prepare<[string], CommentRow>(
      `SELECT * FROM comments WHERE thread_id IN (SELECT value FROM json_each(?))
       ORDER BY created_at, rowid`,
    );
    this.#selectDocumentPartnership = db
      .prepare<[string], string>('SELECT partnership_id FROM documents WHERE id = ?')
      .pluck();
    this.#touchThread = db.prepare<[number, string]>(
      'UPDATE comment_threads SET activity_at = max(activity_at, ?) WHERE id = ?',
    );
    this.#updateBody = db.prepare<[string, string, number, string]>(
      'UPDATE comments SET body = ?, mentions = ?, edited_at = ? WHERE id = ?',
    );
    this.#deleteBody = db.prepare<[number, string]>(
      `UPDATE comments SET body = '', mentions = '[]', deleted_at = ?
       WHERE id = ? AND deleted_at IS NULL`,
    );
    this.#updateStatus = db.prepare<[string, string | null, number | null, string]>(
      'UPDATE comment_threads SET status = ?, resolved_by = ?, resolved_at = ? WHERE id = ?',
    );
    this.#upsertRead = db
      .prepare<[string, string, number], number>(
        `INSERT INTO comment_reads (person_id, document_id, seen_at) VALUES (?, ?, ?)
         ON CONFLICT (person_id, document_id) DO UPDATE SET seen_at = max(seen_at, excluded.seen_at)
         RETURNING seen_at`,
      )
      .pluck();
    this.#selectReads = db.prepare<[string, string], { document_id: string; seen_at: number }>(
      `SELECT document_id, seen_at FROM comment_reads
       WHERE person_id = ? AND document_id IN (SELECT value FROM json_each(?))`,
    );
    this.#selectDigest = db
      .prepare<[string], number>('SELECT sent_upto FROM comment_digests WHERE person_id = ?')
      .pluck();
    this.#upsertDigest = db.prepare<[string, number]>(
      `INSERT INTO comment_digests (person_id, sent_upto) VALUES (?, ?)
       ON CONFLICT (person_id) DO UPDATE SET sent_upto = max(sent_upto, excluded.sent_upto)`,
    );
    this.#createThread = db.transaction((t: CommentThreadRecord, first: CommentRecord) =>
      this.#create(t, first),
    );
    this.#addComment = db.transaction((c: CommentRecord) => this.#add(c));
    this.#editComment = db.transaction(
      (id: string, body: string, mentions: string, at: number): CommentRecord => {
        const row = this.#selectComment.get(id);
        if (!row) throw unknownComment(id);
        if (row.deleted_at !== null) {
          throw new StoreError('comment_deleted', `comment ${id} was deleted`);
        }
        this.#updateBody.run(body, mentions, at, id);
        this.#touchThread.run(at, row.thread_id);
        return toComment({ ...row, body, mentions, edited_at: at });
      },
    );
    this.#deleteComment = db.transaction((id: string, at: number) => {
      const row = this.#selectComment.get(id);
      if (!row) throw unknownComment(id);
      if (row.deleted_at !== null) return { comment: toComment(row), changed: false };
      this.#deleteBody.run(at, id);
      this.#touchThread.run(at, row.thread_id);
      const comment = toComment({ ...row, body: '', mentions: '[]', deleted_at: at });
      return { comment, changed: true };
    });
    this.#setStatus = db.transaction((id: string, change: ThreadStatusChange) => {
      const row = this.#selectThread.get(id);
      if (!row) throw unknownThread(id);
      if (row.status === change.status) return { thread: toThread(row), changed: false };
      const by = change.status === 'resolved' ? change.by : null;
      const at = change.status === 'resolved' ? change.at : null;
      this.#updateStatus.run(change.status, by, at, id);
      this.#touchThread.run(change.at, id);
      const activity = Math.max(row.activity_at, change.at);
      const updated = { ...row, status: change.status, resolved_by: by, resolved_at: at };
      return { thread: toThread({ ...updated, activity_at: activity }), changed: true };
    });
  }

  createThread(thread: CommentThreadRecord, first: CommentRecord): void {
    this.#createThread.immediate(thread, first);
  }

  getThread(id: string): ThreadWithComments | undefined {
    const row = this.#selectThread.get(id);
    return row && this.#withComments([row])[0];
  }

  listThreads(query: ThreadQuery): ThreadWithComments[] {
    const { sql, params } = listSql(query);
    let statement = this.#listStatements.get(sql);
    if (!statement) {
      statement = this.#db.prepare<Record<string, unknown>, ThreadRow>(sql);
      this.#listStatements.set(sql, statement);
    }
    return this.#withComments(statement.all(params));
  }

  addComment(comment: CommentRecord): void {
    this.#addComment.immediate(comment);
  }

  editComment(
    id: string,
    edit: { body: string; mentions: CommentRecord['mentions']; at: number },
  ): CommentRecord {
    return this.#editComment.immediate(id, edit.body, JSON.stringify(edit.mentions), edit.at);
  }

  deleteComment(id: string, at: number): { comment: CommentRecord; changed: boolean } {
    return this.#deleteComment.immediate(id, at);
  }

  setThreadStatus(
    id: string,
    change: ThreadStatusChange,
  ): { thread: CommentThreadRecord; changed: boolean } {
    return this.#setStatus.immediate(id, change);
  }

  markRead(personId: string, documentId: string, at: number): number {
    return withClearConstraints(
      {
        foreignKey: () =>
          this.#lookups.personState(personId) === 'unknown'
            ? unknownPerson(personId)
            : unknownDocument(documentId),
      },
      () => {
        const seenAt = this.#upsertRead.get(personId, documentId, at);
        if (seenAt === undefined) throw new Error('the read marker was not stored');
        return seenAt;
      },
    );
  }

  getReadMarkers(personId: string, documentIds: readonly string[]): Map<string, number> {
    const rows = this.#selectReads.all(personId, JSON.stringify(documentIds));
    return new Map(rows.map((row) => [row.document_id, row.seen_at]));
  }

  getDigestMarker(personId: string): number | undefined {
    return this.#selectDigest.get(personId);
  }

  setDigestMarker(personId: string, upTo: number): void {
    withClearConstraints({ foreignKey: () => unknownPerson(personId) }, () =>
      this.#upsertDigest.run(personId, upTo),
    );
  }

  #create(thread: CommentThreadRecord, first: CommentRecord): void {
    if (first.threadId !== thread.id) {
      throw new Error(`comment ${first.id} does not belong to thread ${thread.id}`);
    }
    const partnershipId = this.#selectDocumentPartnership.get(thread.documentId);
    if (partnershipId === undefined) throw unknownDocument(thread.documentId);
    if (partnershipId !== thread.partnershipId) {
      throw new Error(
        `document ${thread.documentId} is not in partnership ${thread.partnershipId}`,
      );
    }
    this.#lookups.requireActivePerson(thread.createdBy);
    this.#lookups.requireOrganisation(thread.organisationId);
    withClearConstraints(
      {
        primaryKey: () => alreadyExists(`thread ${thread.id}`),
        foreignKey: () => unknownPerson(thread.resolvedBy ?? thread.createdBy),
      },
      () => this.#insertThread.run(threadRow(thread)),
    );
    this.#add(first);
  }

  #add(comment: CommentRecord): void {
    if (!this.#selectThread.get(comment.threadId)) throw unknownThread(comment.threadId);
    this.#lookups.requireActivePerson(comment.authorId);
    this.#lookups.requireOrganisation(comment.authorOrganisationId);
    withClearConstraints({ primaryKey: () => alreadyExists(`comment ${comment.id}`) }, () =>
      this.#insertComment.run(commentRow(comment)),
    );
    this.#touchThread.run(comment.editedAt ?? comment.createdAt, comment.threadId);
  }

  #withComments(rows: ThreadRow[]): ThreadWithComments[] {
    if (rows.length === 0) return [];
    const comments = new Map<string, CommentRecord[]>(rows.map((row) => [row.id, []]));
    for (const row of this.#selectCommentsOf.all(JSON.stringify(rows.map((r) => r.id)))) {
      comments.get(row.thread_id)?.push(toComment(row));
    }
    return rows.map((row) => ({ ...toThread(row), comments: comments.get(row.id) ?? [] }));
  }
}

/**
 * The SQL of one thread query. Visibility comes first and is never optional: shared threads, and
 * internal ones only of the viewer's organisation (any visibility but 'partnership' counts as
 * internal). Parameters are bound, never spliced: only the shape of the SQL varies.
 */
function listSql(query: ThreadQuery): { sql: string; params: Record<string, unknown> } {
  const where = ["(t.visibility = 'partnership' OR t.organisation_id = @viewer)"];
  const params: Record<string, unknown> = { viewer: query.visibleToOrganisationId };
  let from = 'comment_threads t';
  let order = 't.created_at, t.rowid';
  if ('documentId' in query.scope) {
    where.push('t.document_id = @scopeDocument');
    params.scopeDocument = query.scope.documentId;
  } else {
    from += ' JOIN documents d ON d.id = t.document_id AND d.archived = 0';
    where.push('t.partnership_id = @partnership');
    params.partnership = query.scope.partnershipId;
    order = 't.activity_at DESC, t.rowid DESC';
  }
  if (query.documentId !== undefined) {
    where.push('t.document_id = @document');
    params.document = query.documentId;
  }
  if (query.activeAfter !== undefined) {
    where.push('t.activity_at > @activeAfter');
    params.activeAfter = query.activeAfter;
  }
  if (query.status !== undefined) {
    where.push('t.status = @status');
    params.status = query.status;
  }
  if (query.startedByOrganisationId !== undefined) {
    where.push('t.organisation_id = @startedBy');
    params.startedBy = query.startedByOrganisationId;
  }
  if (query.participantId !== undefined) {
    where.push(
      'EXISTS (SELECT 1 FROM comments c WHERE c.thread_id = t.id AND c.author_id = @participant)',
    );
    params.participant = query.participantId;
  }
  if (query.mentioning !== undefined) {
    where.push(`EXISTS (
      SELECT 1 FROM comments c, json_each(c.mentions) m
      WHERE c.thread_id = t.id AND c.deleted_at IS NULL AND (
        (json_extract(m.value, '$.kind') = 'person'
          AND json_extract(m.value, '$.personId') = @mentionedPerson)
        OR (json_extract(m.value, '$.kind') = 'organisation'
          AND json_extract(m.value, '$.organisationId') = @mentionedOrganisation)))`);
    params.mentionedPerson = query.mentioning.personId;
    params.mentionedOrganisation = query.mentioning.organisationId;
  }
  let sql = `SELECT t.* FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order}`;
  if (query.limit !== undefined) {
    sql += ' LIMIT @limit';
    params.limit = query.limit;
  }
  return { sql, params };
}
