export { $createAnchorFromSelection, anchorContextChars } from './create.ts';
export { findQuote, type QuoteContext } from './find-quote.ts';
export {
  $resolveAnchor,
  $resolveAnchors,
  type AnchorPoint,
  type ResolvedAnchor,
} from './resolve.ts';
