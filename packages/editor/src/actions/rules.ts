import { newId } from '@accord/domain';
import {
  $createParagraphNode,
  $getRoot,
  $getState,
  $hasUpdateTag,
  $isElementNode,
  $setState,
  COLLABORATION_TAG,
  type ElementNode,
  HISTORIC_TAG,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import {
  $createActionDescriptionNode,
  $createActionTitleNode,
  $isActionCommitmentNode,
  $isActionDescriptionNode,
  $isActionNode,
  $isActionTitleNode,
  ActionCommitmentNode,
  ActionDescriptionNode,
  ActionNode,
  ActionTitleNode,
} from './nodes.ts';
import { actionIdState } from './state.ts';

function $actionsInDocument(): ActionNode[] {
  const found: ActionNode[] = [];
  const visit = (node: LexicalNode) => {
    if ($isActionNode(node)) found.push(node);
    else if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
  };
  visit($getRoot());
  return found;
}

/**
 * Gives an action a new id when another action of the document already has its id: a pasted or
 * duplicated action is a new action. The first in document order keeps the id, so a moved action
 * (cut, then pasted) keeps its identity. Only local edits renumber: a remote update was already
 * renumbered by the peer that made it, and two peers renumbering the same copy would diverge.
 */
export function $ensureUniqueActionId(node: ActionNode): void {
  if ($hasUpdateTag(COLLABORATION_TAG) || $hasUpdateTag(HISTORIC_TAG)) return;
  const id = $getState(node, actionIdState);
  if (id) {
    const first = $actionsInDocument().find((other) => $getState(other, actionIdState) === id);
    if (!first || first.is(node)) return;
  }
  $setState(node, actionIdState, newId());
}

/**
 * Keeps an action's structure whole after edits that cut through it: a title first, a description
 * second, commitments after; anything else is moved out after the action, never deleted. Each part
 * keeps at least one block so there is always somewhere to type.
 */
export function $repairAction(node: ActionNode): void {
  if ($hasUpdateTag(COLLABORATION_TAG)) return;
  const children = node.getChildren();
  let insertAfter: LexicalNode = node;
  for (const child of children) {
    const belongs =
      $isActionTitleNode(child) ||
      $isActionDescriptionNode(child) ||
      $isActionCommitmentNode(child);
    if (!belongs) {
      insertAfter.insertAfter(child);
      insertAfter = child;
    }
  }
  let title = node.getChildren().find($isActionTitleNode);
  if (!title) {
    title = $createActionTitleNode().append($createParagraphNode());
    node.splice(0, 0, [title]);
  } else if (node.getFirstChild() !== title) {
    node.splice(0, 0, [title]);
  }
  const description = node.getChildren().find($isActionDescriptionNode);
  if (!description) {
    title.insertAfter($createActionDescriptionNode().append($createParagraphNode()));
  } else if (title.getNextSibling() !== description) {
    title.insertAfter(description);
  }
}

function $repairPart(part: ElementNode): void {
  if ($hasUpdateTag(COLLABORATION_TAG)) return;
  if (part.getChildrenSize() === 0) part.append($createParagraphNode());
}

/**
 * The editing rules of actions for an editor that people type in (the browser): unique ids and a
 * whole structure. Returns the unsubscribe.
 */
export function registerActionRules(editor: LexicalEditor): () => void {
  const removers = [
    editor.registerNodeTransform(ActionNode, (node) => {
      $ensureUniqueActionId(node);
      $repairAction(node);
    }),
    editor.registerNodeTransform(ActionTitleNode, $repairPart),
    editor.registerNodeTransform(ActionDescriptionNode, $repairPart),
    editor.registerNodeTransform(ActionCommitmentNode, $repairPart),
  ];
  return () => {
    for (const remove of removers) remove();
  };
}
