export {
  bindHeadlessEditor,
  createAccordHeadlessEditor,
  type HeadlessYjsEditor,
} from './headless.ts';
export { accordNodes } from './nodes.ts';
export { type DocumentContent, readDocumentState } from './read-state.ts';
export { createTemplateState } from './template-state.ts';
export { type TemplateKind, type TemplateOptions, templateKinds } from './templates/kinds.ts';
export { accordTheme } from './theme.ts';
