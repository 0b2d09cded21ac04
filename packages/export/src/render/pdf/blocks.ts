import type { Block, ListBlock, PanelBlock, TableBlock, TableCell } from '../../tree/types.ts';
import { PdfWriter, theme } from './writer.ts';

export interface PdfContext {
  writer: PdfWriter;
  colon(label: string): string;
  /** Called with each heading before it is written: the outline (bookmarks) follows. */
  onHeading(level: number, text: string): void;
}

const indentStep = 18;
const bullets = ['•', '–', '·'];

function inlineTextOf(block: Block): string {
  if (!('children' in block)) return '';
  return block.children
    .map((i) =>
      i.type === 'break'
        ? '\n'
        : i.type === 'link'
          ? i.children.map((r) => r.text).join('')
          : i.text,
    )
    .join('');
}

function checkbox(writer: PdfWriter, x: number, y: number, checked: boolean): void {
  const size = 8;
  const top = y + 3;
  writer.doc.save().lineWidth(0.8).strokeColor(theme.text).rect(x, top, size, size).stroke();
  if (checked) {
    writer.doc
      .moveTo(x + 1.5, top + 4)
      .lineTo(x + 3.5, top + 6.5)
      .lineTo(x + 7, top + 1.5)
      .stroke();
  }
  writer.doc.restore();
}

function list(block: ListBlock, context: PdfContext, depth: number): void {
  const { writer } = context;
  const x = writer.left + indentStep * depth;
  const textX = x + indentStep;
  const width = writer.width - (textX - writer.left);
  block.items.forEach((item, index) => {
    writer.ensureSpace(writer.measure(item.children, width));
    const y = writer.doc.y;
    if (item.checked !== null) checkbox(writer, x + 2, y, item.checked);
    else {
      const marker =
        block.kind === 'number' ? `${block.start + index}.` : (bullets[depth % 3] ?? '•');
      writer.line(marker, x, indentStep - 2, { align: block.kind === 'number' ? 'right' : 'left' });
      writer.doc.y = y;
    }
    const textStart = block.kind === 'number' ? textX + 4 : textX;
    writer.inlines(item.children, textStart, width - (textStart - textX));
    writer.gap(2);
    for (const nested of item.lists) list(nested, context, depth + 1);
  });
}

const cellPadding = 4;

function cellHeight(cell: TableCell, width: number, writer: PdfWriter): number {
  const inner = width - 2 * cellPadding;
  const blocks = cell.blocks.map((block) =>
    writer.measure([{ type: 'text', text: inlineTextOf(block), marks: [] }], inner, {
      bold: cell.header,
    }),
  );
  return (
    blocks.reduce((sum, h) => sum + h, 0) + 2 * cellPadding + Math.max(0, blocks.length - 1) * 3
  );
}

function drawRow(cells: TableCell[], widths: number[], context: PdfContext): void {
  const { writer } = context;
  const { doc } = writer;
  const cellWidths = cells.map((_, i) => widths[i] ?? 0);
  const height = Math.max(...cells.map((cell, i) => cellHeight(cell, cellWidths[i] ?? 0, writer)));
  const top = doc.y;
  let x = writer.left;
  cells.forEach((cell, i) => {
    const w = cellWidths[i] ?? 0;
    doc.save().lineWidth(0.5).strokeColor(theme.rule);
    if (cell.header) doc.rect(x, top, w, height).fillAndStroke(theme.headerFill, theme.rule);
    else doc.rect(x, top, w, height).stroke();
    doc.restore();
    doc.y = top + cellPadding;
    for (const block of cell.blocks) {
      if ('children' in block) {
        writer.inlines(block.children, x + cellPadding, w - 2 * cellPadding, { bold: cell.header });
        writer.gap(3);
      }
    }
    x += w;
  });
  doc.y = top + height;
}

