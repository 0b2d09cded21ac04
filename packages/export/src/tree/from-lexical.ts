import type { Language } from '@accord/domain';
import type { SerializedEditorState } from 'lexical';
import { convertAction } from './action.ts';
import { convertStandardNode } from './blocks.ts';
import { childInlines, type LexicalJson } from './inline.ts';
import { type Block, EXPORT_TREE_VERSION, type ExportTree } from './types.ts';

/** Names of what a document refers to by id (organisations, people), for readable exports. */
export interface ExportNames {
  organisation(id: string): string | undefined;
  person(id: string): string | undefined;
}

export interface ConvertContext {
  /** The document's language: converters that add words (field labels) use it. */
  language: Language;
  names?: ExportNames;
  /** Converts nested block nodes (table cells, panel bodies) with the same converters. */
  blocks(nodes: readonly LexicalJson[]): Block[];
}

/**
 * Lowers one Lexical block node of a given type to export blocks. Return `undefined` to let the
 * standard conversion handle the node.
 */
export type BlockConverter = (node: LexicalJson, context: ConvertContext) => Block[] | undefined;

/**
 * Converters for node types beyond Lexical's standard ones, by serialized `type`. This is the one
 * place to touch when packages/editor gains a node type (e.g. an action block lowered to a
 * `panel`): renderers need no change.
 */
const extraConverters = new Map<string, BlockConverter>([['action', convertAction]]);

export function registerBlockConverter(type: string, converter: BlockConverter): void {
  extraConverters.set(type, converter);
}

function convertBlock(node: LexicalJson, context: ConvertContext): Block[] {
  const extra = extraConverters.get(node.type)?.(node, context);
  if (extra) return extra;
  const standard = convertStandardNode(node, context);
  if (standard) return standard;
  // An unknown node never disappears silently from an export: its text is kept as a paragraph.
  const children = childInlines(node);
  return children.length > 0 ? [{ type: 'paragraph', children, align: 'start' }] : [];
}

/** The export tree of a Lexical editor state (as `readDocumentState` returns it). */
export function exportTreeFromLexical(
  json: SerializedEditorState,
  options: { language: Language; names?: ExportNames },
): ExportTree {
  const context: ConvertContext = {
    language: options.language,
    names: options.names,
    blocks: (nodes) => nodes.flatMap((node) => convertBlock(node, context)),
  };
  const root = json.root as unknown as LexicalJson;
  return { version: EXPORT_TREE_VERSION, blocks: context.blocks(root.children ?? []) };
}
