import type { CommentAnchor } from '@accord/domain';
import { $getSelection, $isRangeSelection, type BaseSelection, type PointType } from 'lexical';
import type { XmlText } from 'yjs';
import { encodePosition } from './positions.ts';
import { $buildTextMap, segmentAt, type TextMap } from './text-map.ts';

/** Characters of context kept either side of a quote (the API accepts up to 200). */
export const anchorContextChars = 100;

/**
 * An anchor for the current range selection: Yjs relative positions of its first and last
 * characters in the body (`root`, the binding's root `XmlText`), the selected text, and some
 * context either side. Blank space at either end of the selection is left out. Null when there
 * is no text selected, or when the editor has not caught up with the Y.Doc yet.
 * `selection` defaults to the editor's; a read-only editor does not track one, so the browser
 * passes the one built from the DOM (`$createRangeSelectionFromDom`).
 * Call inside `editor.read()` or `editor.update()`.
 */
export function $createAnchorFromSelection(
  root: XmlText,
  selection: BaseSelection | null = $getSelection(),
): CommentAnchor | null {
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
  const map = $buildTextMap(root);
  if (map === null) return null;
  const [first, second] = selection.isBackward()
    ? [selection.focus, selection.anchor]
    : [selection.anchor, selection.focus];
  let from = textOffsetOfPoint(map, first);
  let to = textOffsetOfPoint(map, second);
  if (from === null || to === null) return null;
  while (from < to && /\s/.test(map.text[from]!)) from++;
  while (to > from && /\s/.test(map.text[to - 1]!)) to--;
  if (from >= to) return null;

  const startSegment = segmentAt(map, from, 'start');
  const endSegment = segmentAt(map, to, 'end');
  if (startSegment === undefined || endSegment === undefined) return null;
  const { text } = map;
  return {
    start: encodePosition(
      startSegment.xmlText,
      startSegment.yStart + Math.max(from - startSegment.start, 0),
      0,
    ),
    end: encodePosition(
      endSegment.xmlText,
      endSegment.yStart + Math.min(to - endSegment.start, endSegment.length),
      -1,
    ),
    quote: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - anchorContextChars), from),
    suffix: text.slice(to, to + anchorContextChars),
  };
}

function textOffsetOfPoint(map: TextMap, point: PointType): number | null {
  if (point.type === 'text') {
    const segment = map.segments.find((s) => s.key === point.key);
    return segment === undefined ? null : segment.start + point.offset;
  }
  const element = map.elementsByKey.get(point.key);
  if (element === undefined) return null;
  return element.children[point.offset]?.start ?? element.end;
}
