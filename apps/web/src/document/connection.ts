import type { AccordConnection, ConnectionStatus } from '@accord/sync/client';
import { useEffect, useState } from 'react';

/** `ws(s)://<this origin>/sync`: the server (or Vite's proxy in dev) serves sync on our origin. */
export function syncServerUrl(location: Location = window.location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/sync`;
}

/** The connection's status, re-rendered on every change it reports. */
export function useConnectionStatus(connection: AccordConnection | null): ConnectionStatus | null {
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  useEffect(() => {
    if (connection === null) {
      setStatus(null);
      return;
    }
    setStatus(connection.getStatus());
    return connection.onStatus(setStatus);
  }, [connection]);
  return status;
}

/** True once the provider has received the server's state at least once. */
export function useHasSynced(connection: AccordConnection | null): boolean {
  const [synced, setSynced] = useState(false);
  useEffect(() => {
    if (connection === null) return;
    const { provider } = connection;
    if (provider.synced) {
      setSynced(true);
      return;
    }
    const onSync = (isSynced: boolean) => {
      if (isSynced) setSynced(true);
    };
    provider.on('sync', onSync);
    return () => provider.off('sync', onSync);
  }, [connection]);
  return synced;
}

/**
 * Asks the browser to confirm leaving while edits are not yet acknowledged by the server. Reads
 * the status at the moment of leaving, not from the last render.
 */
export function useUnsavedChangesGuard(connection: AccordConnection | null): void {
  useEffect(() => {
    if (connection === null) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (connection.getStatus().unsaved) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [connection]);
}

/**
 * After a disconnect the provider drops the other people's awareness states but keeps their
 * clocks; the server then resends those states with the same clocks, which y-protocols ignores,
 * so the presence list stays empty until each peer's next heartbeat (up to 15 s). Forgetting the
 * clocks of the states that were dropped lets the resent states through at once.
 */
export function useAwarenessRestoreOnReconnect(connection: AccordConnection | null): void {
  useEffect(() => {
    if (connection === null) return;
    const { provider } = connection;
    const { awareness } = provider;
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'disconnected') return;
      for (const clientId of [...awareness.meta.keys()]) {
        if (clientId !== awareness.clientID && !awareness.states.has(clientId)) {
          awareness.meta.delete(clientId);
        }
      }
    };
    provider.on('status', onStatus);
    return () => provider.off('status', onStatus);
  }, [connection]);
}
