import { canSeeThread, inboxQuery } from '@accord/domain';
import type { Store } from '@accord/store';
import { Hono } from 'hono';
import { peopleOf, threadView } from '../comments/views.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { requireMember } from './membership.ts';

/**
 * `GET /api/partnerships/:id/inbox`: the comment threads of every (non-archived) document of the
 * partnership that the caller may see, most recently active first, each with what is new to them
 * since their last visit of its document. Filters: `status`, `organisationId` (started by that
 * organisation), `documentId`, `mine` (I started or replied), `mentions` (a comment names me or
 * my organisation), `limit`.
 */
export function inboxRoutes(deps: { store: Store }) {
  const { store } = deps;
  const app = new Hono<AppEnv>();

  app.get('/:id/inbox', async (c) => {
    const ctx = await requireMember(c, store, c.req.param('id'), 'partnership.view');
    if (ctx instanceof Response) return ctx;
    const query = inboxQuery.safeParse(c.req.query());
    if (!query.success) {
      const message = query.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ');
      return apiError(c, 400, 'bad_request', message);
    }
    const q = query.data;
    const me = ctx.auth.person;
    const found = (
      await store.listThreads({
        visibleToOrganisationId: me.organisationId,
        scope: { partnershipId: ctx.partnership.id },
        ...(q.status !== undefined && { status: q.status }),
        ...(q.organisationId !== undefined && { startedByOrganisationId: q.organisationId }),
        ...(q.documentId !== undefined && { documentId: q.documentId }),
        ...(q.mine === true && { participantId: me.id }),
        ...(q.mentions === true && {
          mentioning: { personId: me.id, organisationId: me.organisationId },
        }),
        // One more than asked, to tell whether there are more.
        limit: q.limit + 1,
      })
    ).filter((thread) => canSeeThread(me, thread));
    const page = found.slice(0, q.limit);
    const documentIds = [...new Set(page.map((thread) => thread.documentId))];
    const [documents, markers, people] = await Promise.all([
      store.listDocuments(ctx.partnership.id),
      store.getReadMarkers(me.id, documentIds),
      peopleOf(store, page),
    ]);
    const byId = new Map(documents.map((d) => [d.id, { id: d.id, title: d.title, kind: d.kind }]));
    const threads = page.map((thread) => ({
      ...threadView(thread, me.id, markers.get(thread.documentId) ?? null),
      document: byId.get(thread.documentId) ?? null,
    }));
    return c.json({
      threads,
      people,
      // Across the threads returned.
      unread: threads.reduce((sum, thread) => sum + thread.unread, 0),
      hasMore: found.length > q.limit,
    });
  });

  return app;
}
