import { describe, expect, it } from 'vitest';
import { applyUpdate, Doc, encodeStateAsUpdate, XmlText } from 'yjs';
import { createTemplateState, extractActions, readDocumentState, templateKinds } from './index.ts';
import { nodesOfType, textOf } from './test-utils.ts';

const NBSP = '\u00a0';
// Lexical's text format bit flags (IS_BOLD, IS_ITALIC in lexical's constants).
const BOLD = 1;
const ITALIC = 2;

describe('createTemplateState → readDocumentState', () => {
  it('builds the action plan: title, objectives, both list kinds, a 4-column table, a quote', () => {
    const { json, text } = readDocumentState(createTemplateState('action-plan'));
    const headings = nodesOfType(json, 'heading');

    expect(json.root.children[0]?.type).toBe('heading');
    expect(headings[0]?.tag).toBe('h1');
    expect(textOf(headings[0]!)).toMatch(/^Plan d’action — /);
    expect(headings.map(textOf)).toContain(
      `Objectif 1${NBSP}: Repérer et accompagner les jeunes sans emploi ni formation`,
    );
    expect(nodesOfType(json, 'list').map((list) => list.listType)).toEqual(['bullet', 'number']);

    const [table, ...otherTables] = nodesOfType(json, 'table');
    expect(otherTables).toHaveLength(0);
    const rows = nodesOfType(json, 'tablerow');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.children!.map(textOf)).toEqual([
      'Action',
      'Organisation pilote',
      'Échéance',
      'Statut',
    ]);
    expect(rows[0]!.children!.every((cell) => cell.headerState === 1)).toBe(true);
    expect(rows[1]!.children!.every((cell) => cell.headerState === 0)).toBe(true);
    expect(table).toBeDefined();

    expect(nodesOfType(json, 'quote')).toHaveLength(1);
    expect(text).toContain('Mission locale');
  });

  it('places actions under the action plan objectives, example ones or those given', () => {
    const examples = extractActions(readDocumentState(createTemplateState('action-plan')).json);
    expect(examples.map((a) => a.objective)).toEqual([
      `Objectif 1${NBSP}: Repérer et accompagner les jeunes sans emploi ni formation`,
      `Objectif 2${NBSP}: Ouvrir des places de stage et d’apprentissage`,
    ]);
    expect(new Set(examples.map((a) => a.id)).size).toBe(2);

    const given = extractActions(
      readDocumentState(
        createTemplateState('action-plan', {
          actions: [
            { objective: 2, title: 'Forum', leadOrganisationId: 'org-1', due: '2027-05-01' },
          ],
        }),
      ).json,
    );
    expect(given).toHaveLength(1);
    expect(given[0]).toMatchObject({
      title: 'Forum',
      leadOrganisationId: 'org-1',
      due: '2027-05-01',
    });
    expect(given[0]?.objective).toMatch(/^Objectif 2/);
  });

  it('builds the agreement: parties, numbered articles, commitments, bold, italic and a link', () => {
    const { json, text } = readDocumentState(createTemplateState('agreement'));
    const headings = nodesOfType(json, 'heading').map(textOf);

    expect(headings[0]).toBe('Convention de partenariat');
    expect(headings).toEqual(
      expect.arrayContaining([
        'Article 1 — Objet',
        'Article 2 — Engagements des parties',
        'Article 3 — Gouvernance',
        'Article 4 — Durée',
      ]),
    );
    expect(text).toContain(`Entre les soussignés${NBSP}:`);

    const [commitments] = nodesOfType(json, 'list');
    expect(commitments?.listType).toBe('bullet');
    expect(commitments?.children).toHaveLength(4);

    const formats = nodesOfType(json, 'text').map((node) => Number(node.format));
    expect(formats.some((format) => format & BOLD)).toBe(true);
    expect(formats.some((format) => format & ITALIC)).toBe(true);

    const [link] = nodesOfType(json, 'link');
    expect(link?.url).toBe('https://eur-lex.europa.eu/eli/reg/2016/679/oj');
    expect(textOf(link!)).toBe('règlement général sur la protection des données');
  });

  it('builds notes as a heading and an empty paragraph', () => {
    const { json } = readDocumentState(
      createTemplateState('notes', { title: 'Atelier du 12 mars' }),
    );
    expect(json.root.children.map((node) => node.type)).toEqual(['heading', 'paragraph']);
    expect(textOf(nodesOfType(json, 'heading')[0]!)).toBe('Atelier du 12 mars');
    expect(nodesOfType(json, 'paragraph')[0]?.children).toEqual([]);
  });

  it('puts the title option into the title heading, ignoring a blank one', () => {
    const titled = readDocumentState(createTemplateState('action-plan', { title: 'Mobilité' }));
    expect(textOf(nodesOfType(titled.json, 'heading')[0]!)).toBe('Mobilité');

    const blank = readDocumentState(createTemplateState('agreement', { title: '  ' }));
    expect(textOf(nodesOfType(blank.json, 'heading')[0]!)).toBe('Convention de partenariat');
  });

  it('uses French non-breaking spaces, never a plain space before : ; ? ! or »', () => {
    for (const kind of templateKinds) {
      const { text } = readDocumentState(createTemplateState(kind));
      expect(text).not.toMatch(/ [:;?!»]|« /);
    }
  });

  it.each(templateKinds)('%s: reads identically after being copied into another Y.Doc', (kind) => {
    const state = createTemplateState(kind);
    const copy = new Doc();
    applyUpdate(copy, state);

    expect(readDocumentState(encodeStateAsUpdate(copy)).json).toEqual(
      readDocumentState(state).json,
    );
  });

  it('reads an empty Y.Doc as an empty root', () => {
    const { json, text } = readDocumentState(encodeStateAsUpdate(new Doc()));
    expect(json.root.children).toEqual([]);
    expect(text).toBe('');
  });

  it('stores the tree under the XmlText root that CollaborationPlugin binds to', () => {
    const doc = new Doc();
    applyUpdate(doc, createTemplateState('notes'));
    expect([...doc.share.keys()]).toEqual(['root']);
    expect(doc.get('root', XmlText).length).toBeGreaterThan(0);
  });
});
