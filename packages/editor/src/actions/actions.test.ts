import {
  $getRoot,
  $getState,
  $parseSerializedNode,
  $setState,
  type LexicalEditor,
  type SerializedLexicalNode,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { applyUpdate, Doc, encodeStateAsUpdate, encodeStateVector } from 'yjs';
import { bindHeadlessEditor, type HeadlessYjsEditor } from '../headless.ts';
import { readDocumentState } from '../read-state.ts';
import { $createAction, $createCommitment } from './create.ts';
import { extractActions } from './extract.ts';
import { $isActionNode, type ActionNode } from './nodes.ts';
import { registerActionRules } from './rules.ts';
import { actionDueState, actionIdState, actionLeadState, actionStatusState } from './state.ts';

const open: HeadlessYjsEditor[] = [];
afterEach(() => {
  for (const headless of open.splice(0)) headless.dispose();
});

function replica(): HeadlessYjsEditor {
  const headless = bindHeadlessEditor(new Doc());
  open.push(headless);
  return headless;
}

/** Sends each side what the other lacks, as a sync step 2 would. */
function exchange(a: Doc, b: Doc) {
  const toB = encodeStateAsUpdate(a, encodeStateVector(b));
  const toA = encodeStateAsUpdate(b, encodeStateVector(a));
  applyUpdate(b, toB);
  applyUpdate(a, toA);
}

function edit(editor: LexicalEditor, fn: () => void) {
  editor.update(fn, { discrete: true });
}

function $firstAction(): ActionNode {
  const node = $getRoot().getChildren().find($isActionNode);
  if (!node) throw new Error('no action in the document');
  return node;
}

const full = {
  id: 'act-1',
  title: 'Ouvrir les permanences, « au centre social »',
  description: ['Deux demi-journées par semaine.', 'Avec la Mission locale.'],
  leadOrganisationId: 'org-ville',
  peopleIds: ['p-1', 'p-2'],
  start: '2026-01-05',
  due: '2026-03-31',
  status: 'in_progress' as const,
  indicator: '60 jeunes reçus',
  dependsOn: ['act-0'],
  commitments: [
    { organisationId: 'org-ville', text: 'Une salle équipée', amount: 2, unit: 'demi-journées' },
    { organisationId: 'org-ml', text: 'Un conseiller' },
  ],
};

describe('the action node', () => {
  it('round-trips every field through Yjs and the headless editor', () => {
    const a = replica();
    edit(a.editor, () => $getRoot().append($createAction(full)));
    const stored = encodeStateAsUpdate(a.doc);

    const [action] = extractActions(readDocumentState(stored).json);
    expect(action).toEqual({
      ...full,
      description: 'Deux demi-journées par semaine.\nAvec la Mission locale.',
      commitments: [
        {
          organisationId: 'org-ville',
          text: 'Une salle équipée',
          amount: 2,
          unit: 'demi-journées',
        },
        { organisationId: 'org-ml', text: 'Un conseiller', amount: null, unit: '' },
      ],
      objective: '',
      position: 0,
    });

    // A replica bound to the stored state reads the same NodeState values through Lexical.
    const b = replica();
    applyUpdate(b.doc, stored);
    b.editor.read(() => {
      expect($getState($firstAction(), actionLeadState)).toBe('org-ville');
      expect($getState($firstAction(), actionStatusState)).toBe('in_progress');
    });
  });

  it('merges concurrent edits of different fields of one action', () => {
    const a = replica();
    const b = replica();
    edit(a.editor, () => $getRoot().append($createAction({ id: 'x', title: 'Rencontre' })));
    exchange(a.doc, b.doc);

    // Offline from each other: A sets the lead, B the due date and the status.
    edit(a.editor, () => $setState($firstAction(), actionLeadState, 'org-a'));
    edit(b.editor, () => {
      $setState($firstAction(), actionDueState, '2026-06-30');
      $setState($firstAction(), actionStatusState, 'blocked');
    });
    exchange(a.doc, b.doc);

    const fromA = extractActions(a.editor.getEditorState().toJSON());
    const fromB = extractActions(b.editor.getEditorState().toJSON());
    expect(fromA).toEqual(fromB);
    expect(fromA[0]).toMatchObject({
      leadOrganisationId: 'org-a',
      due: '2026-06-30',
      status: 'blocked',
    });
    // The stored state (what the server indexes) says the same.
    expect(extractActions(readDocumentState(encodeStateAsUpdate(a.doc)).json)).toEqual(fromA);
  });

  it('keeps both commitments when two organisations add one at once', () => {
    const a = replica();
    const b = replica();
    edit(a.editor, () => $getRoot().append($createAction({ id: 'x', title: 'Forum emploi' })));
    exchange(a.doc, b.doc);

    edit(a.editor, () =>
      $firstAction().append($createCommitment({ organisationId: 'org-a', text: 'Salle' })),
    );
    edit(b.editor, () =>
      $firstAction().append(
        $createCommitment({ organisationId: 'org-b', text: 'Buffet', amount: 300, unit: '€' }),
      ),
    );
    exchange(a.doc, b.doc);

    const fromA = extractActions(a.editor.getEditorState().toJSON())[0];
    const fromB = extractActions(b.editor.getEditorState().toJSON())[0];
    expect(fromA?.commitments).toEqual(fromB?.commitments);
    expect(fromA?.commitments.map((c) => c.organisationId).sort()).toEqual(['org-a', 'org-b']);
  });

  it('gives a pasted copy a new id and lets a moved action keep its own', () => {
    const a = replica();
    registerActionRules(a.editor);
    edit(a.editor, () => $getRoot().append($createAction({ id: 'original', title: 'Forum' })));

    // Pasting goes through importJSON, as Lexical's clipboard does.
    const json = a.editor.getEditorState().toJSON().root.children[0] as SerializedLexicalNode;
    edit(a.editor, () => $getRoot().append($parseSerializedNode(json)));

    const ids = extractActions(a.editor.getEditorState().toJSON()).map((action) => action.id);
    expect(ids[0]).toBe('original');
    expect(ids[1]).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(ids[1]).not.toBe('original');
    // The new id reached Yjs, so every peer and the server see it.
    const stored = extractActions(readDocumentState(encodeStateAsUpdate(a.doc)).json);
    expect(stored.map((action) => action.id)).toEqual(ids);

    // Moving the first action after the second keeps both ids.
    edit(a.editor, () => {
      const [first, second] = $getRoot().getChildren();
      second?.insertAfter(first as ActionNode);
    });
    const moved = extractActions(a.editor.getEditorState().toJSON()).map((action) => action.id);
    expect(moved).toEqual([ids[1], ids[0]]);
    a.editor.read(() => expect($getState($firstAction(), actionIdState)).toBe(ids[1]));
  });

  it('repairs an action whose title was deleted instead of losing it', () => {
    const a = replica();
    registerActionRules(a.editor);
    edit(a.editor, () =>
      $getRoot().append($createAction({ id: 'x', title: 'Forum', description: ['Texte'] })),
    );
    edit(a.editor, () => $firstAction().getFirstChildOrThrow().remove());
    const json = a.editor.getEditorState().toJSON();
    const action = json.root.children[0] as SerializedLexicalNode & {
      children: SerializedLexicalNode[];
    };
    expect(action.children.map((child) => child.type)).toEqual([
      'action-title',
      'action-description',
    ]);
    expect(extractActions(json)[0]).toMatchObject({ id: 'x', title: '', description: 'Texte' });
  });
});
