import type { SerializedEditorState, SerializedLexicalNode } from 'lexical';

/** The serialized fields the tests look at, across node types. */
export type JsonNode = SerializedLexicalNode & {
  children?: JsonNode[];
  tag?: string;
  listType?: string;
  text?: string;
  url?: string;
  format?: number | string;
  headerState?: number;
};

export function* walk(node: JsonNode): Generator<JsonNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

export function nodesOfType(json: SerializedEditorState, type: string): JsonNode[] {
  return [...walk(json.root)].filter((node) => node.type === type);
}

/** Concatenated text of a serialized subtree (no block separators). */
export function textOf(node: JsonNode): string {
  return [...walk(node)].map((n) => (n.type === 'text' ? (n.text ?? '') : '')).join('');
}
