import {
  type CommentRecord,
  canDeleteComment,
  canReply,
  editCommentInput,
  newId,
  replyInput,
} from '@accord/domain';
import { isStoreError, type Store } from '@accord/store';
import type { SyncServer } from '@accord/sync';
import { type Context, Hono } from 'hono';
import { announceThreadChange } from '../comments/announce.ts';
import { checkMentions } from '../comments/mentions.ts';
import { threadView } from '../comments/views.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import {
  actorOf,
  archived,
  commentRequestLimit,
  commentTooLong,
  forbidden,
  reloadThread,
  requireComment,
  requireThread,
  seenAt,
} from './comment-access.ts';
import { requireDocument } from './document-access.ts';
import { readJson } from './read-json.ts';

/**
 * The comments of a thread: reply, edit, delete (`/api/documents/:id/threads/:threadId/comments…`).
 * Membership, then the thread's visibility (404), then the role and authorship (403).
 */
export function threadCommentRoutes(deps: { store: Store; sync: SyncServer }) {
  const { store } = deps;
  const app = new Hono<AppEnv>();
  const base = '/:id/threads/:threadId/comments';

  app.post(base, commentRequestLimit, async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    const thread = await requireThread(c, store, ctx);
    if (thread instanceof Response) return thread;
    const actor = actorOf(ctx);
    if (!canReply(actor, thread)) return forbidden(c, 'reply');
    if (ctx.document.archived) return archived(c);
    const input = await readJson(c, replyInput, commentTooLong);
    if (!input.ok) return input.response;
    const mentions = await checkMentions(store, thread, input.value.mentions);
    if (!mentions.ok) return apiError(c, 400, 'invalid_mention', mentions.message);
    // Taken right before the (synchronous) write: see "what is new" in docs/ARCHITECTURE.md.
    const at = Date.now();
    const comment: CommentRecord = {
      id: newId(),
      threadId: thread.id,
      authorId: actor.personId,
      authorOrganisationId: actor.organisationId,
      body: input.value.body,
      mentions: mentions.mentions,
      createdAt: at,
      editedAt: null,
      deletedAt: null,
    };
    await store.addComment(comment);
    const updated = await reloadThread(store, thread.id);
    await announceThreadChange(deps, updated, 'replied', actor, at, comment.id);
    const view = threadView(updated, actor.personId, await seenAt(store, ctx));
    return c.json({ thread: view, comment }, 201);
  });

  app.patch(`${base}/:commentId`, commentRequestLimit, async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    const thread = await requireThread(c, store, ctx);
    if (thread instanceof Response) return thread;
    const comment = requireComment(c, thread);
    if (comment instanceof Response) return comment;
    const actor = actorOf(ctx);
    if (!canDeleteComment(actor, thread, comment)) return forbidden(c, 'edit this comment');
    if (comment.deletedAt !== null) return deletedAnswer(c);
    if (ctx.document.archived) return archived(c);
    const input = await readJson(c, editCommentInput, commentTooLong);
    if (!input.ok) return input.response;
    const mentions = await checkMentions(store, thread, input.value.mentions);
    if (!mentions.ok) return apiError(c, 400, 'invalid_mention', mentions.message);
    const at = Date.now();
    let edited: CommentRecord;
    try {
      edited = await store.editComment(comment.id, {
        body: input.value.body,
        mentions: mentions.mentions,
        at,
      });
    } catch (error) {
      // Deleted meanwhile, by the same author in another tab.
      if (isStoreError(error, 'comment_deleted')) return deletedAnswer(c);
      throw error;
    }
    const updated = await reloadThread(store, thread.id);
    await announceThreadChange(deps, updated, 'edited', actor, at, comment.id);
    const view = threadView(updated, actor.personId, await seenAt(store, ctx));
    return c.json({ thread: view, comment: edited });
  });

  app.delete(`${base}/:commentId`, async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    const thread = await requireThread(c, store, ctx);
    if (thread instanceof Response) return thread;
    const comment = requireComment(c, thread);
    if (comment instanceof Response) return comment;
    const actor = actorOf(ctx);
    if (!canDeleteComment(actor, thread, comment)) return forbidden(c, 'delete this comment');
    if (ctx.document.archived) return archived(c);
    const at = Date.now();
    const deleted = await store.deleteComment(comment.id, at);
    const updated = await reloadThread(store, thread.id);
    if (deleted.changed) {
      await announceThreadChange(deps, updated, 'deleted', actor, at, comment.id);
    }
    const view = threadView(updated, actor.personId, await seenAt(store, ctx));
    return c.json({ thread: view, comment: deleted.comment });
  });

  return app;
}

function deletedAnswer(c: Context): Response {
  return apiError(c, 409, 'comment_deleted', 'This comment was deleted.');
}
