// Test helper: a stored document state that uses every node type the editor has.
import { bindHeadlessEditor } from '@accord/editor';
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import {
  $createTableCellNode,
  $createTableNode,
  $createTableRowNode,
  TableCellHeaderStates,
} from '@lexical/table';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  type LexicalNode,
  type TextFormatType,
} from 'lexical';
import { Doc, encodeStateAsUpdate } from 'yjs';
import type { ExportMeta } from './meta.ts';
import type { Block, ExportTree } from './tree/types.ts';

const $text = (text: string, ...formats: TextFormatType[]) => {
  const node = $createTextNode(text);
  for (const format of formats) node.toggleFormat(format);
  return node;
};

const $item = (...children: LexicalNode[]) => $createListItemNode().append(...children);

function $table(rows: string[][]) {
  return $createTableNode().append(
    ...rows.map((cells, index) =>
      $createTableRowNode().append(
        ...cells.map((cell) =>
          $createTableCellNode(
            index === 0 ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS,
          ).append($createParagraphNode().append($text(cell))),
        ),
      ),
    ),
  );
}

/** French typography: narrow no-break spaces before ; ! ? and inside « », a no-break space before : */
export const NNBSP = '\u202f';
export const NBSP = '\u00a0';

function $everyNode(): LexicalNode[] {
  const nestedItem = $item(
    $createListNode('number').append($item($text('deux-un')), $item($text('deux-deux'))),
  );
  return [
    $createHeadingNode('h1').append($text(`Convention «${NNBSP}Ensemble${NNBSP}»`)),
    $createParagraphNode().append(
      $text('Texte '),
      $text('gras', 'bold'),
      $text(', '),
      $text('italique', 'italic'),
      $text(', '),
      $text('souligné', 'underline'),
      $text(', '),
      $text('les trois', 'bold', 'italic', 'underline'),
      $text(' et '),
      $createLinkNode('https://example.org/a?b=1&c=2').append($text('un lien')),
      $text('.'),
    ),
    $createHeadingNode('h2').append($text('Article 1 — Objet')),
    $createParagraphNode().append(
      $text(
        `Prix${NBSP}: 5${NBSP}€${NNBSP}; vraiment${NNBSP}? Oui${NNBSP}! L’œuvre <b>*x*</b> & Cie`,
      ),
      $createLineBreakNode(),
      $text('Deuxième ligne.'),
    ),
    $createListNode('bullet').append(
      $item($text('un')),
      $item($text('deux')),
      nestedItem,
      $item($text('trois')),
    ),
    $createListNode('number').append($item($text('premier')), $item($text('second'))),
    $createQuoteNode().append($text('Une citation.')),
    $createHeadingNode('h3').append($text('Tableau')),
    $table([
      ['Partie', 'Rôle'],
      ['Collectivité', 'Pilote'],
      ['Association | A', 'Suivi'],
    ]),
  ];
}

/** The stored state (one Yjs update) of a document using every node type. */
export function everyNodeState(): Uint8Array {
  const doc = new Doc();
  const headless = bindHeadlessEditor(doc);
  try {
    headless.editor.update(
      () =>
        $getRoot()
          .clear()
          .append(...$everyNode()),
      { discrete: true },
    );
    return encodeStateAsUpdate(doc);
  } finally {
    headless.dispose();
    doc.destroy();
  }
}

export const draftMeta: ExportMeta = {
  documentId: 'doc_0123456789abcdef',
  title: `Convention «${NNBSP}Ensemble${NNBSP}»`,
  language: 'fr',
  status: 'draft',
  generatedAt: new Date(Date.UTC(2026, 10, 27, 9, 30)),
};

export const FINGERPRINT = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

export const finalMeta: ExportMeta = {
  ...draftMeta,
  status: 'final',
  signature: {
    version: 2,
    fingerprint: FINGERPRINT,
    canonicalVersion: 1,
    finalisedAt: Date.UTC(2026, 10, 26, 16, 0),
    parties: [
      {
        organisationId: 'org_a',
        organisationName: 'Ville de Lyon',
        approvals: [
          {
            personId: 'p_1',
            personName: 'Amélie Durand',
            role: 'facilitator',
            approvedAt: Date.UTC(2026, 10, 25, 10, 0),
            fingerprint: FINGERPRINT,
          },
        ],
      },
      {
        organisationId: 'org_b',
        organisationName: 'Association Entraide',
        approvals: [
          {
            personId: 'p_2',
            personName: null,
            role: 'editor',
            approvedAt: Date.UTC(2026, 10, 26, 15, 59),
            fingerprint: FINGERPRINT,
          },
        ],
      },
    ],
  },
};

/** A paragraph of plain text, for trees built by hand in tests. */
export function plainParagraph(text: string): Block {
  return { type: 'paragraph', align: 'start', children: [{ type: 'text', text, marks: [] }] };
}

/** A paragraph holding a `javascript:` link, which no export may turn into a link. */
export function unsafeLinkTree(...before: Block[]): ExportTree {
  return {
    version: 1,
    blocks: [
      ...before,
      {
        type: 'paragraph',
        align: 'start',
        children: [
          {
            type: 'link',
            url: 'javascript:alert(1)',
            children: [{ type: 'text', text: 'piège', marks: [] }],
          },
        ],
      },
    ],
  };
}
