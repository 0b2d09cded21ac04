import { type ActionStatus, actionStatuses, isActionStatus } from '@accord/domain';
import { createState } from 'lexical';

// The single-value fields of an action and a commitment, as Lexical NodeState. @lexical/yjs keeps
// a node's state in one Y.Map (the `__state` attribute of the node's XmlText) and writes only the
// keys that changed, so two people changing different fields of one action both keep their change
// (per-key last-writer-wins), where a plain node property would sync the same way but JSON would
// spread over the node. Every value arrives from peers too: parse defensively, never throw.
//
// The Y.Map itself is created when a node first gets state. Two peers creating it at once would
// race (one map wins), so every action and commitment is created with its identity already set
// (see create.ts): the map exists from the node's first appearance.

const text = (max: number) => (value: unknown) =>
  typeof value === 'string' ? value.slice(0, max) : '';

const ids = (value: unknown): string[] =>
  Array.isArray(value)
    ? [...new Set(value.filter((v): v is string => typeof v === 'string' && v.length <= 64))]
    : [];

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

export const actionIdState = createState('id', { parse: text(64) });
export const actionLeadState = createState('lead', { parse: text(64) });
export const actionPeopleState = createState('people', { parse: ids, isEqual: sameIds });
/** `YYYY-MM-DD`; any other string is kept and shown as a problem, not dropped. */
export const actionStartState = createState('start', { parse: text(32) });
export const actionDueState = createState('due', { parse: text(32) });
export const actionStatusState = createState('status', {
  parse: (value: unknown): ActionStatus => (isActionStatus(value) ? value : actionStatuses[0]),
});
export const actionIndicatorState = createState('indicator', { parse: text(1000) });
export const actionDependsOnState = createState('dependsOn', { parse: ids, isEqual: sameIds });

export const commitmentOrganisationState = createState('organisation', { parse: text(64) });
export const commitmentAmountState = createState('amount', {
  parse: (value: unknown): number | null =>
    typeof value === 'number' && Number.isFinite(value) ? value : null,
});
export const commitmentUnitState = createState('unit', { parse: text(40) });
