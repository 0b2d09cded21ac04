import {
  type CommentActor,
  type CommentRecord,
  canSeeThread,
  ID_PATTERN,
  type ThreadWithComments,
} from '@accord/domain';
import type { Store } from '@accord/store';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import type { DocumentContext } from './document-access.ts';
import type { ReadJsonOptions } from './read-json.ts';

/** What the comment routes share: lookups that answer 404 alike, the actor, the limits. */

/**
 * Largest request body of a comment route. The text is limited to 10 000 characters (413
 * `comment_too_long`); this bounds everything around it (the quote, JSON escapes) before parsing.
 */
export const MAX_COMMENT_REQUEST_BYTES = 256 * 1024;

export const commentRequestLimit = bodyLimit({
  maxSize: MAX_COMMENT_REQUEST_BYTES,
  onError: (c) => {
    // Answered before the body was read: the connection cannot carry another request.
    c.header('Connection', 'close');
    return apiError(
      c,
      413,
      'payload_too_large',
      `Requests are limited to ${MAX_COMMENT_REQUEST_BYTES} bytes.`,
    );
  },
});

/** A body over its limit answers 413 `comment_too_long`, not 400. */
export const commentTooLong: ReadJsonOptions = { tooLong: { body: 'comment_too_long' } };

export function actorOf(ctx: DocumentContext): CommentActor {
  return {
    personId: ctx.auth.person.id,
    organisationId: ctx.auth.person.organisationId,
    role: ctx.membership.role,
  };
}

/**
 * The thread named by `:threadId`, if it is on this document and the caller may see it; 404 for
 * anything else — another organisation's internal thread is answered exactly like no thread.
 */
export async function requireThread(
  c: Context<AppEnv>,
  store: Store,
  ctx: DocumentContext,
): Promise<ThreadWithComments | Response> {
  const id = c.req.param('threadId') ?? '';
  const thread = ID_PATTERN.test(id) ? await store.getThread(id) : undefined;
  if (!thread || thread.documentId !== ctx.document.id || !canSeeThread(actorOf(ctx), thread)) {
    return apiError(c, 404, 'not_found', 'No such thread.');
  }
  return thread;
}

/** The comment named by `:commentId` in a thread the caller may see; 404 otherwise. */
export function requireComment(
  c: Context<AppEnv>,
  thread: ThreadWithComments,
): CommentRecord | Response {
  const comment = thread.comments.find((x) => x.id === c.req.param('commentId'));
  return comment ?? apiError(c, 404, 'not_found', 'No such comment.');
}

/** The thread as it is now, for the answer and the live event. */
export async function reloadThread(store: Store, id: string): Promise<ThreadWithComments> {
  const thread = await store.getThread(id);
  if (!thread) throw new Error(`thread ${id} vanished`);
  return thread;
}

/** When the caller last marked this document's comments read (null: never). */
export async function seenAt(store: Store, ctx: DocumentContext): Promise<number | null> {
  const markers = await store.getReadMarkers(ctx.auth.person.id, [ctx.document.id]);
  return markers.get(ctx.document.id) ?? null;
}

export function forbidden(c: Context, what: string): Response {
  return apiError(c, 403, 'forbidden', `You may not ${what} here.`);
}

export function archived(c: Context): Response {
  return apiError(c, 409, 'document_archived', 'This document is archived: restore it first.');
}
