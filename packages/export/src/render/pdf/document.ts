import PDFDocument from 'pdfkit';
import { exportLabels, type SignaturePage, signaturePage } from '../../labels.ts';
import { buildManifest, hasSignature, MANIFEST_NAME, manifestBytes } from '../../manifest.ts';
import type { ExportMeta } from '../../meta.ts';
import type { ExportTree } from '../../tree/types.ts';
import { type PdfContext, pdfBlock } from './blocks.ts';
import { registerFonts } from './fonts.ts';
import { drawPageFurniture } from './furniture.ts';
import { PdfWriter, theme } from './writer.ts';

const languageTags = { fr: 'fr-FR', en: 'en-GB' } as const;
const margins = { top: 64, bottom: 64, left: 64, right: 64 };

/** Bookmarks nest by heading level: a heading hangs under the last heading of a higher level. */
function outlineBuilder(doc: PDFKit.PDFDocument) {
  const stack: { level: number; item: PDFKit.PDFOutline }[] = [];
  return (level: number, text: string) => {
    while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= level) stack.pop();
    const parent = stack.at(-1)?.item ?? doc.outline;
    // pdfkit puts the destination's left at `page width - left`: pass the width to get 0, and
    // `top` so the bookmark opens at the heading rather than at the top of its page.
    const item = parent.addItem(text, {
      left: doc.page.width,
      top: doc.page.height - doc.y + 8,
    } as unknown as { expanded?: boolean });
    stack.push({ level, item });
  };
}

function signatureSection(page: SignaturePage, context: PdfContext, manifestNote: string | null) {
  const { writer } = context;
  writer.doc.addPage();
  const text = (value: string) => [{ type: 'text' as const, text: value, marks: [] }];
  pdfBlock({ type: 'heading', level: 1, children: text(page.title) }, context);
  pdfBlock({ type: 'paragraph', align: 'start', children: text(page.intro) }, context);
  const row = (cells: readonly string[], header: boolean) => ({
    cells: cells.map((value) => ({
      header,
      colSpan: 1,
      rowSpan: 1,
      blocks: [{ type: 'paragraph' as const, align: 'start' as const, children: text(value) }],
    })),
  });
  pdfBlock(
    {
      type: 'table',
      rows: [
        row(page.headers, true),
        ...page.rows.map((r) => row([r.organisation, r.signatory, r.role, r.approvedAt], false)),
      ],
    },
    context,
  );
  writer.ensureSpace(80);
  writer.line(context.colon(page.fingerprintLabel), writer.left, writer.width, { bold: true });
  writer.gap(2);
  writer.line(page.fingerprint, writer.left, writer.width, { size: 9.5 });
  writer.gap(10);
  for (const line of [page.finalisedAt, page.documentId, manifestNote]) {
    if (!line) continue;
    writer.line(line, writer.left, writer.width, { color: theme.muted, size: 9.5 });
    writer.gap(3);
  }
}

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * pdfkit copies the title into the XMP metadata without escaping it (a title with `&` would make
 * the XML invalid) and writes no language there. Its metadata is written at the end, after the
 * Info dictionary: escape the title for that step only, and add `dc:language`.
 */
function describeInXmp(doc: PDFKit.PDFDocument, title: string, language: string): void {
  const target = doc as PDFKit.PDFDocument & { endMetadata(): void; appendXML(xml: string): void };
  const endMetadata = target.endMetadata.bind(doc);
  target.endMetadata = () => {
    doc.info.Title = escapeXml(title);
    target.appendXML(
      `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:language><rdf:Bag><rdf:li>${language}</rdf:li></rdf:Bag></dc:language></rdf:Description>`,
    );
    endMetadata();
  };
}

/**
 * The document as a PDF, in-process (pdfkit, no browser): selectable text in an embedded Noto Sans
 * subset, bookmarks from the headings, title and language in the metadata, A4 pages with the
 * title and page numbers at the foot. A draft carries the draft mark on every page; a final
 * agreement ends with its signature page and carries `accord-manifest.json` as an attachment.
 */
export async function renderPdf(tree: ExportTree, meta: ExportMeta): Promise<Uint8Array> {
  const labels = exportLabels(meta);
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    lang: languageTags[meta.language],
    displayTitle: true,
    info: {
      Title: meta.title,
      Creator: 'Accord',
      Producer: 'Accord',
      CreationDate: meta.generatedAt,
      ...(labels.draftMark ? { Subject: labels.draftMark } : {}),
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  registerFonts(doc);
  doc.font('regular').fontSize(theme.bodySize).fillColor(theme.text);
  const width = doc.page.width - margins.left - margins.right;
  const writer = new PdfWriter(doc, margins.left, width);
  const context: PdfContext = { writer, colon: labels.colon, onHeading: outlineBuilder(doc) };
  for (const block of tree.blocks) pdfBlock(block, context);

  const page = signaturePage(meta, labels);
  if (hasSignature(meta)) {
    const manifest = manifestBytes(buildManifest(meta));
    doc.file(Buffer.from(manifest), {
      name: MANIFEST_NAME,
      type: 'application/json',
      description: 'Accord sign-off manifest',
      creationDate: meta.generatedAt,
      modifiedDate: meta.generatedAt,
    });
  }
  if (page)
    signatureSection(
      page,
      context,
      hasSignature(meta) ? labels.t('exports.manifestAttached') : null,
    );

  describeInXmp(doc, meta.title, languageTags[meta.language]);
  drawPageFurniture(doc, { title: meta.title, labels, left: margins.left, width });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
