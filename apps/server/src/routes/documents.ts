import { ID_PATTERN, renameDocumentInput } from '@accord/domain';
import type { Store } from '@accord/store';
import { Hono } from 'hono';
import { apiError } from '../errors.ts';
import { readJson } from './read-json.ts';

export function documentRoutes(store: Store): Hono {
  const app = new Hono();

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    const document = ID_PATTERN.test(id) ? await store.getDocument(id) : undefined;
    if (!document) return apiError(c, 404, 'not_found', 'No such document.');
    const [partnership, organisations, people] = await Promise.all([
      store.getPartnership(document.partnershipId),
      store.listOrganisations(document.partnershipId),
      store.listPeople(document.partnershipId),
    ]);
    return c.json({ document, partnership, organisations, people });
  });

  app.patch('/:id', async (c) => {
    const id = c.req.param('id');
    const document = ID_PATTERN.test(id) ? await store.getDocument(id) : undefined;
    if (!document) return apiError(c, 404, 'not_found', 'No such document.');
    const body = await readJson(c, renameDocumentInput);
    if (!body.ok) return body.response;
    await store.renameDocument(id, body.value.title);
    return c.json({ ...document, title: body.value.title });
  });

  return app;
}
