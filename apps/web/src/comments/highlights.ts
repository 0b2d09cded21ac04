import type { AnchorPoint } from '@accord/editor';
import type { LexicalEditor } from 'lexical';

/**
 * Threads' passages are drawn with the CSS Custom Highlight API: ranges over the editor's DOM,
 * styled by `::highlight(…)` rules, never written into the body (commenting must not change the
 * text, and the body is shared by everyone while highlights are per person).
 */
export const highlightNames = {
  open: 'accord-comment',
  active: 'accord-comment-active',
} as const;

export interface ThreadRange {
  threadId: string;
  range: Range;
}

/** A DOM range over the text between two Lexical text points, or null if not rendered. */
export function domRange(
  editor: LexicalEditor,
  start: AnchorPoint,
  end: AnchorPoint,
): Range | null {
  const from = domPoint(editor, start);
  const to = domPoint(editor, end);
  if (from === null || to === null) return null;
  const range = document.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range.collapsed ? null : range;
}

function domPoint(editor: LexicalEditor, point: AnchorPoint): [Text, number] | null {
  const element = editor.getElementByKey(point.key);
  if (element === null) return null;
  // A Lexical text node renders as one element (span, strong, em…) holding one DOM text node.
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const text = walker.nextNode();
  if (!(text instanceof Text)) return null;
  return [text, Math.min(point.offset, text.length)];
}

const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS;

export function paintHighlights(ranges: readonly ThreadRange[], activeId: string | null): void {
  if (!supported()) return;
  const open = ranges.filter((r) => r.threadId !== activeId).map((r) => r.range);
  const active = ranges.filter((r) => r.threadId === activeId).map((r) => r.range);
  CSS.highlights.set(highlightNames.open, new Highlight(...open));
  CSS.highlights.set(highlightNames.active, new Highlight(...active));
}

export function clearHighlights(): void {
  if (!supported()) return;
  CSS.highlights.delete(highlightNames.open);
  CSS.highlights.delete(highlightNames.active);
}

/** The thread whose passage holds a DOM point, preferring the active one, then the shortest. */
export function threadAt(
  ranges: readonly ThreadRange[],
  node: Node,
  offset: number,
  activeId: string | null,
): string | null {
  const hits = ranges.filter(({ range }) => {
    try {
      return range.isPointInRange(node, offset);
    } catch {
      return false;
    }
  });
  if (hits.length === 0) return null;
  const active = hits.find((h) => h.threadId === activeId);
  if (active) return active.threadId;
  hits.sort((a, b) => a.range.toString().length - b.range.toString().length);
  return hits[0]!.threadId;
}
