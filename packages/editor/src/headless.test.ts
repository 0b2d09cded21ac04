import { $createListItemNode, $createListNode } from '@lexical/list';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  type ElementNode,
  type LexicalEditor,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { applyUpdate, Doc, encodeStateAsUpdate, encodeStateVector } from 'yjs';
import {
  bindHeadlessEditor,
  createTemplateState,
  type HeadlessYjsEditor,
  readDocumentState,
} from './index.ts';
import { nodesOfType } from './test-utils.ts';

const liveText = (editor: LexicalEditor) =>
  editor.getEditorState().read(() => $getRoot().getTextContent());

/** Sends every update of one doc to the other, as a sync server would. */
function relay(a: Doc, b: Doc): void {
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'relay') applyUpdate(b, update, 'relay');
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'relay') applyUpdate(a, update, 'relay');
  });
}

describe('bindHeadlessEditor', () => {
  const bound: HeadlessYjsEditor[] = [];
  const bind = (doc: Doc) => {
    const headless = bindHeadlessEditor(doc);
    bound.push(headless);
    return headless;
  };
  afterEach(() => {
    for (const headless of bound.splice(0)) headless.dispose();
  });

  it('syncs edits both ways between two editors over Yjs updates', () => {
    const docA = new Doc();
    const docB = new Doc();
    const a = bind(docA);
    const b = bind(docB);
    relay(docA, docB);
    applyUpdate(docA, createTemplateState('notes', { title: 'Atelier' }));
    expect(liveText(b.editor)).toBe('Atelier\n\n');

    // Lexical → Yjs in A, Yjs → Lexical in B.
    a.editor.update(
      () => {
        $getRoot().getLastChildOrThrow<ElementNode>().append($createTextNode('Ordre du jour'));
      },
      { discrete: true },
    );
    expect(liveText(b.editor)).toBe('Atelier\n\nOrdre du jour');

    // And back: a list typed in B shows up in A.
    b.editor.update(
      () => {
        $getRoot().append(
          $createListNode('bullet').append($createListItemNode().append($createTextNode('Budget'))),
        );
      },
      { discrete: true },
    );
    expect(liveText(a.editor)).toBe('Atelier\n\nOrdre du jour\n\nBudget');

    const fromB = readDocumentState(encodeStateAsUpdate(docB));
    expect(fromB.text).toBe('Atelier\n\nOrdre du jour\n\nBudget');
    expect(nodesOfType(fromB.json, 'list')).toHaveLength(1);
    expect(readDocumentState(encodeStateAsUpdate(docA)).json).toEqual(fromB.json);
  });

  it('converges after concurrent offline edits are exchanged', () => {
    const template = createTemplateState('notes');
    const docA = new Doc();
    const docB = new Doc();
    const a = bind(docA);
    const b = bind(docB);
    applyUpdate(docA, template);
    applyUpdate(docB, template);

    for (const [editor, words] of [
      [a.editor, 'Proposition de la Ville'],
      [b.editor, 'Proposition de l’association'],
    ] as const) {
      editor.update(
        () => {
          $getRoot().append($createParagraphNode().append($createTextNode(words)));
        },
        { discrete: true },
      );
    }
    applyUpdate(docB, encodeStateAsUpdate(docA, encodeStateVector(docB)));
    applyUpdate(docA, encodeStateAsUpdate(docB, encodeStateVector(docA)));

    expect(liveText(a.editor)).toBe(liveText(b.editor));
    expect(liveText(a.editor)).toContain('Proposition de la Ville');
    expect(liveText(a.editor)).toContain('Proposition de l’association');
  });

  it('writes a local edit made right after a remote change to the Y.Doc', () => {
    // Regression: left pending, the remote change's 'collaboration' tag swallowed this edit.
    const doc = new Doc();
    const headless = bind(doc);
    applyUpdate(doc, createTemplateState('notes'));
    headless.editor.update(
      () => {
        $getRoot().append($createParagraphNode().append($createTextNode('Relevé de décisions')));
      },
      { discrete: true },
    );
    expect(readDocumentState(encodeStateAsUpdate(doc)).text).toBe(
      'Notes\n\n\n\nRelevé de décisions',
    );
  });

  it('misses state applied before binding, which is why readDocumentState binds first', () => {
    const doc = new Doc();
    applyUpdate(doc, createTemplateState('notes'));
    const late = bind(doc);
    expect(liveText(late.editor)).toBe('');
  });
});
