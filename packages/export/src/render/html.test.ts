import { describe, expect, it } from 'vitest';
import { readExportTree } from '../read.ts';
import {
  draftMeta,
  everyNodeState,
  FINGERPRINT,
  finalMeta,
  NBSP,
  NNBSP,
  unsafeLinkTree,
} from '../test-fixture.ts';
import { renderHtml } from './html.ts';

const tree = readExportTree(everyNodeState(), { language: 'fr' });

const main = `<main>
<h1>Convention «${NNBSP}Ensemble${NNBSP}»</h1>
<p>Texte <strong>gras</strong>, <em>italique</em>, <u>souligné</u>, <u><em><strong>les trois</strong></em></u> et <a href="https://example.org/a?b=1&amp;c=2">un lien</a>.</p>
<h2>Article 1 — Objet</h2>
<p>Prix${NBSP}: 5${NBSP}€${NNBSP}; vraiment${NNBSP}? Oui${NNBSP}! L’œuvre &lt;b&gt;*x*&lt;/b&gt; &amp; Cie<br>Deuxième ligne.</p>
<ul><li>un</li><li>deux<ol><li>deux-un</li><li>deux-deux</li></ol></li><li>trois</li></ul>
<ol><li>premier</li><li>second</li></ol>
<blockquote><p>Une citation.</p></blockquote>
<h3>Tableau</h3>
<table><tr><th><p>Partie</p></th><th><p>Rôle</p></th></tr><tr><td><p>Collectivité</p></td><td><p>Pilote</p></td></tr><tr><td><p>Association | A</p></td><td><p>Suivi</p></td></tr></table>
</main>`;

describe('renderHtml', () => {
  it('writes a standalone page of every node type, in the document’s language, marked as a draft', () => {
    const html = renderHtml(tree, draftMeta);
    expect(
      html.startsWith('<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">'),
    ).toBe(true);
    expect(html).toContain(`<title>Convention «${NNBSP}Ensemble${NNBSP}»</title>`);
    expect(html).toContain(
      `<body>\n<p class="draft-mark" role="note">Projet — non signé</p>\n${main}\n</body>\n</html>\n`,
    );
    expect(html).not.toMatch(/<script|src=|@import/);
  });

  it('adds the signature section to a final agreement, without the draft mark', () => {
    const html = renderHtml(tree, finalMeta);
    expect(html).not.toContain('draft-mark" role');
    expect(html).toContain(
      `${main}
<section class="signatures" aria-labelledby="signatures">
<h2 id="signatures">Signatures</h2>
<p>Chaque organisation partie a approuvé, en son nom, le texte exact de la version 2, identifié par l’empreinte ci-dessous.</p>
<table><thead><tr><th scope="col">Organisation</th><th scope="col">Signataire</th><th scope="col">Rôle</th><th scope="col">Approuvé le</th></tr></thead><tbody><tr><td>Ville de Lyon</td><td>Amélie Durand</td><td>Animation</td><td>25 novembre 2026 à 10:00 UTC</td></tr><tr><td>Association Entraide</td><td>Personne supprimée</td><td>Rédaction</td><td>26 novembre 2026 à 15:59 UTC</td></tr></tbody></table>
<p>Empreinte SHA-256 du texte${NBSP}: <code class="fingerprint">${FINGERPRINT}</code></p>
<p>Texte définitif depuis le 26 novembre 2026 à 16:00 UTC.<br>Identifiant du document${NBSP}: doc_0123456789abcdef</p>
</section>
</body>`,
    );
  });

  it('escapes the title and drops links that are not web, mail or phone', () => {
    const html = renderHtml(unsafeLinkTree(), {
      ...draftMeta,
      language: 'en',
      title: '</title><script>x</script>',
    });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>');
    expect(html).toContain('<p>piège</p>');
    expect(html).toContain('Draft — not signed');
    expect(html).not.toContain('javascript');
  });
});
