import type { ExportLabels } from '../../labels.ts';
import { theme } from './writer.ts';

/**
 * What every page carries besides the text, drawn once all pages exist (pages are buffered):
 * the draft mark at the top of each page of a draft, and the title and page number at the foot.
 */
export function drawPageFurniture(
  doc: PDFKit.PDFDocument,
  input: { title: string; labels: ExportLabels; left: number; width: number },
): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing in the margins must not make pdfkit start a new page.
    const margins = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    const { draftMark } = input.labels;
    if (draftMark) {
      const text = draftMark.toLocaleUpperCase(doc.options.lang);
      doc.font('bold').fontSize(9.5);
      // No letter-spacing: text extraction would read spaced capitals as separate words.
      const textWidth = doc.widthOfString(text);
      const boxWidth = textWidth + 20;
      const x = input.left + input.width - boxWidth;
      const y = 26;
      doc
        .save()
        .lineWidth(1.2)
        .strokeColor(theme.draft)
        .rect(x, y, boxWidth, 20)
        .stroke()
        .restore();
      doc.fillColor(theme.draft).text(text, x, y + 5, {
        width: boxWidth,
        align: 'center',
        lineBreak: false,
      });
    }
    const footerY = doc.page.height - 40;
    doc.font('regular').fontSize(8).fillColor(theme.muted);
    doc.text(input.title, input.left, footerY, {
      width: input.width - 60,
      lineBreak: false,
      ellipsis: true,
    });
    doc.text(
      `${index - range.start + 1} / ${range.count}`,
      input.left + input.width - 60,
      footerY,
      {
        width: 60,
        align: 'right',
        lineBreak: false,
      },
    );
    doc.fillColor(theme.text);
    doc.page.margins = margins;
  }
}
