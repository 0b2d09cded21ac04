import { type ExportMeta, isExportFormat } from '@accord/export';
import type { Store } from '@accord/store';
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { attachmentDisposition } from '../exports/content-disposition.ts';
import { ExportBusyError, type ExportRenderer } from '../exports/renderer.ts';
import { requireDocument } from './document-access.ts';

/**
 * `GET /api/documents/:id/export?format=md|html|docx|pdf`: the document as a file, rendered on the
 * server from its stored state (what every acknowledged edit is part of), never from a client or a
 * live room, in the document's language whoever asks.
 */
export function exportRoutes(deps: { store: Store; renderer: ExportRenderer }) {
  const { store, renderer } = deps;
  const app = new Hono<AppEnv>();

  app.get('/:id/export', async (c) => {
    const ctx = await requireDocument(c, store, 'document.export');
    if (ctx instanceof Response) return ctx;
    const format = c.req.query('format');
    if (!isExportFormat(format)) {
      return apiError(c, 400, 'bad_request', 'format must be one of md, html, docx, pdf.');
    }
    const { document } = ctx;
    const body = await store.loadBody(document.id);
    const meta: ExportMeta = {
      documentId: document.id,
      title: document.title,
      language: document.language,
      // No document is a final agreement yet: every export is a draft and says so.
      status: 'draft',
      generatedAt: new Date(),
    };
    const updates = body.snapshot ? [body.snapshot, ...body.updates] : body.updates;
    try {
      const rendered = await renderer.render({ format, updates, meta });
      return c.body(rendered.bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': rendered.contentType,
        'Content-Disposition': attachmentDisposition(rendered.fileName),
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      });
    } catch (error) {
      if (error instanceof ExportBusyError) {
        c.header('Retry-After', '5');
        return apiError(c, 503, 'export_busy', error.message);
      }
      throw error;
    }
  });

  return app;
}
