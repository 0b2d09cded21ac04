export * from './files.ts';
export { readExportTree } from './read.ts';
export { renderDocx } from './render/docx/document.ts';
export { renderHtml } from './render/html.ts';
export { renderMarkdown } from './render/markdown.ts';
export { renderPdf } from './render/pdf/document.ts';
export { renderExport } from './render-export.ts';
export {
  type BlockConverter,
  type ConvertContext,
  type ExportNames,
  exportTreeFromLexical,
  registerBlockConverter,
} from './tree/from-lexical.ts';
export { blockText, headingsOf, inlineText } from './tree/text.ts';
export * from './tree/types.ts';
