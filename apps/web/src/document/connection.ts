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

/**
 * True once this connection's provider has received the server's state at least once. A new
 * connection (a fresh doc after a refused edit) starts unsynced again.
 */
export function useHasSynced(connection: AccordConnection | null): boolean {
  const [syncedConnection, setSyncedConnection] = useState<AccordConnection | null>(null);
  useEffect(() => {
    if (connection === null) return;
    const { provider } = connection;
    if (provider.synced) {
      setSyncedConnection(connection);
      return;
    }
    const onSync = (isSynced: boolean) => {
      if (isSynced) setSyncedConnection(connection);
    };
    provider.on('sync', onSync);
    return () => provider.off('sync', onSync);
  }, [connection]);
  return connection !== null && syncedConnection === connection;
}

/**
 * Asks the browser to confirm leaving while edits are not yet acknowledged by the server, or
 * while `keep` (text shown nowhere else, e.g. an edit the server refused) is on screen. Reads the
 * status at the moment of leaving, not from the last render.
 */
export function useUnsavedChangesGuard(connection: AccordConnection | null, keep = false): void {
  useEffect(() => {
    if (connection === null && !keep) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (keep || connection?.getStatus().unsaved) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [connection, keep]);
}
