import type { ConnectionStatus } from '@accord/sync/client';
import type { Translate } from '../i18n/index.ts';

export type SaveState =
  | 'saved'
  | 'saving'
  | 'offline-pending'
  | 'connecting'
  | 'reconnecting'
  | 'closed'
  | 'closed-unsaved';

/**
 * One word for the person, from the connection status alone: "Saved" means the server's store
 * acknowledged every edit, never merely that the socket is open. Unsaved edits outrank the
 * connection state, because they are what the person may lose.
 */
export function saveStateOf(status: ConnectionStatus | null): SaveState {
  if (status === null) return 'connecting';
  if (status.connection === 'closed') return status.unsaved ? 'closed-unsaved' : 'closed';
  if (status.save === 'offline-pending') return 'offline-pending';
  if (status.connection === 'connecting') return 'connecting';
  if (status.connection === 'reconnecting') return 'reconnecting';
  return status.save === 'saving' ? 'saving' : 'saved';
}

export function saveStateLabel(t: Translate, state: SaveState): string {
  switch (state) {
    case 'saved':
      return t('save.saved');
    case 'saving':
      return t('save.saving');
    case 'offline-pending':
      return t('save.offline');
    case 'connecting':
      return t('save.connecting');
    case 'reconnecting':
      return t('save.reconnecting');
    case 'closed':
      return t('save.closed');
    case 'closed-unsaved':
      return t('save.closedUnsaved');
  }
}
