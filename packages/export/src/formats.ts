import { exportFileName } from './filenames.ts';
import type { ExportMeta } from './meta.ts';
import { renderDocx } from './render/docx/document.ts';
import { renderHtml } from './render/html.ts';
import { renderMarkdown } from './render/markdown.ts';
import { renderPdf } from './render/pdf/document.ts';
import type { ExportTree } from './tree/types.ts';

export const exportFormats = ['md', 'html', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (exportFormats as readonly string[]).includes(value);
}

interface FormatSpec {
  contentType: string;
  extension: string;
  render(tree: ExportTree, meta: ExportMeta): Promise<Uint8Array>;
}

const encode = (text: string) => new TextEncoder().encode(text);

export const formatSpecs: Readonly<Record<ExportFormat, FormatSpec>> = {
  md: {
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
    render: async (tree, meta) => encode(renderMarkdown(tree, meta)),
  },
  html: {
    contentType: 'text/html; charset=utf-8',
    extension: 'html',
    render: async (tree, meta) => encode(renderHtml(tree, meta)),
  },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    render: renderDocx,
  },
  pdf: { contentType: 'application/pdf', extension: 'pdf', render: renderPdf },
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
  const spec = formatSpecs[format];
  return {
    bytes: await spec.render(tree, meta),
    contentType: spec.contentType,
    fileName: exportFileName(meta.title, spec.extension),
  };
}
