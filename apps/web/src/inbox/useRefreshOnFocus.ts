import { useEffect } from 'react';

/**
 * Calls `refresh` when the person comes back to the tab (focus, or the page becoming visible),
 * and every `intervalMs` while it is visible: the inbox and its count stay current without a
 * socket of their own.
 */
export function useRefreshOnFocus(refresh: () => void, intervalMs = 60_000): void {
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisible);
    const timer = window.setInterval(onVisible, intervalMs);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(timer);
    };
  }, [refresh, intervalMs]);
}
