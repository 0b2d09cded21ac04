import type { ActionStatus } from '@accord/domain';
import {
  $isActionCommitmentNode,
  $isActionNode,
  $isActionTitleNode,
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
} from '@accord/editor';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getRoot, $getState, type LexicalEditor, type NodeKey } from 'lexical';
import { useCallback, useRef, useSyncExternalStore } from 'react';

export interface ActionFieldsSnapshot {
  id: string;
  title: string;
  lead: string;
  people: string[];
  start: string;
  due: string;
  status: ActionStatus;
  indicator: string;
  dependsOn: string[];
  commitmentOrganisations: string[];
}

export interface CommitmentSnapshot {
  organisation: string;
  amount: number | null;
  unit: string;
}

export interface ActionSummary {
  id: string;
  title: string;
}

/**
 * A value read from the editor state, re-read after every update and kept referentially stable
 * while it does not change (compared as JSON), so controls re-render only when their field does.
 */
function useEditorValue<T>(editor: LexicalEditor, read: () => T): T {
  const cache = useRef<{ json: string; value: T } | null>(null);
  const getSnapshot = useCallback(() => {
    const value = editor.getEditorState().read(read);
    const json = JSON.stringify(value);
    if (cache.current?.json !== json) cache.current = { json, value };
    return cache.current.value;
  }, [editor, read]);
  const subscribe = useCallback(
    (onChange: () => void) => editor.registerUpdateListener(() => onChange()),
    [editor],
  );
  return useSyncExternalStore(subscribe, getSnapshot);
}

export function useActionSnapshot(nodeKey: NodeKey): ActionFieldsSnapshot | null {
  const [editor] = useLexicalComposerContext();
  const read = useCallback((): ActionFieldsSnapshot | null => {
    const node = $getNodeByKey(nodeKey);
    if (!$isActionNode(node)) return null;
    const title = node.getChildren().find($isActionTitleNode);
    return {
      id: $getState(node, actionIdState),
      title: title?.getTextContent().trim() ?? '',
      lead: $getState(node, actionLeadState),
      people: $getState(node, actionPeopleState),
      start: $getState(node, actionStartState),
      due: $getState(node, actionDueState),
      status: $getState(node, actionStatusState),
      indicator: $getState(node, actionIndicatorState),
      dependsOn: $getState(node, actionDependsOnState),
      commitmentOrganisations: node
        .getChildren()
        .filter($isActionCommitmentNode)
        .map((commitment) => $getState(commitment, commitmentOrganisationState)),
    };
  }, [nodeKey]);
  return useEditorValue(editor, read);
}

export function useCommitmentSnapshot(nodeKey: NodeKey): CommitmentSnapshot | null {
  const [editor] = useLexicalComposerContext();
  const read = useCallback((): CommitmentSnapshot | null => {
    const node = $getNodeByKey(nodeKey);
    if (!$isActionCommitmentNode(node)) return null;
    return {
      organisation: $getState(node, commitmentOrganisationState),
      amount: $getState(node, commitmentAmountState),
      unit: $getState(node, commitmentUnitState),
    };
  }, [nodeKey]);
  return useEditorValue(editor, read);
}

/** Every action of the document (top-level blocks), for dependencies and problems. */
export function useActionSummaries(): ActionSummary[] {
  const [editor] = useLexicalComposerContext();
  const read = useCallback(
    (): ActionSummary[] =>
      $getRoot()
        .getChildren()
        .filter($isActionNode)
        .map((node) => ({
          id: $getState(node, actionIdState),
          title: node.getChildren().find($isActionTitleNode)?.getTextContent().trim() ?? '',
        })),
    [],
  );
  return useEditorValue(editor, read);
}
