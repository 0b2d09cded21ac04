export { writeBundle } from './bundle.ts';
export { asciiFileName, exportFileName } from './filenames.ts';
export {
  type ExportFormat,
  exportFormats,
  formatSpecs,
  isExportFormat,
  type RenderedExport,
  renderExport,
} from './formats.ts';
export {
  type AccordManifest,
  buildManifest,
  MANIFEST_NAME,
  manifestBytes,
} from './manifest.ts';
export type { Approval, ExportMeta, SignatureBlock, SignatureParty } from './meta.ts';
export { readExportTree } from './read.ts';
export { renderDocx } from './render/docx/document.ts';
export { renderHtml } from './render/html.ts';
export { renderMarkdown } from './render/markdown.ts';
export { renderPdf } from './render/pdf/document.ts';
export {
  type BlockConverter,
  type ConvertContext,
  type ExportNames,
  exportTreeFromLexical,
  registerBlockConverter,
} from './tree/from-lexical.ts';
export { blockText, headingsOf, inlineText } from './tree/text.ts';
export * from './tree/types.ts';
