import type { ActionStatus } from '@accord/domain';
import { newId } from '@accord/domain';
import { $createParagraphNode, $createTextNode, $setState, type ElementNode } from 'lexical';
import {
  $createActionCommitmentNode,
  $createActionDescriptionNode,
  $createActionNodeShell,
  $createActionTitleNode,
  type ActionCommitmentNode,
  type ActionNode,
} from './nodes.ts';
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
} from './state.ts';

export interface NewCommitment {
  organisationId: string;
  text?: string;
  amount?: number | null;
  unit?: string;
}

export interface NewAction {
  id?: string;
  title?: string;
  /** Paragraphs of the description. */
  description?: readonly string[];
  leadOrganisationId?: string;
  peopleIds?: readonly string[];
  start?: string;
  due?: string;
  status?: ActionStatus;
  indicator?: string;
  dependsOn?: readonly string[];
  commitments?: readonly NewCommitment[];
}

function $paragraphOf(text: string) {
  const paragraph = $createParagraphNode();
  if (text) paragraph.append($createTextNode(text));
  return paragraph;
}

function $withParagraphs<T extends ElementNode>(part: T, texts: readonly string[]): T {
  const blocks = texts.length ? texts : [''];
  return part.append(...blocks.map($paragraphOf));
}

/**
 * A complete action node. The id is set first and always, so the node's NodeState (one Y.Map in
 * Yjs) exists from its creation and later field edits merge per key (see state.ts).
 */
export function $createAction(data: NewAction = {}): ActionNode {
  const node = $createActionNodeShell();
  $setState(node, actionIdState, data.id ?? newId());
  $setState(node, actionStatusState, data.status ?? 'planned');
  if (data.leadOrganisationId) $setState(node, actionLeadState, data.leadOrganisationId);
  if (data.peopleIds?.length) $setState(node, actionPeopleState, [...data.peopleIds]);
  if (data.start) $setState(node, actionStartState, data.start);
  if (data.due) $setState(node, actionDueState, data.due);
  if (data.indicator) $setState(node, actionIndicatorState, data.indicator);
  if (data.dependsOn?.length) $setState(node, actionDependsOnState, [...data.dependsOn]);
  node.append(
    $withParagraphs($createActionTitleNode(), [data.title ?? '']),
    $withParagraphs($createActionDescriptionNode(), data.description ?? []),
    ...(data.commitments ?? []).map($createCommitment),
  );
  return node;
}

/** A commitment, created with its organisation set (so its NodeState map exists at once). */
export function $createCommitment(data: NewCommitment): ActionCommitmentNode {
  const node = $createActionCommitmentNode();
  $setState(node, commitmentOrganisationState, data.organisationId);
  if (data.amount !== undefined && data.amount !== null) {
    $setState(node, commitmentAmountState, data.amount);
  }
  if (data.unit) $setState(node, commitmentUnitState, data.unit);
  return $withParagraphs(node, [data.text ?? '']);
}
