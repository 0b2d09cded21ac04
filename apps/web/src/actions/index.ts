export { ActionsPlugin } from './ActionsPlugin.tsx';
export { CommitmentsPage } from './CommitmentsPage.tsx';
export { ActionsContext, type ActionsContextValue } from './context.ts';
export { PlanActionsPage } from './PlanActionsPage.tsx';
