import {
  type CommentRecord,
  canResolveThread,
  canSeeThread,
  canStartThread,
  createThreadInput,
  markReadInput,
  newId,
  type ThreadWithComments,
  threadListQuery,
  threadStatusInput,
} from '@accord/domain';
import type { Store } from '@accord/store';
import type { SyncServer } from '@accord/sync';
import { Hono } from 'hono';
import { announceThreadChange } from '../comments/announce.ts';
import { checkMentions } from '../comments/mentions.ts';
import { peopleOf, threadView } from '../comments/views.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import {
  actorOf,
  archived,
  commentRequestLimit,
  commentTooLong,
  forbidden,
  reloadThread,
  requireThread,
  seenAt,
} from './comment-access.ts';
import { requireDocument } from './document-access.ts';
import { readJson } from './read-json.ts';
import { threadCommentRoutes } from './thread-comments.ts';

/**
 * Comment threads of a document: `/api/documents/:id/threads…` (the comments of a thread are in
 * thread-comments.ts). Every route checks membership, then the thread's visibility, then the
 * role: a thread the caller may not see answers 404 whatever their role (never 403), exactly
 * like a thread that does not exist.
 */
export function commentRoutes(deps: { store: Store; sync: SyncServer }) {
  const { store } = deps;
  const app = new Hono<AppEnv>();

  app.get('/:id/threads', async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    const query = threadListQuery.safeParse(c.req.query());
    if (!query.success) return apiError(c, 400, 'bad_request', 'status is open or resolved.');
    const actor = actorOf(ctx);
    // Read right before the store (one synchronous SQLite read): a comment stored in this same
    // millisecond but after the read must stay new when the client marks read `upTo: at`.
    const at = Date.now() - 1;
    const threads = (
      await store.listThreads({
        visibleToOrganisationId: actor.organisationId,
        scope: { documentId: ctx.document.id },
        ...(query.data.status !== undefined && { status: query.data.status }),
      })
    ).filter((thread) => canSeeThread(actor, thread));
    const seen = await seenAt(store, ctx);
    const views = threads.map((thread) => threadView(thread, actor.personId, seen));
    return c.json({
      threads: views,
      people: await peopleOf(store, threads),
      seenAt: seen,
      unread: views.reduce((sum, view) => sum + view.unread, 0),
      // Pass back as `upTo` when marking read: what arrived after this list stays new.
      at,
    });
  });

  app.post('/:id/threads', commentRequestLimit, async (c) => {
    const ctx = await requireDocument(c, store, 'document.comment');
    if (ctx instanceof Response) return ctx;
    const actor = actorOf(ctx);
    if (!canStartThread(actor)) return forbidden(c, 'start a thread');
    if (ctx.document.archived) return archived(c);
    const input = await readJson(c, createThreadInput, commentTooLong);
    if (!input.ok) return input.response;
    const scope = {
      partnershipId: ctx.partnership.id,
      visibility: input.value.visibility,
      organisationId: actor.organisationId,
    };
    const mentions = await checkMentions(store, scope, input.value.mentions);
    if (!mentions.ok) return apiError(c, 400, 'invalid_mention', mentions.message);
    // Taken right before the (synchronous) write: see "what is new" in docs/ARCHITECTURE.md.
    const at = Date.now();
    const threadId = newId();
    const first: CommentRecord = {
      id: newId(),
      threadId,
      authorId: actor.personId,
      authorOrganisationId: actor.organisationId,
      body: input.value.body,
      mentions: mentions.mentions,
      createdAt: at,
      editedAt: null,
      deletedAt: null,
    };
    const thread: ThreadWithComments = {
      ...scope,
      id: threadId,
      documentId: ctx.document.id,
      anchor: input.value.anchor,
      status: 'open',
      resolvedBy: null,
      resolvedAt: null,
      createdBy: actor.personId,
      createdAt: at,
      lastActivityAt: at,
      comments: [first],
    };
    await store.createThread(thread, first);
    await announceThreadChange(deps, thread, 'created', actor, at, first.id);
    return c.json({ thread: threadView(thread, actor.personId, await seenAt(store, ctx)) }, 201);
  });

  app.post('/:id/threads/read', commentRequestLimit, async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    const input = await readJson(c, markReadInput);
    if (!input.ok) return input.response;
    const now = Date.now();
    const upTo = Math.min(input.value.upTo ?? now, now);
    return c.json({ seenAt: await store.markRead(ctx.auth.person.id, ctx.document.id, upTo) });
  });

  app.get('/:id/threads/:threadId', async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    const thread = await requireThread(c, store, ctx);
    if (thread instanceof Response) return thread;
    return c.json({
      thread: threadView(thread, ctx.auth.person.id, await seenAt(store, ctx)),
      people: await peopleOf(store, [thread]),
    });
  });

  app.patch('/:id/threads/:threadId', commentRequestLimit, async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    const thread = await requireThread(c, store, ctx);
    if (thread instanceof Response) return thread;
    const actor = actorOf(ctx);
    if (!canResolveThread(actor, thread)) return forbidden(c, 'resolve or reopen a thread');
    if (ctx.document.archived) return archived(c);
    const input = await readJson(c, threadStatusInput);
    if (!input.ok) return input.response;
    const at = Date.now();
    const change =
      input.value.status === 'resolved'
        ? ({ status: 'resolved', by: actor.personId, at } as const)
        : ({ status: 'open', at } as const);
    // Resolving a resolved thread changes nothing: no event, no audit entry.
    const { changed } = await store.setThreadStatus(thread.id, change);
    const updated = await reloadThread(store, thread.id);
    if (changed) {
      const kind = change.status === 'resolved' ? 'resolved' : 'reopened';
      await announceThreadChange(deps, updated, kind, actor, at);
    }
    return c.json({ thread: threadView(updated, actor.personId, await seenAt(store, ctx)) });
  });

  app.route('/', threadCommentRoutes(deps));
  return app;
}
