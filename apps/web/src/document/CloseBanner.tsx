import { CloseCode } from '@accord/sync/protocol';
import { useEffect, useRef } from 'react';
import { navigate, paths } from '../app/router.ts';
import { useT } from '../i18n/index.ts';
import type { Role } from '../people/index.ts';
import { closeReason } from './closeReason.ts';

interface CloseBannerProps {
  closeCode: number | null;
  unsaved: boolean;
  onSignIn: () => void;
}

/**
 * Shown once the server closed the socket for good: why, what it means, what to do. Signed out:
 * sign in again (the text stays). Access gone: back home. Anything else: reload.
 */
export function CloseBanner({ closeCode, unsaved, onSignIn }: CloseBannerProps) {
  const t = useT();
  const actionRef = useRef<HTMLButtonElement>(null);
  const signIn = closeCode === CloseCode.unauthenticated;
  const gone = closeCode === CloseCode.forbidden || closeCode === CloseCode.notFound;

  // Losing access ends the visit: say so and offer the way out, with focus on it.
  useEffect(() => {
    if (gone) actionRef.current?.focus();
  }, [gone]);

  return (
    <div
      className={signIn ? 'notice notice--warning' : 'notice notice--error'}
      role="alert"
      data-testid="close-banner"
      data-code={closeCode ?? ''}
    >
      <p className="notice__title">
        {signIn ? t('reauth.bannerTitle') : t('connection.closedTitle')}
      </p>
      <p>
        {signIn ? t('auth.sessionEnded') : closeReason(t, closeCode)}{' '}
        {signIn ? t('reauth.textKept') : gone ? '' : t('connection.readOnlyNow')}
      </p>
      {unsaved && !signIn && <p className="notice__strong">{t('beforeUnload.unsavedChanges')}</p>}
      {signIn ? (
        <button
          ref={actionRef}
          type="button"
          className="button button--primary"
          onClick={onSignIn}
          data-testid="reauth-open"
        >
          {t('connection.signIn')}
        </button>
      ) : gone ? (
        <button
          ref={actionRef}
          type="button"
          className="button button--primary"
          onClick={() => navigate(paths.home())}
          data-testid="close-banner-home"
        >
          {t('errors.backHome')}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('connection.reload')}
        </button>
      )}
    </div>
  );
}

/** Viewers and commenters read; the server refuses their edits anyway. */
export function ReadOnlyNotice({ role }: { role: Role }) {
  const t = useT();
  return (
    <p className="notice notice--info" data-testid="read-only-notice" data-role={role}>
      {role === 'commenter' ? t('editor.readOnlyCommenter') : t('editor.readOnly')}
    </p>
  );
}

/** The text is locked for everyone: an agreement being signed, or signed. */
export function LockNotice({ lock }: { lock: 'locked' | 'final' }) {
  const t = useT();
  return (
    <p className="notice notice--info" data-testid="lock-notice" data-lock={lock}>
      {lock === 'final' ? t('editor.lockedFinal') : t('editor.lockedSigning')}
    </p>
  );
}
