import { ExternalHyperlink, type ParagraphChild, TextRun } from 'docx';
import type { TextRun as ExportRun, Inline } from '../../tree/types.ts';
import { safeUrl } from '../../tree/urls.ts';

function textRun(run: ExportRun, style?: string): TextRun {
  const marks = new Set(run.marks);
  return new TextRun({
    text: run.text,
    style,
    bold: marks.has('bold') || undefined,
    italics: marks.has('italic') || undefined,
    underline: marks.has('underline') ? {} : undefined,
    strike: marks.has('strikethrough') || undefined,
    subScript: marks.has('subscript') || undefined,
    superScript: marks.has('superscript') || undefined,
    highlight: marks.has('highlight') ? 'yellow' : undefined,
    font: marks.has('code') ? 'Courier New' : undefined,
  });
}

/** Inline runs as Word runs: marks become run properties, links real hyperlinks. */
export function docxInlines(inlines: readonly Inline[]): ParagraphChild[] {
  return inlines.flatMap((inline) => {
    if (inline.type === 'break') return new TextRun({ break: 1 });
    if (inline.type === 'text') return textRun(inline);
    const url = safeUrl(inline.url);
    const runs = inline.children.map((run) => textRun(run, url ? 'Hyperlink' : undefined));
    return url ? new ExternalHyperlink({ link: url, children: runs }) : runs;
  });
}
