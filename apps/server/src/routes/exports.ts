import type { DocumentRecord } from '@accord/domain';
import {
  type ExportFormat,
  type ExportMeta,
  formatMedia,
  isExportFormat,
} from '@accord/export/files';
import type { AgreementExportFile, Store } from '@accord/store';
import { Hono } from 'hono';
import { appendAudit, partnershipChain } from '../audit.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { attachmentDisposition } from '../exports/content-disposition.ts';
import { ExportBusyError, type ExportRenderer } from '../exports/renderer.ts';
import { storedRenderJob } from '../exports/stored-job.ts';
import { requireDocument } from './document-access.ts';

/**
 * A final agreement's file of `format`, as rendered once when it became final (the verification
 * page knows these bytes by their SHA-256). Undefined for any other document, or while the
 * final render is still being stored.
 */
async function finalFile(
  store: Store,
  document: DocumentRecord,
  format: ExportFormat,
): Promise<AgreementExportFile | undefined> {
  if (document.kind !== 'agreement') return undefined;
  const agreement = await store.getAgreement(document.id);
  if (agreement?.state !== 'final') return undefined;
  const { contentType } = formatMedia[format];
  const record = (await store.listAgreementExports(document.id)).find(
    (file) => file.mediaType === contentType,
  );
  return record && store.getAgreementExport(document.id, record.name);
}

const fileHeaders = (contentType: string, fileName: string) => ({
  'Content-Type': contentType,
  'Content-Disposition': attachmentDisposition(fileName),
  'Cache-Control': 'private, no-store',
  'X-Content-Type-Options': 'nosniff',
});

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
    const final = await finalFile(store, document, format);
    if (final) {
      // Exporting a final agreement is a sensitive action (DESIGN.md): it goes into the audit.
      await appendAudit(store, partnershipChain(ctx.partnership.id), {
        actorId: ctx.auth.person.id,
        action: 'agreement.exported',
        data: { documentId: document.id, format, name: final.name, sha256: final.sha256 },
      });
      return c.body(final.bytes as Uint8Array<ArrayBuffer>, 200, {
        ...fileHeaders(final.mediaType, final.name),
        'X-Content-SHA256': final.sha256,
      });
    }
    const meta: ExportMeta = {
      documentId: document.id,
      title: document.title,
      language: document.language,
      // Not a final agreement (final ones were answered above): a draft, and it says so.
      status: 'draft',
      generatedAt: new Date(),
    };
    try {
      const job = await storedRenderJob(store, document, format, meta);
      const rendered = await renderer.render(job);
      return c.body(
        rendered.bytes as Uint8Array<ArrayBuffer>,
        200,
        fileHeaders(rendered.contentType, rendered.fileName),
      );
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
