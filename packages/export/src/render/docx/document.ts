import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  type ILevelsOptions,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { exportLabels, type SignaturePage, signaturePage } from '../../labels.ts';
import type { ExportMeta } from '../../meta.ts';
import type { ExportTree } from '../../tree/types.ts';
import { type DocxBlock, docxBlock, listReferences } from './blocks.ts';

const languageTags = { fr: 'fr-FR', en: 'en-GB' } as const;

/** Nine levels, as Word expects, indented 0.25" more at each level. */
function levels(
  format: (level: number) => { format: ILevelsOptions['format']; text: string },
): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    ...format(level),
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } },
  }));
}

const bullets = ['•', '◦', '▪'];

function signatureBlocks(page: SignaturePage, colon: (label: string) => string): DocxBlock[] {
  const cell = (text: string, header = false) =>
    new TableCell({
      shading: header ? { fill: 'EEEEEE' } : undefined,
      children: [new Paragraph({ children: [new TextRun({ text, bold: header || undefined })] })],
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
  return [
    new Paragraph({
      heading: 'Heading1',
      pageBreakBefore: true,
      children: [new TextRun(page.title)],
    }),
    new Paragraph(page.intro),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
      rows: [
        new TableRow({ tableHeader: true, children: page.headers.map((h) => cell(h, true)) }),
        ...page.rows.map(
          (r) =>
            new TableRow({
              children: [r.organisation, r.signatory, r.role, r.approvedAt].map((v) => cell(v)),
            }),
        ),
      ],
    }),
    new Paragraph({
      spacing: { before: 240 },
      children: [
        new TextRun({ text: `${colon(page.fingerprintLabel)} `, bold: true }),
        new TextRun({ text: page.fingerprint, font: 'Courier New' }),
      ],
    }),
    new Paragraph(page.finalisedAt),
    new Paragraph(page.documentId),
  ];
}

/**
 * The document as a .docx: Word's own Heading 1–6 styles (so the navigation pane and tables of
 * contents work), numbered and bulleted lists through Word numbering, real tables and hyperlinks,
 * the document's language on every run. A draft carries the mark in the page header.
 */
export async function renderDocx(tree: ExportTree, meta: ExportMeta): Promise<Uint8Array> {
  const labels = exportLabels(meta);
  let listInstance = 0;
  const context = { colon: labels.colon, nextListInstance: () => ++listInstance };
  const page = signaturePage(meta, labels);
  const children = [
    ...tree.blocks.flatMap((block) => docxBlock(block, context)),
    ...(page ? signatureBlocks(page, labels.colon) : []),
  ];
  const header = labels.draftMark
    ? new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.END,
            children: [
              new TextRun({ text: labels.draftMark, bold: true, color: 'B00020', allCaps: true }),
            ],
          }),
        ],
      })
    : undefined;
  const document = new Document({
    title: meta.title,
    creator: 'Accord',
    description: labels.draftMark ?? undefined,
    styles: {
      default: { document: { run: { language: { value: languageTags[meta.language] } } } },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '333333' },
          paragraph: {
            indent: { left: 567 },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: '888888', space: 8 } },
          },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: listReferences.bullet,
          levels: levels((level) => ({
            format: LevelFormat.BULLET,
            text: bullets[level % 3] ?? '•',
          })),
        },
        {
          reference: listReferences.number,
          levels: levels((level) => ({ format: LevelFormat.DECIMAL, text: `%${level + 1}.` })),
        },
        {
          reference: listReferences.check,
          levels: levels(() => ({ format: LevelFormat.NONE, text: '' })),
        },
      ],
    },
    sections: [{ headers: header ? { default: header } : undefined, children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
