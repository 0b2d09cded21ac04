import { $createAction, $isActionNode, $isActionTitleNode } from '@accord/editor';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootNode,
  createCommand,
  type LexicalCommand,
  type LexicalNode,
} from 'lexical';

export const INSERT_ACTION_COMMAND: LexicalCommand<void> = createCommand('INSERT_ACTION_COMMAND');

/** What a person types, alone in a paragraph, to turn it into an action. */
export const ACTION_TRIGGER = '/action';

/** Puts the caret at the start of the action's title, ready to type it. */
function $focusTitle(node: LexicalNode) {
  if (!$isActionNode(node)) return;
  const title = node.getFirstChild();
  const first = $isActionTitleNode(title) ? title.getFirstChild() : null;
  if ($isParagraphNode(first)) first.selectStart();
}

/**
 * Inserts a new action at the caret, as a block of its own (splitting the paragraph if needed),
 * with a paragraph after it when it would be last, so there is always somewhere to type below.
 */
export function $insertAction(): void {
  const action = $createAction();
  $insertNodeToNearestRoot(action);
  if (action.getNextSibling() === null) action.insertAfter($createParagraphNode());
  $focusTitle(action);
}

/**
 * `/action` typed alone in a top-level paragraph becomes an action in its place. Returns whether
 * it did. Runs on the person's own edits only.
 */
export function $replaceTriggerParagraph(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const block = selection.anchor.getNode().getTopLevelElement();
  if (!$isParagraphNode(block) || !$isRootNode(block.getParent())) return false;
  if (block.getTextContent().trim() !== ACTION_TRIGGER) return false;
  const action = $createAction();
  block.replace(action);
  if (action.getNextSibling() === null) action.insertAfter($createParagraphNode());
  $focusTitle(action);
  return true;
}
