import {
  $createHeadingNode,
  $createQuoteNode,
  $isHeadingNode,
  $isQuoteNode,
} from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import type { CatalogKey } from '../i18n/index.ts';

export type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote';

export const blockTypes: readonly BlockType[] = ['paragraph', 'h1', 'h2', 'h3', 'quote'];

export const blockTypeKeys = {
  paragraph: 'editor.paragraph',
  h1: 'editor.heading1',
  h2: 'editor.heading2',
  h3: 'editor.heading3',
  quote: 'editor.quote',
} as const satisfies Record<BlockType, CatalogKey>;

/** The block type the toolbar shows for a top-level element. */
export function $blockTypeOf(element: LexicalNode): BlockType {
  if ($isHeadingNode(element)) {
    const tag = element.getTag();
    return tag === 'h1' || tag === 'h2' || tag === 'h3' ? tag : 'h3';
  }
  if ($isQuoteNode(element)) return 'quote';
  return 'paragraph';
}

function createBlock(type: BlockType): ElementNode {
  switch (type) {
    case 'paragraph':
      return $createParagraphNode();
    case 'quote':
      return $createQuoteNode();
    default:
      return $createHeadingNode(type);
  }
}

export function setBlockType(editor: LexicalEditor, type: BlockType): void {
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) $setBlocksType(selection, () => createBlock(type));
  });
}
