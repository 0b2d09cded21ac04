import type { Inline, Mark } from '../../tree/types.ts';
import { safeUrl } from '../../tree/urls.ts';
import { faceFor } from './fonts.ts';

/** Colours and sizes in one place, so the PDF reads as one design. */
export const theme = {
  text: '#1a1a1a',
  muted: '#555555',
  link: '#1a4f9c',
  rule: '#888888',
  headerFill: '#eeeeee',
  draft: '#b00020',
  bodySize: 10.5,
  lineGap: 2.5,
  headingSizes: [20, 15, 12.5, 11.5, 10.5, 10.5] as const,
};

export interface TextStyle {
  size?: number;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right' | 'justify';
}

interface Segment {
  text: string;
  marks: readonly Mark[];
  link: string | null;
}

function segments(inlines: readonly Inline[]): Segment[] {
  const out: Segment[] = [];
  let pendingBreaks = '';
  for (const inline of inlines) {
    if (inline.type === 'break') {
      // With `continued`, pdfkit drops a newline that ends a fragment or stands alone; one that
      // starts the next fragment breaks the line. A trailing break has nothing to break before.
      pendingBreaks += '\n';
      continue;
    }
    const link = inline.type === 'link' ? safeUrl(inline.url) : null;
    const runs = inline.type === 'link' ? inline.children : [inline];
    for (const run of runs) {
      out.push({ text: pendingBreaks + run.text, marks: run.marks, link });
      pendingBreaks = '';
    }
  }
  return out;
}

/**
 * A thin layer over pdfkit: the current column (x, width), page-break decisions, and runs of
 * differently styled text written as one flowing paragraph (pdfkit's `continued`).
 */
export class PdfWriter {
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly left: number,
    readonly width: number,
  ) {}

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  gap(points: number): void {
    this.doc.y += points;
  }

  /** Height the inline runs would take at `width`, measured in the style's regular face. */
  measure(inlines: readonly Inline[], width: number, style: TextStyle = {}): number {
    const text = segments(inlines)
      .map((s) => s.text)
      .join('');
    this.doc.font(faceFor([], style)).fontSize(style.size ?? theme.bodySize);
    return this.doc.heightOfString(text || ' ', { width, lineGap: theme.lineGap });
  }

  /** Writes inline runs as one paragraph at (x, current y), `width` wide. */
  inlines(inlines: readonly Inline[], x: number, width: number, style: TextStyle = {}): void {
    const parts = segments(inlines).filter((s) => s.text !== '');
    if (parts.length === 0) return;
    const { doc } = this;
    const startY = doc.y;
    parts.forEach((part, index) => {
      doc
        .font(faceFor(part.marks, style))
        .fontSize(style.size ?? theme.bodySize)
        .fillColor(part.link ? theme.link : (style.color ?? theme.text));
      const options: PDFKit.Mixins.TextOptions = {
        width,
        lineGap: theme.lineGap,
        align: style.align ?? 'left',
        continued: index < parts.length - 1,
        link: part.link ?? undefined,
        underline: part.marks.includes('underline') || part.link !== null,
        strike: part.marks.includes('strikethrough'),
      };
      if (index === 0) doc.text(part.text, x, startY, options);
      else doc.text(part.text, options);
    });
    doc.fillColor(theme.text);
    doc.x = this.left;
  }

  /** A plain string, one style. */
  line(text: string, x: number, width: number, style: TextStyle = {}): void {
    this.inlines([{ type: 'text', text, marks: [] }], x, width, style);
  }
}
