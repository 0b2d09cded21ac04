import type { SerializedEditorState } from 'lexical';
import { describe, expect, it } from 'vitest';
import { exportTreeFromLexical, registerBlockConverter } from './from-lexical.ts';
import { childInlines } from './inline.ts';

const text = (value: string, format = 0) => ({ type: 'text', text: value, format, version: 1 });

function state(...children: object[]): SerializedEditorState {
  return { root: { type: 'root', version: 1, children } } as unknown as SerializedEditorState;
}

describe('exportTreeFromLexical', () => {
  it('keeps the text of a node type it does not know, as a paragraph', () => {
    const tree = exportTreeFromLexical(
      state({ type: 'mystery', version: 1, children: [text('gardé')] }),
      { language: 'fr' },
    );
    expect(tree.blocks).toEqual([
      { type: 'paragraph', align: 'start', children: [{ type: 'text', text: 'gardé', marks: [] }] },
    ]);
  });

  it('lowers a node type through a registered converter, without touching any renderer', () => {
    registerBlockConverter('test-record', (node, context) => [
      {
        type: 'panel',
        kind: 'record',
        title: childInlines(node),
        fields: [
          { label: context.language === 'fr' ? 'Échéance' : 'Due', value: String(node.due) },
        ],
        blocks: [],
      },
    ]);
    const tree = exportTreeFromLexical(
      state({ type: 'test-record', version: 1, due: '2026-12-01', children: [text('Titre', 1)] }),
      { language: 'fr' },
    );
    expect(tree.blocks).toEqual([
      {
        type: 'panel',
        kind: 'record',
        title: [{ type: 'text', text: 'Titre', marks: ['bold'] }],
        fields: [{ label: 'Échéance', value: '2026-12-01' }],
        blocks: [],
      },
    ]);
  });

  it('merges runs with the same marks, maps every format bit, and drops empty paragraphs', () => {
    const tree = exportTreeFromLexical(
      state(
        {
          type: 'paragraph',
          version: 1,
          children: [text('a', 1), text('b', 1), text('c', 2 | 4 | 8 | 16 | 32 | 64 | 128)],
        },
        { type: 'paragraph', version: 1, children: [] },
      ),
      { language: 'fr' },
    );
    expect(tree.blocks).toEqual([
      {
        type: 'paragraph',
        align: 'start',
        children: [
          { type: 'text', text: 'ab', marks: ['bold'] },
          {
            type: 'text',
            text: 'c',
            marks: [
              'italic',
              'underline',
              'strikethrough',
              'code',
              'subscript',
              'superscript',
              'highlight',
            ],
          },
        ],
      },
    ]);
  });
});
