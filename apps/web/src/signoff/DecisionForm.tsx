import { useId, useState } from 'react';
import { errorMessage } from '../api/index.ts';
import { useT } from '../i18n/index.ts';

/**
 * A signatory's decision on behalf of their organisation, bound to the fingerprint they were
 * shown: if the text changed meanwhile the server answers `stale_fingerprint`, never a silent
 * approval of other words.
 */
export function DecisionForm({
  organisationName,
  fingerprint,
  shortFingerprint,
  decide,
}: {
  organisationName: string;
  fingerprint: string;
  shortFingerprint: string;
  decide: (body: {
    decision: 'approved' | 'declined';
    fingerprint: string;
    reason?: string;
  }) => Promise<void>;
}) {
  const t = useT();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();

  async function submit(decision: 'approved' | 'declined') {
    if (decision === 'declined' && reason.trim() === '') {
      setError(t('signoff.reasonRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await decide({
        decision,
        fingerprint,
        ...(decision === 'declined' ? { reason: reason.trim() } : {}),
      });
    } catch (failure) {
      setError(errorMessage(t, failure));
      setBusy(false);
    }
  }

  return (
    <div className="decision" data-testid="decision-form">
      <p className="decision__intro">
        {t('signoff.decideIntro', {
          organisation: organisationName,
          fingerprint: shortFingerprint,
        })}
      </p>
      {declining ? (
        <form
          className="decision__decline"
          onSubmit={(event) => {
            event.preventDefault();
            void submit('declined');
          }}
        >
          <label htmlFor={reasonId}>{t('signoff.reason')}</label>
          <textarea
            id={reasonId}
            value={reason}
            maxLength={2000}
            rows={3}
            required
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="decision__buttons">
            <button type="submit" className="button button--danger" disabled={busy}>
              {t('signoff.declineConfirm')}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => setDeclining(false)}
              disabled={busy}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="decision__buttons">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => submit('approved')}
          >
            {t('signoff.approve', { organisation: organisationName })}
          </button>
          <button
            type="button"
            className="button button--ghost"
            disabled={busy}
            onClick={() => setDeclining(true)}
          >
            {t('signoff.decline')}
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
