import type { ActionCommitment, ActionItem } from '@accord/domain';
import type { SerializedEditorState, SerializedLexicalNode } from 'lexical';
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

type Json = SerializedLexicalNode & {
  children?: Json[];
  text?: string;
  $?: Record<string, unknown>;
};

/** Plain text of a subtree; blocks are separated by a line break. */
function plainText(node: Json): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  const children = node.children ?? [];
  const blocks = children.some((child) => Array.isArray(child.children));
  return children.map(plainText).join(blocks ? '\n' : '');
}

/** One line: runs of ordinary whitespace become one space; French non-breaking spaces stay. */
const oneLine = (text: string) => text.replace(/[ \t\r\n]+/g, ' ').trim();

function commitmentOf(node: Json): ActionCommitment {
  const state = node.$ ?? {};
  return {
    organisationId: commitmentOrganisationState.parse(state.organisation),
    text: plainText(node).trim(),
    amount: commitmentAmountState.parse(state.amount),
    unit: commitmentUnitState.parse(state.unit),
  };
}

function actionOf(node: Json, objective: string, position: number): ActionItem {
  const state = node.$ ?? {};
  const children = node.children ?? [];
  const part = (type: string) => children.find((child) => child.type === type);
  const title = part('action-title');
  const description = part('action-description');
  return {
    id: actionIdState.parse(state.id),
    title: title ? oneLine(plainText(title)) : '',
    description: description ? plainText(description).trim() : '',
    leadOrganisationId: actionLeadState.parse(state.lead),
    peopleIds: actionPeopleState.parse(state.people),
    start: actionStartState.parse(state.start),
    due: actionDueState.parse(state.due),
    status: actionStatusState.parse(state.status),
    indicator: actionIndicatorState.parse(state.indicator),
    dependsOn: actionDependsOnState.parse(state.dependsOn),
    commitments: children.filter((c) => c.type === 'action-commitment').map(commitmentOf),
    objective,
    position,
  };
}

/**
 * The actions of a document, in document order, each with the heading above it as its objective.
 * Reads the serialized tree (as `readDocumentState` or `editorState.toJSON()` give it), so the
 * server index, the exports and the browser share one reading. Two actions with one id (a copy
 * made where the editor could not renumber it) are both kept: the later one gets a derived id.
 */
export function extractActions(json: SerializedEditorState): ActionItem[] {
  const actions: ActionItem[] = [];
  const seen = new Set<string>();
  let objective = '';
  const visit = (node: Json) => {
    if (node.type === 'heading') {
      objective = oneLine(plainText(node));
      return;
    }
    if (node.type === 'action') {
      const action = actionOf(node, objective, actions.length);
      let id = action.id || `position-${actions.length + 1}`;
      for (let n = 2; seen.has(id); n++) id = `${action.id}~${n}`;
      seen.add(id);
      actions.push({ ...action, id });
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(json.root as unknown as Json);
  return actions;
}
