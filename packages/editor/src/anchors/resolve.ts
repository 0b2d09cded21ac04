import type { CommentAnchor } from '@accord/domain';
import type { NodeKey } from 'lexical';
import type { Doc, XmlText } from 'yjs';
import { findQuote } from './find-quote.ts';
import { decodePosition } from './positions.ts';
import { $buildTextMap, pointAt, type TextMap, textOffsetOfYIndex } from './text-map.ts';

export interface AnchorPoint {
  /** Key of a Lexical text node. */
  key: NodeKey;
  offset: number;
}

/**
 * Where a thread's passage is now:
 * - `attached`: its relative positions still point at the characters it was made on (text typed
 *   inside the passage is part of it);
 * - `reattached`: they no longer do — Lexical re-creates Yjs items when text is reformatted or
 *   blocks split, merge or change type — and the quote was found again, chosen by its context and
 *   nearness;
 * - `orphaned`: the quoted text is gone; the thread keeps its original quote.
 */
export type ResolvedAnchor =
  | {
      status: 'attached' | 'reattached';
      start: AnchorPoint;
      end: AnchorPoint;
      /** The passage's text now (blocks separated by '\n'). */
      text: string;
    }
  | { status: 'orphaned' };

/**
 * Resolves `anchor` against the current editor state bound to `root`. Null when the editor has
 * not caught up with the Y.Doc yet (try again on its next update).
 * Call inside `editor.read()` or `editor.update()`.
 */
export function $resolveAnchor(root: XmlText, anchor: CommentAnchor): ResolvedAnchor | null {
  return $resolveAnchors(root, [anchor])?.[0] ?? null;
}

/** Resolves several anchors over one walk of the document (one per highlight refresh). */
export function $resolveAnchors(
  root: XmlText,
  anchors: readonly CommentAnchor[],
): ResolvedAnchor[] | null {
  const map = $buildTextMap(root);
  const doc = root.doc;
  if (map === null || doc === null) return null;
  return anchors.map((anchor) => resolveIn(map, doc, anchor));
}

function resolveIn(map: TextMap, doc: Doc, anchor: CommentAnchor): ResolvedAnchor {
  const start = decodePosition(anchor.start, doc);
  const end = decodePosition(anchor.end, doc);
  const from = start && textOffsetOfYIndex(map, start.type, start.index, 'start');
  const to = end && textOffsetOfYIndex(map, end.type, end.index, 'end');
  const pointsSomewhere = from != null && to != null && from < to;

  if (pointsSomewhere && start?.alive && end?.alive) return range(map, 'attached', from, to);
  const found = findQuote(map.text, anchor, from ?? to);
  if (found !== null) return range(map, 'reattached', found.from, found.to);
  // The quote was edited away but part of the original characters remain: stay on them.
  if (pointsSomewhere && (start?.alive || end?.alive)) return range(map, 'attached', from, to);
  return { status: 'orphaned' };
}

function range(
  map: TextMap,
  status: 'attached' | 'reattached',
  from: number,
  to: number,
): ResolvedAnchor {
  const start = pointAt(map, from, 'start');
  const end = pointAt(map, to, 'end');
  if (start === null || end === null) return { status: 'orphaned' };
  return { status, start, end, text: map.text.slice(from, to) };
}
