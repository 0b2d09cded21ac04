import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../manifest.ts';
import { readExportTree } from '../../read.ts';
import {
  draftMeta,
  everyNodeState,
  FINGERPRINT,
  finalMeta,
  NBSP,
  NNBSP,
} from '../../test-fixture.ts';
import type { Block } from '../../tree/types.ts';
import { renderPdf } from './document.ts';
import {
  pdfAttachments,
  pdfInfo,
  pdfText,
  pdfXml,
  poppler,
  withPdfFile,
} from './poppler.test-support.ts';

const tree = readExportTree(everyNodeState(), { language: 'fr' });
const draft = await renderPdf(tree, draftMeta);
const final = await renderPdf(tree, finalMeta);

describe('renderPdf', () => {
  it('has selectable text for every node type, with the draft mark on the page', () => {
    const text = pdfText(draft);
    // pdftotext prints every kind of space as U+0020; the exact characters are checked below.
    for (const line of [
      'PROJET — NON SIGNÉ',
      'Convention « Ensemble »',
      'Texte gras, italique, souligné, les trois et un lien.',
      'Article 1 — Objet',
      'Prix : 5 € ; vraiment ? Oui ! L’œuvre <b>*x*</b> & Cie\nDeuxième ligne.',
      'Une citation.',
      'Association | A',
    ]) {
      expect(text).toContain(line);
    }
    for (const item of ['un', 'deux', 'deux-un', 'deux-deux', 'trois', 'premier', 'second']) {
      expect(text).toMatch(new RegExp(`^(?:•|–|\\d\\.)?\\s*${item}$`, 'm'));
    }
  });

  it('keeps French typography: narrow no-break spaces before ; ! ? and inside « », œ and ’', () => {
    const xml = pdfXml(draft);
    expect(xml).toContain(`Convention «${NNBSP}Ensemble${NNBSP}»`);
    expect(xml).toContain(`Prix${NBSP}: 5${NBSP}€${NNBSP}; vraiment${NNBSP}? Oui${NNBSP}! L’œuvre`);
  });

  it('embeds its font and says its title and language', () => {
    const info = pdfInfo(draft);
    expect(info).toContain(`Title:           Convention «${NNBSP}Ensemble${NNBSP}»\n`);
    expect(info).toMatch(/^Page size:.*\(A4\)$/m);
    expect(pdfInfo(draft, '-meta')).toContain('<dc:language><rdf:Bag><rdf:li>fr-FR</rdf:li>');
    // The catalog's /Lang, which screen readers use (not compressed: pdfkit compresses streams only).
    expect(Buffer.from(draft).toString('latin1')).toContain('/Lang (fr-FR)');
    const fonts = withPdfFile(draft, (path) => poppler('pdffonts', [path]));
    expect(fonts).toMatch(/NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).not.toMatch(/\bno\s+no\b/);
  });

  it('has bookmarks that follow the headings', () => {
    const outline = /<outline>[\s\S]*<\/outline>/.exec(pdfXml(final))?.[0].replace(/\n/g, '');
    expect(outline).toBe(
      `<outline><item page="1">Convention «${NNBSP}Ensemble${NNBSP}»</item><outline><item page="1">Article 1 — Objet</item><outline><item page="1">Tableau</item></outline></outline><item page="2">Signatures</item></outline>`,
    );
  });

  it('ends a final agreement with its signature page and attaches the manifest', () => {
    const text = pdfText(final);
    expect(text).not.toContain('PROJET');
    const signaturePage = text.split('\f')[1] ?? '';
    for (const value of [
      'Signatures',
      'Ville de Lyon',
      'Amélie Durand',
      'Association Entraide',
      FINGERPRINT,
    ]) {
      expect(signaturePage).toContain(value);
    }
    const { list, files } = pdfAttachments(final);
    expect(list).toMatch(/^1 embedded files\n1: accord-manifest\.json$/m);
    expect(JSON.parse(files.get('accord-manifest.json') ?? '')).toEqual(
      buildManifest({ ...finalMeta, signature: finalMeta.signature! }),
    );
    expect(pdfAttachments(draft).list).toMatch(/^0 embedded files/m);
  });

  it('writes an English document in English, and breaks long documents over pages', async () => {
    const paragraph: Block = {
      type: 'paragraph',
      align: 'start',
      children: [{ type: 'text', text: 'Lorem ipsum dolor sit amet. '.repeat(20), marks: [] }],
    };
    const long = {
      version: 1 as const,
      blocks: [
        {
          type: 'heading' as const,
          level: 1 as const,
          children: [{ type: 'text' as const, text: 'Long', marks: [] }],
        },
        ...Array(30).fill(paragraph),
      ],
    };
    const pdf = await renderPdf(long, { ...draftMeta, language: 'en', title: 'A & B <c>' });
    const info = pdfInfo(pdf);
    expect(info).toMatch(/^Title:\s+A & B <c>$/m);
    expect(Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1])).toBeGreaterThan(2);
    expect(pdfInfo(pdf, '-meta')).toContain(
      '<rdf:li xml:lang="x-default">A &amp; B &lt;c&gt;</rdf:li>',
    );
    expect(Buffer.from(pdf).toString('latin1')).toContain('/Lang (en-GB)');
    // The draft mark is on every page.
    const pages = pdfText(pdf)
      .split('\f')
      .filter((page) => page.trim() !== '');
    expect(pages.map((page) => page.includes('DRAFT — NOT SIGNED'))).toEqual(pages.map(() => true));
  });
});
