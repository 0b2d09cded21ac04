export { $createAction, $createCommitment, type NewAction, type NewCommitment } from './create.ts';
export { extractActions } from './extract.ts';
export {
  $isActionCommitmentNode,
  $isActionDescriptionNode,
  $isActionNode,
  $isActionTitleNode,
  ActionCommitmentNode,
  ActionDescriptionNode,
  ActionNode,
  ActionTitleNode,
} from './nodes.ts';
export { $ensureUniqueActionId, $repairAction, registerActionRules } from './rules.ts';
export * from './state.ts';
