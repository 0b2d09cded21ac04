import type { ConvertContext } from './from-lexical.ts';
import { childInlines, type LexicalJson } from './inline.ts';
import type {
  Alignment,
  Block,
  HeadingLevel,
  ListBlock,
  ListItem,
  TableBlock,
  TableCell,
} from './types.ts';

const alignments: Record<string, Alignment> = {
  center: 'center',
  right: 'end',
  end: 'end',
  justify: 'justify',
};

function headingLevel(tag: unknown): HeadingLevel {
  const level = Number(String(tag).replace(/^h/, ''));
  return (level >= 1 && level <= 6 ? level : 1) as HeadingLevel;
}

function isList(node: LexicalJson | undefined): boolean {
  return node?.type === 'list';
}

/**
 * Lexical nests a sub-list inside a list item of its own (`listitem > list`), right after the
 * item it belongs to. Here a nested list hangs under the previous item instead.
 */
function listOf(node: LexicalJson): ListBlock {
  const kind = node.listType === 'number' || node.listType === 'check' ? node.listType : 'bullet';
  const items: ListItem[] = [];
  for (const child of node.children ?? []) {
    const nested = (child.children ?? []).filter(isList).map(listOf);
    const onlyNested = nested.length > 0 && (child.children ?? []).every(isList);
    const previous = items.at(-1);
    if (onlyNested && previous) {
      previous.lists.push(...nested);
      continue;
    }
    items.push({
      children: childInlines({
        ...child,
        children: (child.children ?? []).filter((c) => !isList(c)),
      }),
      checked: kind === 'check' ? child.checked === true : null,
      lists: nested,
    });
  }
  const start = typeof node.start === 'number' && node.start > 0 ? node.start : 1;
  return { type: 'list', kind, start, items };
}

/** Lexical's TableCellHeaderStates: ROW = 1, COLUMN = 2 (either makes a header cell). */
function tableOf(node: LexicalJson, context: ConvertContext): TableBlock {
  const rows = (node.children ?? []).map((row) => ({
    cells: (row.children ?? []).map(
      (cell): TableCell => ({
        header: typeof cell.headerState === 'number' && cell.headerState !== 0,
        colSpan: typeof cell.colSpan === 'number' && cell.colSpan > 1 ? cell.colSpan : 1,
        rowSpan: typeof cell.rowSpan === 'number' && cell.rowSpan > 1 ? cell.rowSpan : 1,
        blocks: context.blocks(cell.children ?? []),
      }),
    ),
  }));
  return { type: 'table', rows };
}

/** Lexical's own block nodes (rich-text, list, table). Undefined for any other type. */
export function convertStandardNode(
  node: LexicalJson,
  context: ConvertContext,
): Block[] | undefined {
  switch (node.type) {
    case 'paragraph': {
      // An empty paragraph is only vertical space in the editor; exports have their own spacing.
      const children = childInlines(node);
      if (children.length === 0) return [];
      return [{ type: 'paragraph', children, align: alignments[String(node.format)] ?? 'start' }];
    }
    case 'heading':
      return [{ type: 'heading', level: headingLevel(node.tag), children: childInlines(node) }];
    case 'quote':
      return [{ type: 'quote', children: childInlines(node) }];
    case 'list':
      return [listOf(node)];
    case 'table':
      return [tableOf(node, context)];
    default:
      return undefined;
  }
}
