/**
 * Actions of an action plan, as they are read out of a plan's text (the editor's action nodes) and
 * kept in the server's index. Pure types and rules: the editor, the server and the web app share
 * them so a problem is named the same way everywhere.
 */

export const actionStatuses = ['planned', 'in_progress', 'done', 'blocked', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && (actionStatuses as readonly string[]).includes(value);
}

/** What one organisation puts into an action: free text, and an optional amount with its unit. */
export interface ActionCommitment {
  organisationId: string;
  text: string;
  amount: number | null;
  unit: string;
}

/** One action as written in a plan. Dates are ISO calendar dates (`YYYY-MM-DD`) or empty. */
export interface ActionItem {
  /** Stable across edits and moves; a duplicated or pasted copy gets a new one. */
  id: string;
  title: string;
  /** Plain text of the description (rich text in the document). */
  description: string;
  leadOrganisationId: string;
  peopleIds: string[];
  start: string;
  due: string;
  status: ActionStatus;
  indicator: string;
  /** Ids of the actions (of the same plan) this one waits for. */
  dependsOn: string[];
  commitments: ActionCommitment[];
  /** The text of the nearest heading above the action (its objective), or empty. */
  objective: string;
  /** Position in the plan, from 0. */
  position: number;
}

/** A problem shown on an action: never a reason to drop the action or the field. */
export type ActionProblem =
  | { code: 'due_before_start' }
  | { code: 'invalid_date'; field: 'start' | 'due' }
  | { code: 'unknown_organisation'; organisationId: string }
  | { code: 'removed_person'; personId: string }
  | { code: 'unknown_dependency'; actionId: string };

/** Who the partnership has now, to check an action against. */
export interface ActionContext {
  organisationIds: ReadonlySet<string>;
  personIds: ReadonlySet<string>;
  actionIds: ReadonlySet<string>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Everything wrong with an action, in a stable order. */
export function actionProblems(item: ActionItem, context: ActionContext): ActionProblem[] {
  const problems: ActionProblem[] = [];
  const startOk = item.start === '' || isIsoDate(item.start);
  const dueOk = item.due === '' || isIsoDate(item.due);
  if (!startOk) problems.push({ code: 'invalid_date', field: 'start' });
  if (!dueOk) problems.push({ code: 'invalid_date', field: 'due' });
  if (startOk && dueOk && item.start && item.due && item.due < item.start) {
    problems.push({ code: 'due_before_start' });
  }
  const organisations = new Set<string>();
  if (item.leadOrganisationId) organisations.add(item.leadOrganisationId);
  for (const commitment of item.commitments) {
    if (commitment.organisationId) organisations.add(commitment.organisationId);
  }
  for (const organisationId of organisations) {
    if (!context.organisationIds.has(organisationId)) {
      problems.push({ code: 'unknown_organisation', organisationId });
    }
  }
  for (const personId of item.peopleIds) {
    if (!context.personIds.has(personId)) problems.push({ code: 'removed_person', personId });
  }
  for (const actionId of item.dependsOn) {
    if (!context.actionIds.has(actionId)) problems.push({ code: 'unknown_dependency', actionId });
  }
  return problems;
}

/** Overdue: a due date strictly before `today` (both `YYYY-MM-DD`) and not done or cancelled. */
export function isOverdue(item: Pick<ActionItem, 'due' | 'status'>, today: string): boolean {
  if (item.status === 'done' || item.status === 'cancelled') return false;
  return isIsoDate(item.due) && item.due < today;
}

/** Whether an organisation leads the action, commits to it, or has one of its people on it. */
export function involvesOrganisation(
  item: Pick<ActionItem, 'leadOrganisationId' | 'commitments' | 'peopleIds'>,
  organisationId: string,
  peopleOfOrganisation: ReadonlySet<string>,
): boolean {
  if (item.leadOrganisationId === organisationId) return true;
  if (item.commitments.some((c) => c.organisationId === organisationId)) return true;
  return item.peopleIds.some((id) => peopleOfOrganisation.has(id));
}
