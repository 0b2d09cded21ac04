import type { LexicalNode } from 'lexical';
import { $heading, $paragraph } from './blocks.ts';
import type { TemplateOptions } from './kinds.ts';

/** Free notes: a title and an empty paragraph where the caret lands. */
export function $notesTemplate({ title }: TemplateOptions): LexicalNode[] {
  return [$heading('h1', title ?? 'Notes'), $paragraph()];
}
