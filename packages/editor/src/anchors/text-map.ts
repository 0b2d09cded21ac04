import {
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type ElementNode,
  type NodeKey,
} from 'lexical';
import { XmlText, Map as YMap } from 'yjs';

/**
 * The body as one string, with where each character lives in Lexical (a text node and offset)
 * and in Yjs (the `XmlText` of its block and an index into it).
 *
 * @lexical/yjs (V1 binding) stores an element as an `XmlText` embedded in its parent's
 * `XmlText`; a text node as a `Y.Map` embed (its properties) followed by its characters in the
 * parent's `XmlText`; a line break as a `Y.Map` embed; a decorator as an `XmlElement` embed. Its
 * cursor code turns a text point into `index = offsetOfTextNode + 1 + offset` in the parent's
 * `XmlText` the same way. We walk the Lexical tree and the Yjs tree side by side instead of asking
 * the binding, because CollaborationPlugin keeps its binding private; the walk also checks that
 * both trees agree (a remote change may be in Yjs before Lexical commits it) and gives up if not.
 */
export interface TextMap {
  /** Every text node's characters in document order; blocks and line breaks separated by '\n'. */
  text: string;
  segments: TextSegment[];
  elementsByType: Map<XmlText, ElementEntries>;
  elementsByKey: Map<NodeKey, ElementEntries>;
}

/** One Lexical text node: `text.slice(start, start + length)`. */
export interface TextSegment {
  key: NodeKey;
  xmlText: XmlText;
  /** Index in `xmlText` of the node's first character (just after its property map). */
  yStart: number;
  start: number;
  length: number;
}

interface ChildEntry {
  kind: 'text' | 'element' | 'other';
  yStart: number;
  ySize: number;
  /** Offsets in `TextMap.text` where this child's content starts and ends. */
  start: number;
  end: number;
}

interface ElementEntries {
  xmlText: XmlText;
  children: ChildEntry[];
  ySize: number;
  end: number;
}

type DeltaOp = { insert: unknown };

/** Reads a `toDelta()` as a stream of embeds and characters. */
class DeltaCursor {
  private op = 0;
  private char = 0;
  constructor(private readonly ops: DeltaOp[]) {}

  embed(): unknown {
    const op = this.ops[this.op];
    if (op === undefined || typeof op.insert === 'string') return undefined;
    this.op++;
    return op.insert;
  }

  chars(count: number): string | undefined {
    let out = '';
    while (out.length < count) {
      const op = this.ops[this.op];
      if (op === undefined || typeof op.insert !== 'string') return undefined;
      const taken = op.insert.slice(this.char, this.char + count - out.length);
      out += taken;
      this.char += taken.length;
      if (this.char === op.insert.length) {
        this.op++;
        this.char = 0;
      }
    }
    return out;
  }

  get done(): boolean {
    return this.op >= this.ops.length;
  }
}

/**
 * Builds the map of the current editor state against `root` (the binding's root `XmlText`).
 * Returns null when the two trees disagree. Call inside `editor.read()` or `editor.update()`.
 */
export function $buildTextMap(root: XmlText): TextMap | null {
  const parts: string[] = [];
  let length = 0;
  const map: TextMap = {
    text: '',
    segments: [],
    elementsByType: new Map(),
    elementsByKey: new Map(),
  };
  const append = (chars: string) => {
    parts.push(chars);
    length += chars.length;
  };
  const lastChar = () => parts[parts.length - 1]?.at(-1);
  const breakLine = () => {
    if (length > 0 && lastChar() !== '\n') append('\n');
  };

  const walk = (node: ElementNode, xmlText: XmlText): boolean => {
    const cursor = new DeltaCursor(xmlText.toDelta() as DeltaOp[]);
    const children: ChildEntry[] = [];
    let y = 0;
    for (const child of node.getChildren()) {
      const embed = cursor.embed();
      if ($isElementNode(child)) {
        if (!(embed instanceof XmlText)) return false;
        if (!child.isInline()) breakLine();
        const start = length;
        if (!walk(child, embed)) return false;
        children.push({ kind: 'element', yStart: y, ySize: 1, start, end: length });
        y += 1;
      } else if ($isTextNode(child)) {
        if (!(embed instanceof YMap)) return false;
        const size = child.getTextContentSize();
        const chars = size === 0 ? '' : cursor.chars(size);
        if (chars !== child.getTextContent()) return false;
        const start = length;
        map.segments.push({ key: child.getKey(), xmlText, yStart: y + 1, start, length: size });
        append(chars);
        children.push({ kind: 'text', yStart: y, ySize: 1 + size, start, end: length });
        y += 1 + size;
      } else {
        if (embed === undefined) return false;
        const start = length;
        if ($isLineBreakNode(child)) append('\n');
        children.push({ kind: 'other', yStart: y, ySize: 1, start, end: length });
        y += 1;
      }
    }
    if (!cursor.done) return false;
    const entries: ElementEntries = { xmlText, children, ySize: y, end: length };
    map.elementsByType.set(xmlText, entries);
    map.elementsByKey.set(node.getKey(), entries);
    return true;
  };

  if (!walk($getRoot(), root)) return null;
  map.text = parts.join('');
  return map;
}

/**
 * The offset in `map.text` of index `index` of a Yjs `XmlText` (an absolute position). On a
 * boundary between two children, a start belongs to the next one and an end to the previous one.
 */
export function textOffsetOfYIndex(
  map: TextMap,
  type: unknown,
  index: number,
  side: 'start' | 'end',
): number | null {
  if (!(type instanceof XmlText)) return null;
  const element = map.elementsByType.get(type);
  if (element === undefined) return null;
  for (const child of element.children) {
    const last = child.yStart + child.ySize;
    if (side === 'end' ? index > last : index >= last) continue;
    if (child.kind !== 'text') return side === 'end' && index === last ? child.end : child.start;
    const inside = Math.min(Math.max(index - child.yStart - 1, 0), child.end - child.start);
    return child.start + inside;
  }
  return element.end;
}

/**
 * The text node holding the character at `offset` (for a start) or just before it (for an end),
 * skipping separators and empty nodes.
 */
export function segmentAt(
  map: TextMap,
  offset: number,
  side: 'start' | 'end',
): TextSegment | undefined {
  const { segments } = map;
  if (side === 'start') {
    return segments.find((s) => s.length > 0 && offset < s.start + s.length);
  }
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i]!;
    if (s.length > 0 && offset > s.start) return s;
  }
  return undefined;
}

/** The Lexical point (text node key and offset) of a text offset. */
export function pointAt(
  map: TextMap,
  offset: number,
  side: 'start' | 'end',
): { key: NodeKey; offset: number } | null {
  const segment = segmentAt(map, offset, side);
  if (segment === undefined) return null;
  const inside = Math.min(Math.max(offset - segment.start, 0), segment.length);
  return { key: segment.key, offset: inside };
}
