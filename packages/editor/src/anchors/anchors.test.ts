import type { CommentAnchor } from '@accord/domain';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type LexicalEditor,
  type ParagraphNode,
  type TextNode,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { applyUpdate, Doc, encodeStateAsUpdate, encodeStateVector, XmlText } from 'yjs';
import { bindHeadlessEditor, type HeadlessYjsEditor } from '../headless.ts';
import { $createAnchorFromSelection, $resolveAnchor } from './index.ts';

const paragraphs = [
  'Objectif : accompagner 40 personnes vers l’emploi d’ici juin.',
  'Le budget annuel est partagé entre la Ville et l’association.',
  'Le budget annuel sera revu en septembre.',
];
const passage = 'budget annuel est partagé';

/** Two replicas that exchange updates only when told to, as two offline clients would. */
function exchange(a: Doc, b: Doc): void {
  applyUpdate(b, encodeStateAsUpdate(a, encodeStateVector(b)));
  applyUpdate(a, encodeStateAsUpdate(b, encodeStateVector(a)));
}

const rootOf = (editor: HeadlessYjsEditor) => editor.doc.get('root', XmlText);

function edit(editor: LexicalEditor, fn: () => void): void {
  editor.update(fn, { discrete: true });
}

/** The text node and offset where `words` start, in the paragraph that holds them whole. */
function $find(words: string, occurrence = 0): { node: TextNode; offset: number } {
  let seen = 0;
  for (const node of $getRoot().getAllTextNodes()) {
    let at = node.getTextContent().indexOf(words);
    while (at >= 0) {
      if (seen++ === occurrence) return { node, offset: at };
      at = node.getTextContent().indexOf(words, at + 1);
    }
  }
  throw new Error(`"${words}" is not in one text node`);
}

function $select(words: string, occurrence = 0): void {
  const { node, offset } = $find(words, occurrence);
  const selection = $createRangeSelection();
  selection.anchor.set(node.getKey(), offset, 'text');
  selection.focus.set(node.getKey(), offset + words.length, 'text');
  $setSelection(selection);
}

function anchorOn(editor: HeadlessYjsEditor, words: string, occurrence = 0): CommentAnchor {
  let anchor: CommentAnchor | null = null;
  edit(editor.editor, () => {
    $select(words, occurrence);
    anchor = $createAnchorFromSelection(rootOf(editor));
  });
  if (anchor === null) throw new Error('no anchor');
  return anchor;
}

/** Resolves, and reads the passage back through the Lexical points it gives. */
function resolve(editor: HeadlessYjsEditor, anchor: CommentAnchor) {
  return editor.editor.getEditorState().read(() => {
    const resolved = $resolveAnchor(rootOf(editor), anchor);
    if (resolved === null) throw new Error('editor and Y.Doc disagree');
    if (resolved.status === 'orphaned') return { status: resolved.status, words: null };
    const selection = $createRangeSelection();
    selection.anchor.set(resolved.start.key, resolved.start.offset, 'text');
    selection.focus.set(resolved.end.key, resolved.end.offset, 'text');
    const words = selection.getTextContent().replaceAll('\n', '');
    expect(words).toBe(resolved.text.replaceAll('\n', ''));
    return { status: resolved.status, words };
  });
}

/** The paragraph holding `words`. */
const $paragraphOf = (words: string, occurrence = 0) =>
  $find(words, occurrence).node.getParentOrThrow<ParagraphNode>();

