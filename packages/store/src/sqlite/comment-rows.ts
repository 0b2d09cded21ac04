import type { CommentRecord, CommentThreadRecord, Mention, ThreadStatus } from '../store.ts';

/** Rows of the comment tables as SQLite returns them (see rows.ts for the conventions). */
export interface ThreadRow {
  id: string;
  document_id: string;
  partnership_id: string;
  organisation_id: string;
  visibility: string;
  anchor_start: string;
  anchor_end: string;
  anchor_quote: string;
  anchor_prefix: string;
  anchor_suffix: string;
  status: string;
  resolved_by: string | null;
  resolved_at: number | null;
  created_by: string;
  created_at: number;
  activity_at: number;
}

export interface CommentRow {
  id: string;
  thread_id: string;
  author_id: string;
  author_organisation_id: string;
  body: string;
  /** JSON array of mentions. */
  mentions: string;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
}

export function threadRow(t: CommentThreadRecord): ThreadRow {
  return {
    id: t.id,
    document_id: t.documentId,
    partnership_id: t.partnershipId,
    organisation_id: t.organisationId,
    visibility: t.visibility,
    anchor_start: t.anchor.start,
    anchor_end: t.anchor.end,
    anchor_quote: t.anchor.quote,
    anchor_prefix: t.anchor.prefix,
    anchor_suffix: t.anchor.suffix,
    status: t.status,
    resolved_by: t.resolvedBy,
    resolved_at: t.resolvedAt,
    created_by: t.createdBy,
    created_at: t.createdAt,
    activity_at: t.lastActivityAt,
  };
}

export function toThread(row: ThreadRow): CommentThreadRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    partnershipId: row.partnership_id,
    organisationId: row.organisation_id,
    // Any value but 'partnership' reads as internal: a stray value can hide a thread, never show it.
    visibility: row.visibility === 'partnership' ? 'partnership' : 'organisation',
    anchor: {
      start: row.anchor_start,
      end: row.anchor_end,
      quote: row.anchor_quote,
      prefix: row.anchor_prefix,
      suffix: row.anchor_suffix,
    },
    status: row.status as ThreadStatus,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastActivityAt: row.activity_at,
  };
}

export function commentRow(c: CommentRecord): CommentRow {
  return {
    id: c.id,
    thread_id: c.threadId,
    author_id: c.authorId,
    author_organisation_id: c.authorOrganisationId,
    body: c.body,
    mentions: JSON.stringify(c.mentions),
    created_at: c.createdAt,
    edited_at: c.editedAt,
    deleted_at: c.deletedAt,
  };
}

export function toComment(row: CommentRow): CommentRecord {
  return {
    id: row.id,
    threadId: row.thread_id,
    authorId: row.author_id,
    authorOrganisationId: row.author_organisation_id,
    body: row.body,
    mentions: JSON.parse(row.mentions) as Mention[],
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
  };
}
