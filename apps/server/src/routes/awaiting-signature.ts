import type { Store } from '@accord/store';
import { Hono } from 'hono';
import { awaitingSignature } from '../agreements/awaiting.ts';
import type { AppEnv } from '../env.ts';
import { requireMember } from './membership.ts';

/**
 * `GET /api/partnerships/:id/agreements/awaiting`: the agreements in signing that wait for a
 * decision of my organisation, when I am one of its signatories (an empty list otherwise).
 * Members only; other partnerships are a 404 like everywhere.
 */
export function awaitingSignatureRoutes(deps: { store: Store }) {
  const { store } = deps;
  const app = new Hono<AppEnv>();
  app.get('/:id/agreements/awaiting', async (c) => {
    const ctx = await requireMember(c, store, c.req.param('id'), 'partnership.view');
    if (ctx instanceof Response) return ctx;
    const agreements = await awaitingSignature(store, ctx.partnership.id, {
      organisationId: ctx.auth.person.organisationId,
      membership: ctx.membership,
    });
    return c.json({ agreements });
  });
  return app;
}
