import type { AccordConnection } from '@accord/sync/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchReviewRounds } from './api.ts';
import { applyRound } from './rounds.ts';
import { type ReviewRound, type ReviewRounds, reviewChangedEventSchema } from './schemas.ts';

export type RoundsState =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; data: ReviewRounds };

/**
 * The document's review rounds, kept current: loaded once, then each `review.changed` event of
 * the document's connection (and each answer of this page's own calls, through `apply`) is
 * applied on top. Events are not replayed, so the rounds are fetched again after a reconnection.
 */
export function useReviewRounds(documentId: string, connection: AccordConnection | null) {
  const [rounds, setRounds] = useState<RoundsState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const known = useRef(new Set<string>());
  if (rounds.state === 'ready') known.current = new Set(rounds.data.people.map((p) => p.id));

  useEffect(() => {
    const controller = new AbortController();
    fetchReviewRounds(documentId, controller.signal).then(
      (data) => setRounds({ state: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setRounds((previous) =>
            previous.state === 'ready' ? previous : { state: 'error', error },
          );
        }
      },
    );
    return () => controller.abort();
  }, [documentId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const apply = useCallback((round: ReviewRound) => {
    setRounds((previous) =>
      previous.state === 'ready'
        ? { state: 'ready', data: applyRound(previous.data, round) }
        : previous,
    );
  }, []);

  useEffect(() => {
    if (connection === null) return;
    const offEvent = connection.onEvent((event) => {
      const parsed = reviewChangedEventSchema.safeParse(event);
      if (!parsed.success || parsed.data.documentId !== documentId) return;
      // A change may name someone the page does not know yet: fetch the names with the round.
      const round = parsed.data.round;
      const unknownPeople = [round.openedBy, round.closedBy, ...round.marks.map((m) => m.markedBy)]
        .filter((id): id is string => id !== null)
        .some((id) => !known.current.has(id));
      if (unknownPeople) reload();
      else apply(round);
    });
    let wasConnected = connection.getStatus().connection === 'connected';
    const offStatus = connection.onStatus((status) => {
      const connected = status.connection === 'connected';
      if (connected && !wasConnected) reload();
      wasConnected = connected;
    });
    return () => {
      offEvent();
      offStatus();
    };
  }, [connection, documentId, apply, reload]);

  return { rounds, apply, reload };
}
