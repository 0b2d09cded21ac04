import type { Store } from '@accord/store';
import { type Context, Hono } from 'hono';
import { organisationChain, verifyChain } from '../audit.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';

/**
 * An organisation's own audit chain (`organisation:<id>`): what happened on its internal comment
 * threads, in every partnership it takes part in. Only its own people may read it; for everyone
 * else it does not exist (404).
 */
export function organisationRoutes(deps: { store: Store }) {
  const { store } = deps;
  const app = new Hono<AppEnv>();

  function requireOwnOrganisation(c: Context<AppEnv>): string | Response {
    const auth = c.get('auth');
    if (!auth) return apiError(c, 401, 'unauthenticated', 'Sign in first.');
    const id = c.req.param('id');
    if (id !== auth.person.organisationId) {
      return apiError(c, 404, 'not_found', 'No such organisation.');
    }
    return id;
  }

  app.get('/:id/audit', async (c) => {
    const id = requireOwnOrganisation(c);
    if (id instanceof Response) return id;
    const entries = await store.listAudit(organisationChain(id));
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="accord-audit-organisation-${id}.jsonl"`);
    return c.body(entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : ''));
  });

  app.get('/:id/audit/verify', async (c) => {
    const id = requireOwnOrganisation(c);
    if (id instanceof Response) return id;
    return c.json(verifyChain(await store.listAudit(organisationChain(id))));
  });

  return app;
}
