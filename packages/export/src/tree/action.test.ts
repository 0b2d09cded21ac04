import { $createAction, bindHeadlessEditor } from '@accord/editor';
import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { Doc, encodeStateAsUpdate } from 'yjs';
import { readExportTree } from '../read.ts';
import { renderHtml } from '../render/html.ts';
import { renderMarkdown } from '../render/markdown.ts';
import { draftMeta } from '../test-fixture.ts';

function planWithAction(): Uint8Array {
  const doc = new Doc();
  const headless = bindHeadlessEditor(doc);
  try {
    headless.editor.update(
      () =>
        $getRoot()
          .clear()
          .append(
            $createAction({
              id: 'a1',
              title: 'Ouvrir un guichet',
              description: ['Un lieu unique pour les démarches.'],
              leadOrganisationId: 'org-city',
              peopleIds: ['p-claire'],
              due: '2027-03-31',
              status: 'in_progress',
              commitments: [
                { organisationId: 'org-ccas', text: 'Deux agents', amount: 2, unit: 'ETP' },
              ],
            }),
          ),
      { discrete: true },
    );
    return encodeStateAsUpdate(doc);
  } finally {
    headless.dispose();
    doc.destroy();
  }
}

const names = {
  organisation: (id: string) => ({ 'org-city': 'Ville', 'org-ccas': 'CCAS' })[id],
  person: (id: string) => ({ 'p-claire': 'Claire Martin' })[id],
};

describe('action blocks in exports', () => {
  it('become a panel with their fields in the document’s language, description and commitments', () => {
    const tree = readExportTree(planWithAction(), { language: 'fr', names });
    expect(tree.blocks).toHaveLength(1);
    const markdown = renderMarkdown(tree, draftMeta);
    expect(markdown).toContain('**Ouvrir un guichet**');
    expect(markdown).toContain('- Organisation pilote\u00a0: Ville');
    expect(markdown).toContain('- Personnes responsables\u00a0: Claire Martin');
    expect(markdown).toContain('- Échéance\u00a0: 2027-03-31');
    expect(markdown).toContain('- Statut\u00a0: En cours');
    expect(markdown).toContain('Un lieu unique pour les démarches.');
    expect(markdown).toContain('**Engagement de CCAS (2 ETP)**');
    expect(markdown).toContain('Deux agents');

    const html = renderHtml(readExportTree(planWithAction(), { language: 'en', names }), {
      ...draftMeta,
      language: 'en',
    });
    expect(html).toContain('<section class="panel panel-action"><h4>Ouvrir un guichet</h4>');
    expect(html).toContain('<dt>Lead organisation:</dt><dd>Ville</dd>');
  });
});