function table(block: TableBlock, context: PdfContext): void {
  const { writer } = context;
  const columns = Math.max(1, ...block.rows.map((r) => r.cells.reduce((n, c) => n + c.colSpan, 0)));
  const unit = writer.width / columns;
  const widthsOf = (cells: TableCell[]) => cells.map((c) => unit * c.colSpan);
  const [first] = block.rows;
  const headerRow = first?.cells.every((c) => c.header) ? first : null;
  block.rows.forEach((row, index) => {
    const widths = widthsOf(row.cells);
    const height = Math.max(
      ...row.cells.map((cell, i) => cellHeight(cell, widths[i] ?? unit, writer)),
    );
    if (writer.doc.y + height > writer.bottom) {
      writer.doc.addPage();
      // The header row repeats at the top of the next page, as in Word.
      if (headerRow && index > 0) drawRow(headerRow.cells, widthsOf(headerRow.cells), context);
    }
    drawRow(row.cells, widths, context);
  });
  writer.gap(10);
}

function panel(block: PanelBlock, context: PdfContext): void {
  const { writer } = context;
  writer.ensureSpace(60);
  const top = writer.doc.y;
  const x = writer.left + 10;
  const width = writer.width - 20;
  writer.gap(8);
  writer.inlines(block.title, x, width, { bold: true });
  writer.gap(4);
  for (const field of block.fields) {
    writer.inlines(
      [
        { type: 'text', text: `${context.colon(field.label)} `, marks: ['bold'] },
        { type: 'text', text: field.value, marks: [] },
      ],
      x,
      width,
    );
  }
  writer.gap(4);
  // Body blocks flow inside the box: a writer inset like the fields above.
  const inner = { ...context, writer: new PdfWriter(writer.doc, x, width) };
  for (const child of block.blocks) pdfBlock(child, inner);
  const bottom = writer.doc.y + 4;
  if (bottom > top) {
    writer.doc
      .save()
      .lineWidth(0.8)
      .strokeColor(theme.rule)
      .rect(writer.left, top, writer.width, bottom - top)
      .stroke()
      .restore();
  }
  writer.doc.y = bottom + 10;
}

type Renderers = {
  [T in Block['type']]: (block: Extract<Block, { type: T }>, context: PdfContext) => void;
};

const renderers: Renderers = {
  heading: (block, context) => {
    const { writer } = context;
    const size = theme.headingSizes[block.level - 1] ?? theme.bodySize;
    const height = writer.measure(block.children, writer.width, { size, bold: true });
    writer.gap(block.level === 1 ? 4 : size * 0.6);
    // Keep a heading with at least the next two lines of text.
    writer.ensureSpace(height + 3 * (theme.bodySize + theme.lineGap * 2));
    context.onHeading(block.level, inlineTextOf(block));
    writer.inlines(block.children, writer.left, writer.width, { size, bold: true });
    writer.gap(size * 0.35);
  },
  paragraph: (block, context) => {
    const { writer } = context;
    writer.ensureSpace(
      Math.min(writer.measure(block.children, writer.width), 3 * theme.bodySize * 1.5),
    );
    const align = { start: 'left', center: 'center', end: 'right', justify: 'justify' } as const;
    writer.inlines(block.children, writer.left, writer.width, { align: align[block.align] });
    writer.gap(7);
  },
  quote: (block, context) => {
    const { writer } = context;
    const x = writer.left + 14;
    const width = writer.width - 14;
    writer.ensureSpace(writer.measure(block.children, width, { italic: true }));
    const top = writer.doc.y;
    writer.inlines(block.children, x, width, { italic: true, color: theme.muted });
    const bottom = writer.doc.y;
    writer.doc
      .save()
      .lineWidth(2.5)
      .strokeColor(theme.rule)
      .moveTo(writer.left + 3, top)
      .lineTo(writer.left + 3, bottom - theme.lineGap)
      .stroke()
      .restore();
    writer.gap(7);
  },
  list: (block, context) => {
    list(block, context, 0);
    context.writer.gap(5);
  },
  table,
  panel,
};

export function pdfBlock(block: Block, context: PdfContext): void {
  (renderers[block.type] as (b: Block, c: PdfContext) => void)(block, context);
}
