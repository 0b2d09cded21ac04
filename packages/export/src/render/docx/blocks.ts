import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Alignment, Block, ListBlock, TableBlock } from '../../tree/types.ts';
import { docxInlines } from './inlines.ts';

/** What block rendering needs from the document being built. */
export interface DocxContext {
  colon(label: string): string;
  /** A fresh numbering instance, so every list starts at its own first number. */
  nextListInstance(): number;
}

export type DocxBlock = Paragraph | Table;

const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

const alignments: Record<Alignment, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  start: AlignmentType.START,
  center: AlignmentType.CENTER,
  end: AlignmentType.END,
  justify: AlignmentType.JUSTIFIED,
};

/** Numbering references defined in document.ts: one abstract definition per list kind. */
export const listReferences = {
  bullet: 'accord-bullet',
  number: 'accord-number',
  check: 'accord-check',
};

function list(block: ListBlock, context: DocxContext, level: number): Paragraph[] {
  const instance = context.nextListInstance();
  return block.items.flatMap((item) => {
    const box = item.checked === null ? [] : [new TextRun(item.checked ? '☒ ' : '☐ ')];
    return [
      new Paragraph({
        children: [...box, ...docxInlines(item.children)],
        numbering: { reference: listReferences[block.kind], level: Math.min(level, 8), instance },
      }),
      ...item.lists.flatMap((nested) => list(nested, context, level + 1)),
    ];
  });
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '888888' };

function table(block: TableBlock, context: DocxContext): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: cellBorder,
      bottom: cellBorder,
      left: cellBorder,
      right: cellBorder,
      insideHorizontal: cellBorder,
      insideVertical: cellBorder,
    },
    rows: block.rows.map(
      (row) =>
        new TableRow({
          // A row of header cells repeats at the top of each page. Left out (not `false`) on other
          // rows: docx writes `false` as <w:tblHeader w:val="off"/>, which some readers take as on.
          tableHeader:
            row.cells.length > 0 && row.cells.every((cell) => cell.header) ? true : undefined,
          children: row.cells.map(
            (cell) =>
              new TableCell({
                columnSpan: cell.colSpan,
                rowSpan: cell.rowSpan,
                shading: cell.header ? { fill: 'EEEEEE' } : undefined,
                // Word requires at least one paragraph per cell.
                children: cell.blocks
                  .flatMap((inner) => docxBlock(inner, context))
                  .concat(cell.blocks.length === 0 ? [new Paragraph('')] : []),
              }),
          ),
        }),
    ),
  });
}

type Renderers = {
  [T in Block['type']]: (block: Extract<Block, { type: T }>, context: DocxContext) => DocxBlock[];
};

const renderers: Renderers = {
  heading: (block) => [
    new Paragraph({
      heading: headingLevels[block.level - 1],
      children: docxInlines(block.children),
    }),
  ],
  paragraph: (block) => [
    new Paragraph({ alignment: alignments[block.align], children: docxInlines(block.children) }),
  ],
  quote: (block) => [new Paragraph({ style: 'Quote', children: docxInlines(block.children) })],
  list: (block, context) => list(block, context, 0),
  table: (block, context) => [table(block, context)],
  panel: (block, context) => [
    new Paragraph({ heading: HeadingLevel.HEADING_4, children: docxInlines(block.title) }),
    ...block.fields.map(
      (field) =>
        new Paragraph({
          children: [
            new TextRun({ text: `${context.colon(field.label)} `, bold: true }),
            new TextRun(field.value),
          ],
        }),
    ),
    ...block.blocks.flatMap((inner) => docxBlock(inner, context)),
  ],
};

export function docxBlock(block: Block, context: DocxContext): DocxBlock[] {
  return (renderers[block.type] as (b: Block, c: DocxContext) => DocxBlock[])(block, context);
}
