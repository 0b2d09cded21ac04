import { $createLinkNode, $isLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, $isListNode } from '@lexical/list';
import { $createHeadingNode } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  $setState,
  type ElementNode,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { applyUpdate, Doc, encodeStateAsUpdate, mergeUpdates } from 'yjs';
import { $createAction } from '../actions/create.ts';
import { $isActionNode } from '../actions/nodes.ts';
import { actionDueState } from '../actions/state.ts';
import { bindHeadlessEditor } from '../headless.ts';
import { createTemplateState } from '../template-state.ts';
import { canonicalDocumentOf, fingerprintState, shortFingerprint } from './fingerprint.ts';

/** Applies `state`, runs `edit` in a headless editor, returns the new full state. */
function edited(state: Uint8Array | null, edit: () => void): Uint8Array {
  const doc = new Doc();
  const headless = bindHeadlessEditor(doc);
  try {
    if (state) applyUpdate(doc, state);
    headless.editor.update(edit, { discrete: true });
    return encodeStateAsUpdate(doc);
  } finally {
    headless.dispose();
    doc.destroy();
  }
}

const fingerprintOf = async (state: Uint8Array) => (await fingerprintState(state)).fingerprint;

function $firstText(predicate: (node: TextNode) => boolean = () => true): TextNode {
  const found = $allNodes().find((n): n is TextNode => $isTextNode(n) && predicate(n));
  if (!found) throw new Error('no such text node');
  return found;
}

function $allNodes(): LexicalNode[] {
  const out: LexicalNode[] = [];
  const walk = (node: LexicalNode) => {
    out.push(node);
    if ($isElementNode(node)) for (const child of node.getChildren()) walk(child);
  };
  walk($getRoot());
  return out;
}

const agreement = createTemplateState('agreement', { title: 'Convention de partenariat' });

describe('canonical form and fingerprint', () => {
  it('is a versioned tree of Accord blocks, not Lexical JSON', () => {
    const tree = canonicalDocumentOf(agreement);
    expect(tree.format).toBe('accord-canonical');
    expect(tree.version).toBe(1);
    expect(tree.blocks[0]).toMatchObject({ type: 'heading', level: 1 });
    expect(JSON.stringify(tree)).not.toContain('"children":[{"detail"');
  });

  it('is stable across reloads and store round trips', async () => {
    const first = await fingerprintState(agreement);
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // Reload: a fresh doc built from the same bytes.
    expect(await fingerprintOf(agreement)).toBe(first.fingerprint);
    // Store round trip: the state re-encoded from a loaded doc, and a snapshot + log merge.
    const reloaded = new Doc();
    applyUpdate(reloaded, agreement);
    expect(await fingerprintOf(encodeStateAsUpdate(reloaded))).toBe(first.fingerprint);
    const logged = edited(agreement, () => {
      $firstText().setTextContent(`${$firstText().getTextContent()}`);
    });
    expect(await fingerprintOf(mergeUpdates([agreement, logged]))).toBe(first.fingerprint);
    expect(new TextDecoder().decode(first.bytes)).toMatch(/^\{"blocks":\[/);
  });

  it('does not change with invisible differences of Yjs history', async () => {
    const direct = edited(null, () => {
      $getRoot().append($createParagraphNode().append($createTextNode('Article 1 : objet')));
    });
    // Same words reached by typing, deleting and retyping in another editor (other client ids).
    const roundabout = edited(null, () => {
      $getRoot().append($createParagraphNode().append($createTextNode('Article 9 : obj')));
    });
    const fixed = edited(roundabout, () => {
      const text = $firstText();
      text.setTextContent('Article 1 : objet');
    });
    // Split into two text nodes with the same marks: shows the same.
    const split = edited(null, () => {
      const paragraph = $createParagraphNode();
      paragraph.append($createTextNode('Article 1 '), $createTextNode(': objet'));
      $getRoot().append(paragraph);
    });
    const expected = await fingerprintOf(direct);
    expect(await fingerprintOf(fixed)).toBe(expected);
    expect(await fingerprintOf(split)).toBe(expected);
  });

  it('normalises text to NFC', async () => {
    const composed = edited(null, () => {
      $getRoot().append($createParagraphNode().append($createTextNode('Comit\u00e9')));
    });
    const decomposed = edited(null, () => {
      $getRoot().append($createParagraphNode().append($createTextNode('Comite\u0301')));
    });
    expect(await fingerprintOf(decomposed)).toBe(await fingerprintOf(composed));
  });

  it('changes with every visible change', async () => {
    const withLink = edited(agreement, () => {
      const paragraph = $createParagraphNode();
      paragraph.append($createLinkNode('https://example.org/a').append($createTextNode('annexe')));
      $getRoot().append(paragraph);
    });
    const base = await fingerprintOf(withLink);
    const variants: Record<string, () => void> = {
      text: () => {
        const t = $firstText((n) => n.getTextContent().length > 3);
        t.setTextContent(`${t.getTextContent()}.`);
      },
      mark: () => $firstText((n) => n.getTextContent().length > 3).toggleFormat('italic'),
      'block type': () => {
        const paragraph = $getRoot()
          .getChildren()
          .find((n) => n.getType() === 'paragraph') as ElementNode;
        paragraph.replace($createHeadingNode('h3'), true);
      },
      list: () => {
        const list = $allNodes().find($isListNode);
        if (list) list.setListType(list.getListType() === 'bullet' ? 'number' : 'bullet');
        else $getRoot().append($createListNode('bullet').append($createListItemNode()));
      },
      'link href': () => {
        const link = $allNodes().find($isLinkNode);
        link?.setURL('https://example.org/b');
      },
      'trailing space': () => {
        const t = $firstText();
        t.setTextContent(`${t.getTextContent()} `);
      },
    };
    const seen = new Set([base]);
    for (const [name, edit] of Object.entries(variants)) {
      const fingerprint = await fingerprintOf(edited(withLink, edit));
      expect(fingerprint, name).not.toBe(base);
      seen.add(fingerprint);
    }
    expect(seen.size).toBe(Object.keys(variants).length + 1);
  });

  it('includes actions with every field, so a changed due date changes the fingerprint', async () => {
    const plan = edited(null, () => {
      $getRoot().append(
        $createAction({
          id: 'a1',
          title: 'Ouvrir un atelier CV',
          description: ['Chaque mardi.'],
          leadOrganisationId: 'org-city',
          due: '2027-03-01',
          commitments: [{ organisationId: 'org-ngo', amount: 2, unit: 'ETP', text: 'Animation' }],
        }),
      );
    });
    const tree = canonicalDocumentOf(plan);
    expect(tree.blocks[0]).toMatchObject({
      type: 'action',
      id: 'a1',
      lead: 'org-city',
      due: '2027-03-01',
      title: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ouvrir un atelier CV' }] }],
      commitments: [{ organisation: 'org-ngo', amount: 2, unit: 'ETP' }],
    });
    const moved = edited(plan, () => {
      const action = $allNodes().find($isActionNode);
      if (action) $setState(action, actionDueState, '2027-04-01');
    });
    expect(await fingerprintOf(moved)).not.toBe(await fingerprintOf(plan));
  });

  it('shows a short form in groups of hex digits', () => {
    expect(shortFingerprint('3f2a9c0177be0d12aa')).toBe('3f2a 9c01 77be 0d12');
  });
});
