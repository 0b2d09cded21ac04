import type { Block, Inline, ListBlock } from './types.ts';

/** The text of inline runs, line breaks as `\n`. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      if (inline.type === 'break') return '\n';
      if (inline.type === 'link') return inline.children.map((run) => run.text).join('');
      return inline.text;
    })
    .join('');
}

function listText(list: ListBlock): string[] {
  return list.items.flatMap((item) => [inlineText(item.children), ...item.lists.flatMap(listText)]);
}

/** Plain text of blocks, one line per block, list item or table cell. */
export function blockText(block: Block): string[] {
  switch (block.type) {
    case 'list':
      return listText(block);
    case 'table':
      return block.rows.flatMap((row) =>
        row.cells.flatMap((cell) => cell.blocks.flatMap(blockText)),
      );
    case 'panel':
      return [
        inlineText(block.title),
        ...block.fields.map((f) => `${f.label}: ${f.value}`),
        ...block.blocks.flatMap(blockText),
      ];
    default:
      return [inlineText(block.children)];
  }
}

/** Headings in document order, for outlines and tables of contents. */
export function headingsOf(blocks: readonly Block[]): { level: number; text: string }[] {
  return blocks.flatMap((block) =>
    block.type === 'heading' ? [{ level: block.level, text: inlineText(block.children) }] : [],
  );
}
