import { $createLinkNode, type LinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, type ListNode } from '@lexical/list';
import {
  $createHeadingNode,
  $createQuoteNode,
  type HeadingNode,
  type HeadingTagType,
  type QuoteNode,
} from '@lexical/rich-text';
import {
  $createTableCellNode,
  $createTableNode,
  $createTableRowNode,
  TableCellHeaderStates,
  type TableNode,
} from '@lexical/table';
import {
  $createParagraphNode,
  $createTextNode,
  type ParagraphNode,
  type TextFormatType,
  type TextNode,
} from 'lexical';

// Short builders so a template reads like the document it produces. Each `$` function must run
// inside `editor.update()`.

/** A run of text inside a block: plain, formatted, or a link. */
export type Inline =
  | string
  | { readonly text: string; readonly formats: readonly TextFormatType[] }
  | { readonly text: string; readonly url: string };

export const bold = (text: string): Inline => ({ text, formats: ['bold'] });
export const italic = (text: string): Inline => ({ text, formats: ['italic'] });
export const link = (text: string, url: string): Inline => ({ text, url });

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';

/**
 * French typography: a non-breaking space before `:`, a narrow one before `; ! ?` and inside
 * « guillemets », so punctuation never starts a line. Templates are written with ordinary spaces
 * for readability and pass every string through here.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ :/g, `${NBSP}:`)
    .replace(/ ([;!?»])/g, `${NARROW_NBSP}$1`)
    .replace(/« /g, `«${NARROW_NBSP}`);
}

function $inline(run: Inline): TextNode | LinkNode {
  if (typeof run === 'string') return $createTextNode(frenchSpacing(run));
  if ('url' in run)
    return $createLinkNode(run.url).append($createTextNode(frenchSpacing(run.text)));
  const node = $createTextNode(frenchSpacing(run.text));
  for (const format of run.formats) node.toggleFormat(format);
  return node;
}

export function $paragraph(...runs: Inline[]): ParagraphNode {
  return $createParagraphNode().append(...runs.map($inline));
}

export function $heading(tag: HeadingTagType, text: string): HeadingNode {
  return $createHeadingNode(tag).append($inline(text));
}

export function $quote(...runs: Inline[]): QuoteNode {
  return $createQuoteNode().append(...runs.map($inline));
}

/** One list item per entry; an entry is a single run or an array of runs. */
export function $list(type: 'bullet' | 'number', items: readonly (Inline | Inline[])[]): ListNode {
  const list = $createListNode(type);
  for (const item of items) {
    const runs = Array.isArray(item) ? item : [item];
    list.append($createListItemNode().append(...runs.map($inline)));
  }
  return list;
}

/** A table whose first row is a header row; cells hold paragraphs, as Lexical requires. */
export function $table(header: readonly string[], rows: readonly (readonly string[])[]): TableNode {
  const $row = (cells: readonly string[], headerState: number) =>
    $createTableRowNode().append(
      ...cells.map((cell) => $createTableCellNode(headerState).append($paragraph(cell))),
    );
  return $createTableNode().append(
    $row(header, TableCellHeaderStates.ROW),
    ...rows.map((cells) => $row(cells, TableCellHeaderStates.NO_STATUS)),
  );
}
