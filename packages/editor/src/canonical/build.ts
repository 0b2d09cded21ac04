import { $isAutoLinkNode, $isLinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode, type ListItemNode, type ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import {
  $isTableCellNode,
  $isTableNode,
  $isTableRowNode,
  TableCellHeaderStates,
  type TableNode,
} from '@lexical/table';
import {
  $getRoot,
  $getState,
  $isLineBreakNode,
  $isParagraphNode,
  $isTabNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import {
  $isActionCommitmentNode,
  $isActionDescriptionNode,
  $isActionNode,
  $isActionTitleNode,
  type ActionNode,
} from '../actions/nodes.ts';
import {
  actionDependsOnState,
  actionDueState,
  actionIdState,
  actionIndicatorState,
  actionLeadState,
  actionPeopleState,
  actionStartState,
  actionStatusState,
  commitmentAmountState,
  commitmentOrganisationState,
  commitmentUnitState,
} from '../actions/state.ts';
import {
  CANONICAL_FORM_VERSION,
  type CanonicalAction,
  type CanonicalAlign,
  type CanonicalBlock,
  type CanonicalDocument,
  type CanonicalInline,
  type CanonicalList,
  type CanonicalListItem,
  type CanonicalMark,
  canonicalMarks,
} from './tree.ts';

/** A node the canonical form has no place for: signing must fail rather than drop content. */
export class UnsupportedNodeError extends Error {
  constructor(readonly nodeType: string) {
    super(`the canonical form (version ${CANONICAL_FORM_VERSION}) has no place for "${nodeType}"`);
    this.name = 'UnsupportedNodeError';
  }
}

/**
 * The canonical tree of the editor's current state. Must run inside `editor.read()` (or an
 * update). Text and link targets are NFC-normalised; adjacent runs with the same marks are merged
 * and empty runs dropped, so two states that show the same thing give the same tree however their
 * Yjs history split the text.
 */
export function $canonicalDocument(): CanonicalDocument {
  return {
    format: 'accord-canonical',
    version: CANONICAL_FORM_VERSION,
    blocks: $getRoot().getChildren().map($block),
  };
}

function $block(node: LexicalNode): CanonicalBlock {
  if ($isParagraphNode(node))
    return { type: 'paragraph', content: $inlines(node), ...layout(node) };
  if ($isHeadingNode(node)) {
    const level = Number(node.getTag().slice(1));
    return { type: 'heading', level, content: $inlines(node), ...layout(node) };
  }
  if ($isQuoteNode(node)) return { type: 'quote', content: $inlines(node), ...layout(node) };
  if ($isListNode(node)) return $list(node);
  if ($isTableNode(node)) return $table(node);
  if ($isActionNode(node)) return $action(node);
  throw new UnsupportedNodeError(node.getType());
}

/** An action with every field, so a change of lead, date or status changes the fingerprint. */
function $action(node: ActionNode): CanonicalAction {
  const action: CanonicalAction = {
    type: 'action',
    id: $getState(node, actionIdState),
    title: [],
    description: [],
    lead: $getState(node, actionLeadState),
    people: [...$getState(node, actionPeopleState)],
    start: $getState(node, actionStartState),
    due: $getState(node, actionDueState),
    status: $getState(node, actionStatusState),
    indicator: $getState(node, actionIndicatorState).normalize('NFC'),
    dependsOn: [...$getState(node, actionDependsOnState)],
    commitments: [],
  };
  for (const part of node.getChildren()) {
    if ($isActionTitleNode(part)) action.title.push(...part.getChildren().map($block));
    else if ($isActionDescriptionNode(part)) {
      action.description.push(...part.getChildren().map($block));
    } else if ($isActionCommitmentNode(part)) {
      action.commitments.push({
        organisation: $getState(part, commitmentOrganisationState),
        amount: $getState(part, commitmentAmountState),
        unit: $getState(part, commitmentUnitState).normalize('NFC'),
        blocks: part.getChildren().map($block),
      });
    } else throw new UnsupportedNodeError(part.getType());
  }
  return action;
}

function layout(node: ElementNode): { align?: CanonicalAlign; indent?: number } {
  const format = node.getFormatType();
  const indent = node.getIndent();
  return {
    ...(format ? { align: format as CanonicalAlign } : {}),
    ...(indent > 0 ? { indent } : {}),
  };
}

function $list(node: ListNode): CanonicalList {
  const style = node.getListType();
  const items: CanonicalListItem[] = [];
  for (const child of node.getChildren()) {
    if (!$isListItemNode(child)) throw new UnsupportedNodeError(child.getType());
    const item = $listItem(child, style === 'check');
    const previous = items.at(-1);
    // Lexical nests a list in an item of its own that holds nothing else; it shows under the
    // item before it, so that is where the canonical tree puts it.
    if (previous && item.content.length === 0 && item.children.length > 0) {
      previous.children.push(...item.children);
    } else items.push(item);
  }
  const start = node.getStart();
  return {
    type: 'list',
    style,
    ...(style === 'number' && start !== 1 ? { start } : {}),
    items,
  };
}

function $listItem(node: ListItemNode, check: boolean): CanonicalListItem {
  const children: CanonicalList[] = [];
  const inline: LexicalNode[] = [];
  for (const child of node.getChildren()) {
    if ($isListNode(child)) children.push($list(child));
    else inline.push(child);
  }
  return {
    content: $inlineNodes(inline),
    ...(check ? { checked: node.getChecked() === true } : {}),
    children,
  };
}

function $table(node: TableNode): CanonicalBlock {
  return {
    type: 'table',
    rows: node.getChildren().map((row) => {
      if (!$isTableRowNode(row)) throw new UnsupportedNodeError(row.getType());
      return {
        cells: row.getChildren().map((cell) => {
          if (!$isTableCellNode(cell)) throw new UnsupportedNodeError(cell.getType());
          const colspan = cell.getColSpan();
          const rowspan = cell.getRowSpan();
          return {
            header: cell.getHeaderStyles() !== TableCellHeaderStates.NO_STATUS,
            ...(colspan > 1 ? { colspan } : {}),
            ...(rowspan > 1 ? { rowspan } : {}),
            blocks: cell.getChildren().map($block),
          };
        }),
      };
    }),
  };
}

function $inlines(node: ElementNode): CanonicalInline[] {
  return $inlineNodes(node.getChildren());
}

function $inlineNodes(nodes: readonly LexicalNode[]): CanonicalInline[] {
  const out: CanonicalInline[] = [];
  for (const node of nodes) {
    if ($isLineBreakNode(node)) out.push({ type: 'break' });
    else if ($isTabNode(node)) out.push({ type: 'tab' });
    else if ($isTextNode(node)) pushText(out, node.getTextContent(), marksOf(node));
    else if ($isAutoLinkNode(node) && node.getIsUnlinked()) {
      // An auto-link the person unlinked shows as plain text.
      for (const inner of $inlineNodes(node.getChildren())) pushInline(out, inner);
    } else if ($isLinkNode(node)) {
      const content = $inlineNodes(node.getChildren());
      if (content.length > 0)
        out.push({ type: 'link', href: node.getURL().normalize('NFC'), content });
    } else throw new UnsupportedNodeError(node.getType());
  }
  return out;
}

function marksOf(node: { hasFormat(format: CanonicalMark): boolean }): CanonicalMark[] {
  return canonicalMarks.filter((mark) => node.hasFormat(mark));
}

function pushInline(out: CanonicalInline[], inline: CanonicalInline): void {
  if (inline.type === 'text') pushText(out, inline.text, inline.marks);
  else out.push(inline);
}

function pushText(out: CanonicalInline[], raw: string, marks: CanonicalMark[]): void {
  if (raw === '') return;
  const previous = out.at(-1);
  if (previous?.type === 'text' && sameMarks(previous.marks, marks)) {
    // Normalise the joined text: a combining mark may start the second run.
    previous.text = (previous.text + raw).normalize('NFC');
    return;
  }
  out.push({ type: 'text', text: raw.normalize('NFC'), marks });
}

function sameMarks(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((mark, i) => mark === b[i]);
}
