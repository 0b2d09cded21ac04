import { useRefreshOnFocus } from '../inbox/useRefreshOnFocus.ts';

/**
 * How the action views stay live: they poll while the tab is visible (and refresh when it comes
 * back). The index itself follows stored edits a couple of seconds late (debounced), and these
 * pages have no document socket of their own, so a poll every 5 s shows a change about as soon as
 * an event would, at the cost of one small JSON request per visible tab.
 */
export const ACTION_VIEW_POLL_MS = 5_000;

export function useActionsPolling(reload: () => void): void {
  useRefreshOnFocus(reload, ACTION_VIEW_POLL_MS);
}