describe('comment anchors', () => {
  const bound: HeadlessYjsEditor[] = [];
  afterEach(() => {
    for (const headless of bound.splice(0)) headless.dispose();
  });

  /** Replica A writes the body; B receives it. Both are in sync when this returns. */
  function setUp(): { a: HeadlessYjsEditor; b: HeadlessYjsEditor } {
    const a = bindHeadlessEditor(new Doc());
    const b = bindHeadlessEditor(new Doc());
    bound.push(a, b);
    edit(a.editor, () => {
      for (const words of paragraphs) {
        $getRoot().append($createParagraphNode().append($createTextNode(words)));
      }
    });
    exchange(a.doc, b.doc);
    return { a, b };
  }

  it('anchors a selection on its words, with context, and finds them in another replica', () => {
    const { a, b } = setUp();
    const anchor = anchorOn(a, passage);
    expect(anchor).toMatchObject({
      quote: passage,
      prefix: expect.stringMatching(/d’ici juin\.\nLe $/),
      suffix: expect.stringMatching(/^ entre la Ville/),
    });
    expect(resolve(a, anchor)).toEqual({ status: 'attached', words: passage });
    expect(resolve(b, anchor)).toEqual({ status: 'attached', words: passage });
  });

  it('leaves blank space at the ends of the selection out, and refuses an empty one', () => {
    const { a } = setUp();
    expect(anchorOn(a, ' budget annuel ').quote).toBe('budget annuel');
    let empty: CommentAnchor | null = null;
    edit(a.editor, () => {
      $select('   '.slice(0, 1));
      empty = $createAnchorFromSelection(rootOf(a));
    });
    expect(empty).toBeNull();
  });

  it('follows concurrent edits before, inside and right around the passage', () => {
    const { a, b } = setUp();
    const anchor = anchorOn(a, passage);
    edit(a.editor, () => {
      const { node, offset } = $find(passage);
      node.spliceText(offset, 0, 'Surtout, ', false); // right before the first word
      $find('Objectif').node.spliceText(0, 0, 'Nouveau : ', false); // another paragraph before
    });
    // One update per edit, as typing makes them (@lexical/yjs diffs each update's text).
    edit(b.editor, () => {
      const { node, offset } = $find(passage);
      node.spliceText(offset + 'budget '.length, 0, 'total ', false); // inside
    });
    edit(b.editor, () => {
      const { node, offset } = $find('budget total annuel est partagé');
      node.spliceText(offset + 'budget total annuel est partagé'.length, 0, ' à parts', false); // right after
    });
    exchange(a.doc, b.doc);
    const expected = 'budget total annuel est partagé';
    expect(resolve(a, anchor)).toEqual({ status: 'attached', words: expected });
    expect(resolve(b, anchor)).toEqual({ status: 'attached', words: expected });
  });

  it('stays on the same words when part of the passage is made bold', () => {
    const { a, b } = setUp();
    const anchor = anchorOn(a, passage);
    edit(b.editor, () => {
      $select('annuel');
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) throw new Error('no selection');
      selection.formatText('bold');
    });
    exchange(a.doc, b.doc);
    const bold = a.editor.getEditorState().read(() =>
      $getRoot()
        .getAllTextNodes()
        .filter((n) => $isTextNode(n) && n.hasFormat('bold'))
        .map((n) => n.getTextContent()),
    );
    expect(bold).toEqual(['annuel']);
    // Lexical re-created the Yjs items of the reformatted words: found again from the quote.
    for (const replica of [a, b]) {
      expect(resolve(replica, anchor)).toEqual({ status: 'reattached', words: passage });
    }
  });

  it('stays on the same words when its paragraph is split inside and merged back', () => {
    const { a, b } = setUp();
    const anchor = anchorOn(a, passage);
    edit(b.editor, () => {
      const { node, offset } = $find('annuel est');
      const selection = $createRangeSelection();
      selection.anchor.set(node.getKey(), offset + 'annuel '.length, 'text');
      selection.focus.set(node.getKey(), offset + 'annuel '.length, 'text');
      $setSelection(selection);
      selection.insertParagraph();
    });
    exchange(a.doc, b.doc);
    expect(a.editor.getEditorState().read(() => $getRoot().getChildrenSize())).toBe(4);
    expect(resolve(a, anchor)).toMatchObject({ words: passage });

    // Merge the two halves again (Backspace at the start of the second).
    edit(a.editor, () => {
      const second = $find('est partagé').node;
      const selection = $createRangeSelection();
      selection.anchor.set(second.getKey(), 0, 'text');
      selection.focus.set(second.getKey(), 0, 'text');
      $setSelection(selection);
      selection.deleteCharacter(true);
    });
    exchange(a.doc, b.doc);
    expect(b.editor.getEditorState().read(() => $getRoot().getChildrenSize())).toBe(3);
    for (const replica of [a, b]) {
      expect(resolve(replica, anchor)).toMatchObject({ words: passage });
    }
  });

  it('stays on the same words when the paragraph before is merged into it, and when it is split before', () => {
    const { a, b } = setUp();
    const anchor = anchorOn(a, passage);
    edit(b.editor, () => {
      const first = $paragraphOf('Objectif');
      const second = $paragraphOf(passage);
      first.append(...second.getChildren());
      second.remove();
    });
    exchange(a.doc, b.doc);
    expect(resolve(a, anchor)).toMatchObject({ words: passage });
    edit(a.editor, () => {
      const { node, offset } = $find('Le budget annuel est');
      node.splitText(offset);
      const paragraph = node.getParentOrThrow<ParagraphNode>();
      const moved = $createParagraphNode();
      paragraph.insertAfter(moved);
      moved.append($find('Le budget annuel est').node);
    });
    exchange(a.doc, b.doc);
    for (const replica of [a, b]) {
      expect(resolve(replica, anchor)).toMatchObject({ words: passage });
    }
  });

  it('stays on the same words when its paragraph becomes a heading, then a list item', () => {
    const { a, b } = setUp();
    const anchor = anchorOn(a, passage);
    edit(b.editor, () => {
      const paragraph = $paragraphOf(passage);
      paragraph.replace($createHeadingNode('h2'), true);
    });
    exchange(a.doc, b.doc);
    expect(
      a.editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .map((n) => n.getType()),
      ),
    ).toEqual(['paragraph', 'heading', 'paragraph']);
    expect(resolve(a, anchor)).toMatchObject({ words: passage });

    edit(a.editor, () => {
      const heading = $find(passage).node.getParentOrThrow();
      const item = $createListItemNode().append(...heading.getChildren());
      heading.replace($createListNode('bullet').append(item));
    });
    exchange(a.doc, b.doc);
    expect(
      b.editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .map((n) => n.getType()),
      ),
    ).toEqual(['paragraph', 'list', 'paragraph']);
    for (const replica of [a, b]) {
      expect(resolve(replica, anchor)).toMatchObject({ words: passage });
    }
  });

  it('re-attaches to the right occurrence of a repeated quote, by its context', () => {
    const { a, b } = setUp();
    // "budget annuel" appears in the second and the third paragraph; comment on the third.
    const anchor = anchorOn(a, 'budget annuel', 1);
    edit(b.editor, () => {
      for (const paragraph of $getRoot().getChildren()) {
        if ($isParagraphNode(paragraph)) paragraph.replace($createHeadingNode('h3'), true);
      }
    });
    exchange(a.doc, b.doc);
    const words = a.editor.getEditorState().read(() => {
      const resolved = $resolveAnchor(rootOf(a), anchor);
      if (resolved === null || resolved.status === 'orphaned') throw new Error('lost');
      return $getRoot()
        .getAllTextNodes()
        .find((n) => n.getKey() === resolved.start.key)
        ?.getTextContent();
    });
    expect(words).toBe(paragraphs[2]);
  });

  it('orphans the thread when the passage is deleted, and keeps its quote', () => {
    const { a, b } = setUp();
    const anchor = anchorOn(a, passage);
    edit(b.editor, () => {
      $select(passage);
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) throw new Error('no selection');
      selection.removeText();
    });
    exchange(a.doc, b.doc);
    expect(resolve(a, anchor)).toEqual({ status: 'orphaned', words: null });
    expect(resolve(b, anchor)).toEqual({ status: 'orphaned', words: null });
    expect(anchor.quote).toBe(passage);

    // Deleting the whole paragraph orphans it too.
    const other = anchorOn(a, 'revu en septembre');
    edit(b.editor, () => $paragraphOf('revu en septembre').remove());
    exchange(a.doc, b.doc);
    expect(resolve(a, other).status).toBe('orphaned');
  });

  it('says when the editor has not caught up with the Y.Doc, instead of guessing', () => {
    const { a } = setUp();
    const anchor = anchorOn(a, passage);
    // A Lexical editor that never saw this Y.Doc's content.
    const stranger = bindHeadlessEditor(new Doc());
    bound.push(stranger);
    const result = stranger.editor.getEditorState().read(() => $resolveAnchor(rootOf(a), anchor));
    expect(result).toBeNull();
  });
});
