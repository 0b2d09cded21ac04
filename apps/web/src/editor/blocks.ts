import { $getRoot, type LexicalEditor } from 'lexical';

/**
 * The editor's top-level blocks (paragraphs, headings, quotes, lists, tables) as plain text, in
 * order. Flushes pending updates first, so it reads what the person sees.
 */
export function readBlocks(editor: LexicalEditor): string[] {
  return editor.read(() =>
    $getRoot()
      .getChildren()
      .map((node) => node.getTextContent()),
  );
}
