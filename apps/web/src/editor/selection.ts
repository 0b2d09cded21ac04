import { $isAtNodeEnd } from '@lexical/selection';
import type { ElementNode, RangeSelection, TextNode } from 'lexical';

/** The node a selection is "in", looking at its start whichever way it was made. */
export function $getSelectedNode(selection: RangeSelection): TextNode | ElementNode {
  const anchorNode = selection.anchor.getNode();
  const focusNode = selection.focus.getNode();
  if (anchorNode === focusNode) return anchorNode;
  if (selection.isBackward()) {
    return $isAtNodeEnd(selection.focus) ? anchorNode : focusNode;
  }
  return $isAtNodeEnd(selection.anchor) ? anchorNode : focusNode;
}
