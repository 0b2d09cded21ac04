/**
 * Accord's canonical form of a document body: its own small tree of blocks, text and marks,
 * versioned and documented (docs/ARCHITECTURE.md, "Canonical form"), so that a fingerprint never
 * depends on how Lexical happens to serialise its state. Version 1.
 */

export const CANONICAL_FORM_VERSION = 1;

/** Text marks, written in this order (alphabetical). */
export const canonicalMarks = [
  'bold',
  'code',
  'highlight',
  'italic',
  'strikethrough',
  'subscript',
  'superscript',
  'underline',
] as const;
export type CanonicalMark = (typeof canonicalMarks)[number];

export type CanonicalInline =
  | { type: 'text'; text: string; marks: CanonicalMark[] }
  | { type: 'link'; href: string; content: CanonicalInline[] }
  | { type: 'break' }
  | { type: 'tab' };

export type CanonicalAlign = 'left' | 'center' | 'right' | 'justify' | 'start' | 'end';

/** Block layout that shows: alignment and indentation, present only when not the default. */
interface Layout {
  align?: CanonicalAlign;
  indent?: number;
}

export interface CanonicalListItem {
  content: CanonicalInline[];
  /** Present in check lists only. */
  checked?: boolean;
  /** Lists nested under this item. */
  children: CanonicalList[];
}

export interface CanonicalList {
  type: 'list';
  style: 'bullet' | 'number' | 'check';
  /** First number of a numbered list. */
  start?: number;
  items: CanonicalListItem[];
}

export interface CanonicalTableCell {
  header: boolean;
  colspan?: number;
  rowspan?: number;
  blocks: CanonicalBlock[];
}

/** One commitment of an organisation inside an action. */
export interface CanonicalCommitment {
  organisation: string;
  amount: number | null;
  unit: string;
  blocks: CanonicalBlock[];
}

/** An action of a plan (see packages/editor/src/actions): its text and every field. */
export interface CanonicalAction {
  type: 'action';
  id: string;
  title: CanonicalBlock[];
  description: CanonicalBlock[];
  /** Organisation id of the lead. */
  lead: string;
  /** Person ids, in the order kept. */
  people: string[];
  /** `YYYY-MM-DD` or whatever was typed. */
  start: string;
  due: string;
  status: string;
  indicator: string;
  /** Action ids. */
  dependsOn: string[];
  commitments: CanonicalCommitment[];
}

export type CanonicalBlock =
  | ({ type: 'paragraph'; content: CanonicalInline[] } & Layout)
  | ({ type: 'heading'; level: number; content: CanonicalInline[] } & Layout)
  | ({ type: 'quote'; content: CanonicalInline[] } & Layout)
  | CanonicalList
  | { type: 'table'; rows: { cells: CanonicalTableCell[] }[] }
  | CanonicalAction;

export interface CanonicalDocument {
  /** Names the format, so a stored or exported canonical byte string says what it is. */
  format: 'accord-canonical';
  version: typeof CANONICAL_FORM_VERSION;
  blocks: CanonicalBlock[];
}
