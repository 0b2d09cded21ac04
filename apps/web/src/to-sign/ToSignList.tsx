import { useCallback } from 'react';
import { useResource } from '../api/index.ts';
import { Link, paths } from '../app/index.ts';
import { useT } from '../i18n/index.ts';
import { useRefreshOnFocus } from '../inbox/useRefreshOnFocus.ts';
import { fetchAwaitingSignature } from './api.ts';

/** "Agreements to sign" on the inbox page: nothing at all when none waits for me. */
export function ToSignList({ partnershipId }: { partnershipId: string }) {
  const t = useT();
  const load = useCallback(
    (signal: AbortSignal) => fetchAwaitingSignature(partnershipId, signal),
    [partnershipId],
  );
  const [awaiting, reload] = useResource(`to-sign:${partnershipId}`, load);
  useRefreshOnFocus(reload);
  if (awaiting.state !== 'ready' || awaiting.data.agreements.length === 0) return null;
  return (
    <section id="to-sign" aria-labelledby="to-sign-title" className="to-sign" data-testid="to-sign">
      <h2 id="to-sign-title">{t('toSign.title')}</h2>
      <p className="muted small">{t('toSign.intro')}</p>
      <ul className="to-sign__list">
        {awaiting.data.agreements.map((a) => (
          <li key={a.document.id}>
            <Link to={paths.document(a.document.id)}>{a.document.title}</Link>{' '}
            <span className="muted small">
              {t('toSign.version', { version: a.version, fingerprint: a.shortFingerprint })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
