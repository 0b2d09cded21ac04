import { useCallback, useEffect, useState } from 'react';
import { fetchPartnerships } from '../api/index.ts';
import { useRefreshOnFocus } from '../inbox/useRefreshOnFocus.ts';
import { fetchAwaitingSignature } from './api.ts';
import { TO_SIGN_CHANGED } from './changed.ts';

export interface ToSignCount {
  /** Agreements waiting for my organisation's signature, across my partnerships. */
  total: number;
  /** The first partnership with something to sign (its inbox page lists them). */
  partnershipId: string | null;
}

/**
 * The count behind the header's "To sign" link. Refreshed like the inbox count: on a new page
 * (so approving on the document page and moving on updates it), on focus and every minute.
 */
export function useToSignCount(enabled: boolean, pathname: string): ToSignCount | null {
  const [count, setCount] = useState<ToSignCount | null>(null);
  const [attempt, setAttempt] = useState(0);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  useRefreshOnFocus(refresh);
  useEffect(() => {
    window.addEventListener(TO_SIGN_CHANGED, refresh);
    return () => window.removeEventListener(TO_SIGN_CHANGED, refresh);
  }, [refresh]);

  // `pathname` and `attempt` are not read: a new page or a refresh asks again.
  useEffect(() => {
    if (!enabled) {
      setCount(null);
      return;
    }
    const controller = new AbortController();
    void (async () => {
      try {
        const partnerships = await fetchPartnerships(controller.signal);
        const counts = await Promise.all(
          partnerships.map(async (p) => ({
            id: p.id,
            awaiting: (await fetchAwaitingSignature(p.id, controller.signal)).agreements.length,
          })),
        );
        setCount({
          total: counts.reduce((sum, c) => sum + c.awaiting, 0),
          partnershipId: counts.find((c) => c.awaiting > 0)?.id ?? null,
        });
      } catch {
        // A convenience, like the inbox count: keep the last one when a refresh fails.
      }
    })();
    return () => controller.abort();
  }, [enabled, pathname, attempt]);

  return count;
}
