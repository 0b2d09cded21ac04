import { exportFileName } from './filenames.ts';
import { type ExportFormat, formatMedia } from './formats.ts';
import type { ExportMeta } from './meta.ts';
import { renderDocx } from './render/docx/document.ts';
import { renderHtml } from './render/html.ts';
import { renderMarkdown } from './render/markdown.ts';
import { renderPdf } from './render/pdf/document.ts';
import type { ExportTree } from './tree/types.ts';

const encode = (text: string) => new TextEncoder().encode(text);

const renderers: Readonly<
  Record<ExportFormat, (tree: ExportTree, meta: ExportMeta) => Promise<Uint8Array>>
> = {
  md: async (tree, meta) => encode(renderMarkdown(tree, meta)),
  html: async (tree, meta) => encode(renderHtml(tree, meta)),
  docx: renderDocx,
  pdf: renderPdf,
};

export interface RenderedExport {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

/** One export of a document, ready to send: bytes, media type and file name. */
export async function renderExport(
  format: ExportFormat,
  tree: ExportTree,
  meta: ExportMeta,
): Promise<RenderedExport> {
  const { contentType, extension } = formatMedia[format];
  return {
    bytes: await renderers[format](tree, meta),
    contentType,
    fileName: exportFileName(meta.title, extension),
  };
}
