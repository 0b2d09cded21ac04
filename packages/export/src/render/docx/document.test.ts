import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { readExportTree } from '../../read.ts';
import { draftMeta, everyNodeState, FINGERPRINT, finalMeta, NNBSP } from '../../test-fixture.ts';
import { renderDocx } from './document.ts';

const tree = readExportTree(everyNodeState(), { language: 'fr' });

function parts(docx: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(docx)).map(([name, bytes]) => [name, strFromU8(bytes)]),
  );
}

describe('renderDocx', () => {
  it('is read by a DOCX reader as headings, emphasis, links, nested lists, a quote and a table', async () => {
    const docx = await renderDocx(tree, draftMeta);
    const { value: html } = await mammoth.convertToHtml(
      { buffer: Buffer.from(docx) },
      { styleMap: ["p[style-name='Quote'] => blockquote > p:fresh", 'u => u'] },
    );
    expect(html).toContain(`<h1>Convention «${NNBSP}Ensemble${NNBSP}»</h1>`);
    expect(html).toContain('<h2>Article 1 — Objet</h2>');
    expect(html).toContain('<h3>Tableau</h3>');
    expect(html).toContain(
      'Texte <strong>gras</strong>, <em>italique</em>, <u>souligné</u>, <strong><em><u>les trois</u></em></strong> et <a href="https://example.org/a?b=1&amp;c=2">un lien</a>.',
    );
    expect(html).toContain(
      '<ul><li>un</li><li>deux<ol><li>deux-un</li><li>deux-deux</li></ol></li><li>trois</li></ul><ol><li>premier</li><li>second</li></ol>',
    );
    expect(html).toContain('<blockquote><p>Une citation.</p></blockquote>');
    expect(html).toContain(
      '<table><thead><tr><th><p>Partie</p></th><th><p>Rôle</p></th></tr></thead><tbody><tr><td><p>Collectivité</p></td><td><p>Pilote</p></td></tr><tr><td><p>Association | A</p></td><td><p>Suivi</p></td></tr></tbody></table>',
    );
  });

  it('uses Word’s heading styles, Word numbering, the document’s language and a draft header', async () => {
    const files = parts(await renderDocx(tree, draftMeta));
    const body = files['word/document.xml'] ?? '';
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
    expect(body).toContain('<w:pStyle w:val="Heading2"/>');
    expect(body).toContain('<w:pStyle w:val="Heading3"/>');
    // Each list item is a numbered paragraph; the nested list sits one level deeper.
    expect(body.match(/<w:numPr>/g)).toHaveLength(7);
    expect(body).toContain('<w:ilvl w:val="1"/>');
    expect(body.match(/<w:tbl>/g)).toHaveLength(1);
    expect(body).toContain('<w:tblHeader/>');
    expect(files['word/styles.xml']).toMatch(/w:styleId="Heading1"/);
    expect(files['word/styles.xml']).toContain('<w:lang w:val="fr-FR"/>');
    expect(files['word/numbering.xml']).toContain('<w:numFmt w:val="decimal"/>');
    expect(files['word/numbering.xml']).toContain('<w:numFmt w:val="bullet"/>');
    expect(files['docProps/core.xml']).toContain(
      `<dc:title>Convention «${NNBSP}Ensemble${NNBSP}»</dc:title>`,
    );
    const headers = Object.entries(files).filter(([name]) => /^word\/header\d*\.xml$/.test(name));
    expect(headers.map(([, xml]) => xml).join('')).toContain('Projet — non signé');
  });

  it('adds the signature page to a final agreement, without the draft mark', async () => {
    const docx = await renderDocx(tree, { ...finalMeta, language: 'en' });
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
    expect(text).toContain('Signatures');
    expect(text).toContain('Ville de Lyon');
    expect(text).toContain('Amélie Durand');
    expect(text).toContain(FINGERPRINT);
    const files = parts(docx);
    expect(Object.values(files).join('')).not.toContain('not signed');
    expect(files['word/styles.xml']).toContain('<w:lang w:val="en-GB"/>');
  });
});
