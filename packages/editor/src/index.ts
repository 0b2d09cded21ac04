export * from './actions/index.ts';
export {
  $createAnchorFromSelection,
  $resolveAnchor,
  $resolveAnchors,
  type AnchorPoint,
  anchorContextChars,
  findQuote,
  type ResolvedAnchor,
} from './anchors/index.ts';
export { $canonicalDocument, UnsupportedNodeError } from './canonical/build.ts';
export {
  type CanonicalFingerprint,
  canonicalBytes,
  canonicalDocumentOf,
  fingerprintState,
  sha256Hex,
  shortFingerprint,
} from './canonical/fingerprint.ts';
export { canonicalizeJson, type JsonValue } from './canonical/jcs.ts';
export * from './canonical/tree.ts';
export {
  bindHeadlessEditor,
  createAccordHeadlessEditor,
  type HeadlessYjsEditor,
} from './headless.ts';
export { accordNodes } from './nodes.ts';
export { type DocumentContent, readDocumentState } from './read-state.ts';
export { createTemplateState } from './template-state.ts';
export {
  type TemplateAction,
  type TemplateKind,
  type TemplateOptions,
  templateKinds,
} from './templates/kinds.ts';
export { accordTheme } from './theme.ts';
