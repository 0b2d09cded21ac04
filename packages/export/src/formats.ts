/**
 * The export formats and their media types: what a server needs to route, name and store
 * exports. The renderers are in `render-export.ts`, which loads docx, pdfkit and their fonts;
 * only the thread that renders imports it.
 */
export const exportFormats = ['md', 'html', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (exportFormats as readonly string[]).includes(value);
}

export interface FormatMedia {
  contentType: string;
  extension: string;
}

export const formatMedia: Readonly<Record<ExportFormat, FormatMedia>> = {
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
};
