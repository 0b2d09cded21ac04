import {
  $isActionDescriptionNode,
  $isActionTitleNode,
  ActionCommitmentNode,
  ActionNode,
  registerActionRules,
} from '@accord/editor';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $hasUpdateTag,
  $isElementNode,
  $isRangeSelection,
  COLLABORATION_TAG,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  KEY_ENTER_COMMAND,
  type LexicalEditor,
  type NodeKey,
  TextNode,
} from 'lexical';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { ActionFields } from './ActionFields.tsx';
import { CommitmentFields } from './CommitmentFields.tsx';
import {
  $insertAction,
  $replaceTriggerParagraph,
  ACTION_TRIGGER,
  INSERT_ACTION_COMMAND,
} from './insert.ts';

type Targets = ReadonlyMap<NodeKey, HTMLElement>;

/**
 * Tracks where each node's field controls go: the element its DOM reserves for them
 * (`[data-…-fields]`, outside what Lexical manages).
 */
function useFieldTargets(
  editor: LexicalEditor,
  klass: typeof ActionNode | typeof ActionCommitmentNode,
  selector: string,
): Targets {
  const [targets, setTargets] = useState<Targets>(new Map());
  useEffect(
    () =>
      editor.registerMutationListener(klass, (mutations) => {
        setTargets((previous) => {
          const next = new Map(previous);
          for (const [key, mutation] of mutations) {
            if (mutation === 'destroyed') {
              next.delete(key);
              continue;
            }
            const target = editor.getElementByKey(key)?.querySelector<HTMLElement>(selector);
            if (target) next.set(key, target);
          }
          return next;
        });
      }),
    [editor, klass, selector],
  );
  return targets;
}

/** Enter in a title moves to the description instead of adding a second title line. */
function $enterInTitle(event: KeyboardEvent | null): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  const title = $findMatchingParent(selection.anchor.getNode(), $isActionTitleNode);
  if (!title) return false;
  const description = title.getNextSibling();
  if (!$isActionDescriptionNode(description)) return false;
  event?.preventDefault();
  const first = description.getFirstChild();
  if ($isElementNode(first)) first.selectStart();
  else description.selectStart();
  return true;
}

/**
 * Actions in the document: the editing rules (unique ids, whole structure), inserting from the
 * toolbar or by typing `/action`, and the field controls of every action and commitment.
 */
export function ActionsPlugin() {
  const [editor] = useLexicalComposerContext();
  const actions = useFieldTargets(editor, ActionNode, '[data-action-fields]');
  const commitments = useFieldTargets(editor, ActionCommitmentNode, '[data-commitment-fields]');

  useEffect(
    () =>
      mergeRegister(
        registerActionRules(editor),
        editor.registerCommand(
          INSERT_ACTION_COMMAND,
          () => {
            $insertAction();
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(KEY_ENTER_COMMAND, $enterInTitle, COMMAND_PRIORITY_HIGH),
        editor.registerNodeTransform(TextNode, (node) => {
          if ($hasUpdateTag(COLLABORATION_TAG)) return;
          if (node.getTextContent().trim() === ACTION_TRIGGER) $replaceTriggerParagraph();
        }),
      ),
    [editor],
  );

  return (
    <>
      {[...actions].map(([key, target]) =>
        createPortal(<ActionFields nodeKey={key} />, target, key),
      )}
      {[...commitments].map(([key, target]) =>
        createPortal(<CommitmentFields nodeKey={key} />, target, key),
      )}
    </>
  );
}
