/**
 * Accord's export tree: the document as blocks, inline runs and marks, independent of Lexical's
 * JSON (which changes between Lexical versions) and of any output format. Every renderer reads
 * this tree, never Lexical.
 *
 * The block types are a small, closed set of *presentational* primitives. A new editor node type
 * (an action block, say) is added by writing one converter that lowers it to these primitives
 * (`panel` is there for record-like nodes: a titled box of labelled fields and body blocks), so
 * no renderer changes. A new primitive, on the contrary, is a change to every renderer: each one
 * dispatches through a `Record<Block['type'], …>` table, so TypeScript lists what is missing.
 */

/** Bumped when the shape below changes in a way a consumer would notice. */
export const EXPORT_TREE_VERSION = 1;

export const marks = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'code',
  'subscript',
  'superscript',
  'highlight',
] as const;
export type Mark = (typeof marks)[number];

/** A run of text with its marks, in a fixed order (the order of `marks`). */
export interface TextRun {
  type: 'text';
  text: string;
  marks: Mark[];
}

export interface LinkInline {
  type: 'link';
  url: string;
  children: TextRun[];
}

/** A line break inside a block (Shift+Enter). */
export interface LineBreak {
  type: 'break';
}

export type Inline = TextRun | LinkInline | LineBreak;

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;
export type Alignment = 'start' | 'center' | 'end' | 'justify';

export interface HeadingBlock {
  type: 'heading';
  level: HeadingLevel;
  children: Inline[];
}

export interface ParagraphBlock {
  type: 'paragraph';
  children: Inline[];
  align: Alignment;
}

export interface QuoteBlock {
  type: 'quote';
  children: Inline[];
}

export interface ListItem {
  children: Inline[];
  /** For checklists: whether the box is ticked; null otherwise. */
  checked: boolean | null;
  /** Lists nested under this item, in order. */
  lists: ListBlock[];
}

export interface ListBlock {
  type: 'list';
  kind: 'bullet' | 'number' | 'check';
  /** First number of a numbered list. */
  start: number;
  items: ListItem[];
}

export interface TableCell {
  header: boolean;
  colSpan: number;
  rowSpan: number;
  blocks: Block[];
}

export interface TableBlock {
  type: 'table';
  rows: { cells: TableCell[] }[];
}

/**
 * A titled box of labelled fields followed by body blocks: how record-like nodes (actions) are
 * exported. Labels are already in the document's language.
 */
export interface PanelBlock {
  type: 'panel';
  /** What the panel is, for HTML classes and accessibility: e.g. `action`. */
  kind: string;
  title: Inline[];
  fields: { label: string; value: string }[];
  blocks: Block[];
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | QuoteBlock
  | ListBlock
  | TableBlock
  | PanelBlock;

export interface ExportTree {
  version: typeof EXPORT_TREE_VERSION;
  blocks: Block[];
}
