// What a server thread needs to route, name, bundle and store exports, without loading the
// renderers (docx, pdfkit and their fonts, several MB of heap): `@accord/export/files`.
export { writeBundle } from './bundle.ts';
export { asciiFileName, exportFileName } from './filenames.ts';
export {
  type ExportFormat,
  exportFormats,
  type FormatMedia,
  formatMedia,
  isExportFormat,
} from './formats.ts';
export {
  type AccordManifest,
  buildManifest,
  MANIFEST_NAME,
  manifestBytes,
} from './manifest.ts';
export type { Approval, ExportMeta, SignatureBlock, SignatureParty } from './meta.ts';
export type { RenderedExport } from './render-export.ts';
