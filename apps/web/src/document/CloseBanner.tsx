import type { ConnectionStatus } from '@accord/sync/client';
import { useState } from 'react';
import { type Translate, useT } from '../i18n/index.ts';
import { closeReason } from './closeReason.ts';

/** Shown once the server closed the socket for good: why, what it means, what to do. */
export function CloseBanner({ status }: { status: ConnectionStatus }) {
  const t = useT();
  return (
    <div
      className="notice notice--error"
      role="alert"
      data-testid="close-banner"
      data-code={status.closeCode ?? ''}
    >
      <p className="notice__title">{t('connection.closedTitle')}</p>
      <p>
        {closeReason(t, status.closeCode)} {t('connection.readOnlyNow')}
      </p>
      {status.unsaved && <p className="notice__strong">{t('beforeUnload.unsavedChanges')}</p>}
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('connection.reload')}
      </button>
    </div>
  );
}

export function ReadOnlyNotice() {
  const t = useT();
  return (
    <p className="notice notice--info" data-testid="read-only-notice">
      {t('editor.readOnly')}
    </p>
  );
}

function refusedReason(t: Translate, reason: string): string {
  switch (reason) {
    case 'read-only':
      return t('connection.refusedReasons.readOnly');
    case 'locked':
      return t('connection.refusedReasons.locked');
    case 'final':
      return t('connection.refusedReasons.final');
    case 'too-large':
      return t('connection.refusedTooLarge');
    default:
      return reason;
  }
}

/** The server refused an edit: say so, until the person dismisses it. */
export function RefusedNotice({ refused }: { refused: NonNullable<ConnectionStatus['refused']> }) {
  const t = useT();
  const [dismissed, setDismissed] = useState<object | null>(null);
  if (dismissed === refused) return null;
  return (
    <div className="notice notice--warning" role="alert" data-testid="refused-notice">
      <p>{t('connection.refusedEdit', { reason: refusedReason(t, refused.reason) })}</p>
      <button type="button" className="button" onClick={() => setDismissed(refused)}>
        {t('common.close')}
      </button>
    </div>
  );
}
