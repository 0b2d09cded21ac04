import type { AccordConnection } from '@accord/sync/client';
import { useCallback, useEffect, useState } from 'react';
import { fetchAgreement } from './api.ts';
import { type AgreementView, agreementChangedEventSchema } from './schemas.ts';

export type AgreementResource =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; data: AgreementView };

/**
 * The agreement of a document, kept current: fetched once, again after each `agreement.changed`
 * event of the document's connection and after each reconnection (events are not replayed).
 */
export function useAgreement(documentId: string, connection: AccordConnection | null) {
  const [resource, setResource] = useState<AgreementResource>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const apply = useCallback((data: AgreementView) => setResource({ state: 'ready', data }), []);

  useEffect(() => {
    void attempt;
    const controller = new AbortController();
    fetchAgreement(documentId, controller.signal).then(
      (data) => setResource({ state: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResource((previous) =>
          previous.state === 'ready' ? previous : { state: 'error', error },
        );
      },
    );
    return () => controller.abort();
  }, [documentId, attempt]);

  useEffect(() => {
    if (connection === null) return;
    const offEvent = connection.onEvent((event) => {
      const parsed = agreementChangedEventSchema.safeParse(event);
      if (parsed.success && parsed.data.documentId === documentId) reload();
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
  }, [connection, documentId, reload]);

  return { resource, reload, apply };
}
