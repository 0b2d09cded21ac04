import { useCallback, useEffect, useState } from 'react';
import { fetchPartnerships } from '../api/index.ts';
import { fetchInbox } from './api.ts';
import { defaultFilters, INBOX_PAGE } from './filters.ts';
import { useRefreshOnFocus } from './useRefreshOnFocus.ts';

export interface InboxUnread {
  /** New comments for me across my partnerships (within each inbox's first page). */
  total: number;
  /** Where the header's link leads: the first partnership with something new, else the first. */
  partnershipId: string | null;
}

/**
 * The count behind the header's inbox link: every partnership's inbox, summed. Refreshed when
 * the page changes, when the tab comes back into focus and every minute.
 */
export function useInboxUnread(enabled: boolean, pathname: string): InboxUnread | null {
  const [unread, setUnread] = useState<InboxUnread | null>(null);
  const [attempt, setAttempt] = useState(0);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  useRefreshOnFocus(refresh);

  // `pathname` and `attempt` are not read: a new page or a refresh asks for the count again.
  useEffect(() => {
    if (!enabled) {
      setUnread(null);
      return;
    }
    const controller = new AbortController();
    const all = { ...defaultFilters, status: 'all' as const };
    void (async () => {
      try {
        const partnerships = await fetchPartnerships(controller.signal);
        const counts = await Promise.all(
          partnerships.map(async (p) => ({
            id: p.id,
            unread: (await fetchInbox(p.id, all, controller.signal, INBOX_PAGE)).unread,
          })),
        );
        const first = counts.find((c) => c.unread > 0) ?? counts[0];
        setUnread({
          total: counts.reduce((sum, c) => sum + c.unread, 0),
          partnershipId: first?.id ?? null,
        });
      } catch {
        // The count is a convenience: keep the last one when a refresh fails.
      }
    })();
    return () => controller.abort();
  }, [enabled, pathname, attempt]);

  return unread;
}
