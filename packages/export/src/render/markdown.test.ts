import { describe, expect, it } from 'vitest';
import { readExportTree } from '../read.ts';
import {
  draftMeta,
  everyNodeState,
  FINGERPRINT,
  finalMeta,
  NBSP,
  NNBSP,
  plainParagraph,
  unsafeLinkTree,
} from '../test-fixture.ts';
import { renderMarkdown } from './markdown.ts';

const tree = readExportTree(everyNodeState(), { language: 'fr' });

const body = `# Convention «${NNBSP}Ensemble${NNBSP}»

Texte **gras**, *italique*, <u>souligné</u>, <u>***les trois***</u> et [un lien](https://example.org/a?b=1&c=2).

## Article 1 — Objet

Prix${NBSP}: 5${NBSP}€${NNBSP}; vraiment${NNBSP}? Oui${NNBSP}! L’œuvre \\<b\\>\\*x\\*\\</b\\> \\& Cie\\
Deuxième ligne.

- un
- deux
  1. deux-un
  2. deux-deux
- trois

1. premier
2. second

> Une citation.

### Tableau

| Partie | Rôle |
| --- | --- |
| Collectivité | Pilote |
| Association \\| A | Suivi |
`;

describe('renderMarkdown', () => {
  it('writes every node type of a draft as CommonMark with GFM tables, marked as a draft', () => {
    expect(renderMarkdown(tree, draftMeta)).toBe(
      `---
title: "Convention «${NNBSP}Ensemble${NNBSP}»"
lang: fr
status: draft
---

**Projet — non signé**

${body}`,
    );
  });

  it('adds the signature page to a final agreement and drops the draft mark', () => {
    const markdown = renderMarkdown(tree, finalMeta);
    expect(markdown).not.toContain('Projet');
    expect(
      markdown.endsWith(`${body}
## Signatures

Chaque organisation partie a approuvé, en son nom, le texte exact de la version 2, identifié par l’empreinte ci-dessous.

| Organisation | Signataire | Rôle | Approuvé le |
| --- | --- | --- | --- |
| Ville de Lyon | Amélie Durand | Animation | 25 novembre 2026 à 10:00 UTC |
| Association Entraide | Personne supprimée | Rédaction | 26 novembre 2026 à 15:59 UTC |

Empreinte SHA-256 du texte${NBSP}: \`${FINGERPRINT}\`

Texte définitif depuis le 26 novembre 2026 à 16:00 UTC.

Identifiant du document${NBSP}: doc\\_0123456789abcdef
`),
    ).toBe(true);
  });

  it('uses the document’s language for the words it adds', () => {
    const markdown = renderMarkdown(tree, { ...finalMeta, language: 'en', status: 'draft' });
    expect(markdown).toContain('**Draft — not signed**');
    expect(markdown).toContain('| Organisation | Signatory | Role | Approved on |');
    expect(markdown).toContain(`SHA-256 fingerprint of the text: \`${FINGERPRINT}\``);
  });

  it('escapes what would be read as Markdown and drops unsafe links', () => {
    const markdown = renderMarkdown(
      unsafeLinkTree(plainParagraph('# pas un titre'), plainParagraph('1. pas une liste')),
      { ...draftMeta, status: 'final' },
    );
    expect(markdown).toContain('\n\\# pas un titre\n');
    expect(markdown).toContain('\n1\\. pas une liste\n');
    expect(markdown).toContain('\npiège\n');
    expect(markdown).not.toContain('javascript');
  });
});
