export { ActionsPlugin } from './ActionsPlugin.tsx';
export { ActionsContext, type ActionsContextValue } from './context.ts';
