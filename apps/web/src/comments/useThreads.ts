import type { AccordConnection } from '@accord/sync/client';
import { useCallback, useEffect, useState } from 'react';
import { fetchThreads, type PublicPerson, type Thread } from '../api/index.ts';
import { threadChangedEventSchema } from '../api/schemas.ts';

export interface ThreadsState {
  threads: Thread[];
  /** People the threads name, as the server last listed them. */
  people: PublicPerson[];
  /** The list's `at`: marking read up to it keeps what arrived later new. */
  at: number | null;
  status: 'loading' | 'ready' | 'failed';
}

/**
 * The document's visible threads, kept live: the list is fetched after every (re)connection —
 * live events are not replayed — and each `thread.changed` event replaces its thread by id. A
 * thread older than the one held (an event overtaken by the list, or the reverse) is ignored.
 */
export function useThreads(
  documentId: string,
  connection: AccordConnection | null,
  connected: boolean,
  selfId: string | null,
): ThreadsState & { upsert: (thread: Thread) => void; reload: () => void } {
  const [state, setState] = useState<ThreadsState>({
    threads: [],
    people: [],
    at: null,
    status: 'loading',
  });
  const [attempt, setAttempt] = useState(0);

  const upsert = useCallback((thread: Thread) => {
    setState((current) => ({ ...current, threads: merge(current.threads, [thread]) }));
  }, []);

  useEffect(() => {
    if (!connected) return;
    void attempt;
    const abort = new AbortController();
    fetchThreads(documentId, abort.signal).then(
      (list) =>
        setState((current) => ({
          threads: merge(
            list.threads,
            current.threads.filter((t) => list.threads.some((l) => l.id === t.id)),
          ),
          people: list.people,
          at: list.at,
          status: 'ready',
        })),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        console.error('[accord comments]', error);
        setState((current) => ({ ...current, status: 'failed' }));
      },
    );
    return () => abort.abort();
  }, [documentId, connected, attempt]);

  useEffect(() => {
    if (connection === null) return;
    return connection.onEvent((event) => {
      const parsed = threadChangedEventSchema.safeParse(event);
      if (!parsed.success || parsed.data.documentId !== documentId) return;
      const { thread, actorId, change } = parsed.data;
      setState((current) => {
        const held = current.threads.find((t) => t.id === thread.id);
        const fresh = actorId !== selfId && change !== 'deleted' && change !== 'resolved';
        const unread = (held?.unread ?? 0) + (fresh ? 1 : 0);
        return { ...current, threads: merge(current.threads, [{ ...thread, unread }]) };
      });
    });
  }, [connection, documentId, selfId]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, upsert, reload };
}

/** `base` with each of `updates` put in by id, unless it is older than the thread held. */
function merge(base: readonly Thread[], updates: readonly Thread[]): Thread[] {
  const byId = new Map(base.map((t) => [t.id, t]));
  for (const update of updates) {
    const held = byId.get(update.id);
    if (held !== undefined && held.lastActivityAt > update.lastActivityAt) continue;
    byId.set(update.id, { ...update, unread: update.unread ?? held?.unread ?? 0 });
  }
  return [...byId.values()];
}
