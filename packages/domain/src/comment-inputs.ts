import { z } from 'zod';
import { threadStatuses, threadVisibilities } from './comment-records.ts';
import { ID_PATTERN } from './ids.ts';

/**
 * Limits of comments, documented in docs/ARCHITECTURE.md. Lengths are counted as JavaScript
 * and a textarea's `maxlength` count them (UTF-16 code units: an emoji may count as two).
 */
export const commentLimits = {
  /** Characters of a comment body. Over it the API answers 413 `comment_too_long`. */
  bodyChars: 10_000,
  /** Mentions in one comment. */
  mentions: 50,
  /** Characters of the quoted text of an anchor. */
  quoteChars: 5_000,
  /** Characters of context kept on each side of the quote. */
  contextChars: 200,
  /** Characters of the base64 of one relative position (a few dozen bytes in practice). */
  positionChars: 1_024,
  /** Threads one inbox page returns at most. */
  inboxPage: 200,
} as const;

const id = z.string().regex(ID_PATTERN, 'an id');
const base64 = z
  .string()
  .min(1, 'required')
  .max(commentLimits.positionChars, `at most ${commentLimits.positionChars} characters`)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64 of Y.encodeRelativePosition');

export const mentionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), personId: id }),
  z.object({ kind: z.literal('organisation'), organisationId: id }),
]);

export const commentAnchorSchema = z.object({
  start: base64,
  end: base64,
  quote: z.string().min(1, 'the selected text').max(commentLimits.quoteChars),
  prefix: z.string().max(commentLimits.contextChars).default(''),
  suffix: z.string().max(commentLimits.contextChars).default(''),
});

/** Plain text; surrounding blank space is dropped, and an empty comment is refused. */
export const commentBodySchema = z
  .string()
  .trim()
  .min(1, 'a comment cannot be empty')
  .max(commentLimits.bodyChars, `at most ${commentLimits.bodyChars} characters`);

const mentions = z
  .array(mentionSchema)
  .max(commentLimits.mentions, `at most ${commentLimits.mentions} mentions`)
  .default([]);

/** Body of `POST /api/documents/:id/threads`: a new thread and its first comment. */
export const createThreadInput = z.object({
  anchor: commentAnchorSchema,
  body: commentBodySchema,
  visibility: z.enum(threadVisibilities).default('partnership'),
  mentions,
});
export type CreateThreadInput = z.infer<typeof createThreadInput>;

/** Body of a reply (`POST …/threads/:threadId/comments`). */
export const replyInput = z.object({ body: commentBodySchema, mentions });
export type ReplyInput = z.infer<typeof replyInput>;

/** Body of an edit (`PATCH …/comments/:commentId`): the new text and its mentions. */
export const editCommentInput = z.object({ body: commentBodySchema, mentions });
export type EditCommentInput = z.infer<typeof editCommentInput>;

/** Body of `PATCH …/threads/:threadId`: resolve or reopen. */
export const threadStatusInput = z.object({ status: z.enum(threadStatuses) });

/** Query of `GET /api/documents/:id/threads`. */
export const threadListQuery = z.object({ status: z.enum(threadStatuses).optional() });

/** Body of `POST /api/documents/:id/threads/read`: seen up to `upTo` (default: now). */
export const markReadInput = z.object({ upTo: z.number().int().nonnegative().optional() });

const flag = z
  .enum(['1', 'true', '0', 'false'])
  .transform((v) => v === '1' || v === 'true')
  .optional();

/** Query of `GET /api/partnerships/:id/inbox`. */
export const inboxQuery = z.object({
  status: z.enum(threadStatuses).optional(),
  /** Threads started by people of this organisation. */
  organisationId: id.optional(),
  documentId: id.optional(),
  /** Threads I started or replied to. */
  mine: flag,
  /** Threads with a comment that mentions me or my organisation. */
  mentions: flag,
  limit: z.coerce.number().int().min(1).max(commentLimits.inboxPage).default(50),
});
export type InboxQuery = z.infer<typeof inboxQuery>;
