import { archiveDocumentInput, renameDocumentInput } from '@accord/domain';
import type { Store } from '@accord/store';
import { CloseCode, type SyncServer } from '@accord/sync';
import { Hono } from 'hono';
import { appendAudit, partnershipChain } from '../audit.ts';
import type { AppEnv } from '../env.ts';
import { requireDocument } from './document-access.ts';
import { readJson } from './read-json.ts';

export function documentRoutes(deps: { store: Store; sync: SyncServer }) {
  const { store, sync } = deps;
  const app = new Hono<AppEnv>();

  app.get('/:id', async (c) => {
    const ctx = await requireDocument(c, store, 'document.view');
    if (ctx instanceof Response) return ctx;
    // The organisations and their colours, for presence: one request opens a document.
    const participations = await store.listParticipations(ctx.partnership.id);
    return c.json({
      document: ctx.document,
      partnership: ctx.partnership,
      membership: ctx.membership,
      organisations: participations
        .filter((p) => p.leftAt === null)
        .map((p) => ({ ...p.organisation, colour: p.colour, joinedAt: p.joinedAt })),
    });
  });

  app.patch('/:id', async (c) => {
    const ctx = await requireDocument(c, store, 'document.rename');
    if (ctx instanceof Response) return ctx;
    const body = await readJson(c, renameDocumentInput);
    if (!body.ok) return body.response;
    await store.renameDocument(ctx.document.id, body.value.title);
    await appendAudit(store, partnershipChain(ctx.partnership.id), {
      actorId: ctx.auth.person.id,
      action: 'document.renamed',
      data: { documentId: ctx.document.id },
    });
    return c.json({ ...ctx.document, title: body.value.title });
  });

  app.post('/:id/archive', async (c) => {
    const ctx = await requireDocument(c, store, 'document.archive');
    if (ctx instanceof Response) return ctx;
    const body = await readJson(c, archiveDocumentInput);
    if (!body.ok) return body.response;
    await store.setDocumentArchived(ctx.document.id, body.value.archived);
    if (body.value.archived) {
      sync.closeWhere({ documentId: ctx.document.id }, CloseCode.notFound, 'document archived');
    }
    await appendAudit(store, partnershipChain(ctx.partnership.id), {
      actorId: ctx.auth.person.id,
      action: body.value.archived ? 'document.archived' : 'document.restored',
      data: { documentId: ctx.document.id },
    });
    return c.json({ ...ctx.document, archived: body.value.archived });
  });

  return app;
}
