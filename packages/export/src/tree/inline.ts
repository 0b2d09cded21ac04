import type { SerializedLexicalNode } from 'lexical';
import { type Inline, type Mark, marks, type TextRun } from './types.ts';

/** The serialized fields the converters read, across Lexical node types. */
export type LexicalJson = SerializedLexicalNode & {
  children?: LexicalJson[];
  [field: string]: unknown;
};

/** Lexical's text format bits (lexical/LexicalConstants, stable since 0.3), in `marks` order. */
const markBits: Record<Mark, number> = {
  bold: 1,
  italic: 1 << 1,
  strikethrough: 1 << 2,
  underline: 1 << 3,
  code: 1 << 4,
  subscript: 1 << 5,
  superscript: 1 << 6,
  highlight: 1 << 7,
};

function marksOf(format: unknown): Mark[] {
  const bits = typeof format === 'number' ? format : 0;
  return marks.filter((mark) => (bits & markBits[mark]) !== 0);
}

function textRun(node: LexicalJson): TextRun {
  return { type: 'text', text: String(node.text ?? ''), marks: marksOf(node.format) };
}

/** Adjacent runs with the same marks merge, so renderers never split a word into two spans. */
function mergeRuns<T extends Inline>(inlines: T[]): T[] {
  const merged: T[] = [];
  for (const inline of inlines) {
    const last = merged.at(-1);
    if (
      last?.type === 'text' &&
      inline.type === 'text' &&
      last.marks.join() === inline.marks.join()
    ) {
      merged[merged.length - 1] = { ...last, text: last.text + inline.text };
    } else if (inline.type !== 'text' || inline.text !== '') {
      merged.push(inline);
    }
  }
  return merged;
}

function linkRuns(node: LexicalJson): TextRun[] {
  return (node.children ?? []).flatMap((child) => inlinesOf(child).flatMap(flattenToRuns));
}

function flattenToRuns(inline: Inline): TextRun[] {
  if (inline.type === 'text') return [inline];
  if (inline.type === 'link') return inline.children;
  return [{ type: 'text', text: '\n', marks: [] }];
}

/** One inline node (and what it contains) as export inlines. Unknown inline nodes keep their text. */
export function inlinesOf(node: LexicalJson): Inline[] {
  switch (node.type) {
    case 'text':
      return [textRun(node)];
    case 'linebreak':
      return [{ type: 'break' }];
    case 'tab':
      return [{ type: 'text', text: '\t', marks: [] }];
    case 'link':
    case 'autolink':
      return [{ type: 'link', url: String(node.url ?? ''), children: mergeRuns(linkRuns(node)) }];
    default:
      if (typeof node.text === 'string') return [textRun(node)];
      return (node.children ?? []).flatMap(inlinesOf);
  }
}

/** The inline children of a block node. */
export function childInlines(node: LexicalJson): Inline[] {
  return mergeRuns((node.children ?? []).flatMap(inlinesOf));
}
