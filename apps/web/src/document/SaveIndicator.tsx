import type { ConnectionStatus } from '@accord/sync/client';
import { useT } from '../i18n/index.ts';
import { saveStateLabel, saveStateOf } from './saveState.ts';

/** "Enregistré", "Enregistrement…", … announced politely as it changes. */
export function SaveIndicator({ status }: { status: ConnectionStatus | null }) {
  const t = useT();
  const state = saveStateOf(status);
  return (
    <p
      className={`save-status save-status--${state}`}
      data-testid="save-status"
      data-state={state}
      aria-live="polite"
      aria-atomic="true"
    >
      <span className="save-status__icon" aria-hidden="true" />
      <span>{saveStateLabel(t, state)}</span>
    </p>
  );
}
