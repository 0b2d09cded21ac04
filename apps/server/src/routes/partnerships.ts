import { createDocumentInput, ID_PATTERN, newId } from '@accord/domain';
import { createTemplateState } from '@accord/editor';
import type { Store } from '@accord/store';
import { Hono } from 'hono';
import { apiError } from '../errors.ts';
import { readJson } from './read-json.ts';

export function partnershipRoutes(store: Store): Hono {
  const app = new Hono();

  app.get('/', async (c) => c.json(await store.listPartnerships()));

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    const partnership = ID_PATTERN.test(id) ? await store.getPartnership(id) : undefined;
    if (!partnership) return apiError(c, 404, 'not_found', 'No such partnership.');
    const [organisations, people, documents] = await Promise.all([
      store.listOrganisations(id),
      store.listPeople(id),
      store.listDocuments(id),
    ]);
    return c.json({ partnership, organisations, people, documents });
  });

  app.post('/:id/documents', async (c) => {
    const id = c.req.param('id');
    const partnership = ID_PATTERN.test(id) ? await store.getPartnership(id) : undefined;
    if (!partnership) return apiError(c, 404, 'not_found', 'No such partnership.');
    const body = await readJson(c, createDocumentInput);
    if (!body.ok) return body.response;
    const now = Date.now();
    const document = {
      id: newId(),
      partnershipId: id,
      title: body.value.title,
      kind: body.value.kind,
      language: body.value.language ?? partnership.language,
      createdAt: now,
      updatedAt: now,
      archived: false,
    };
    // Content is made here, from the template, through the same Lexical nodes as the browser:
    // clients never bootstrap a document.
    await store.createDocument(
      document,
      createTemplateState(document.kind, { title: document.title }),
    );
    return c.json(document, 201);
  });

  return app;
}
