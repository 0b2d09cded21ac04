import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import {
  ActionCommitmentNode,
  ActionDescriptionNode,
  ActionNode,
  ActionTitleNode,
} from './actions/nodes.ts';

/**
 * The one list of node classes every Accord editor registers: the browser composer, the server's
 * template builder and the export renderer. Yjs stores nodes by type name; a replica that lacks a
 * type cannot rebuild it and silently drops that content, so web and server must share this list
 * rather than keep two copies in sync by hand.
 *
 * Adding a node type is a document-format change: old servers would drop it on export.
 */
export const accordNodes: readonly Klass<LexicalNode>[] = Object.freeze([
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  ActionNode,
  ActionTitleNode,
  ActionDescriptionNode,
  ActionCommitmentNode,
]);
