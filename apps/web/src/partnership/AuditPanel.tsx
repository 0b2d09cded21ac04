import { useCallback, useEffect, useRef } from 'react';
import { auditDownloadUrl, errorMessage, useResource, verifyAudit } from '../api/index.ts';
import { useT } from '../i18n/index.ts';

/** The partnership's hash-chained audit log: download it, and see whether the chain holds. */
export function AuditPanel({
  partnershipId,
  revision,
}: {
  partnershipId: string;
  /** Changes whenever the partnership was reloaded (an action was recorded): verify again. */
  revision: unknown;
}) {
  const t = useT();
  const load = useCallback(
    (signal: AbortSignal) => verifyAudit(partnershipId, signal),
    [partnershipId],
  );
  const [verdict, reverify] = useResource(`audit:${partnershipId}`, load);
  const seen = useRef(revision);
  useEffect(() => {
    if (seen.current === revision) return;
    seen.current = revision;
    reverify();
  }, [revision, reverify]);

  return (
    <section className="panel" aria-labelledby="audit-title" data-testid="audit-panel">
      <h2 id="audit-title" className="panel__title">
        {t('audit.title')}
      </h2>
      <p className="muted small">{t('audit.intro')}</p>
      <div className="audit-verdict" aria-live="polite" data-testid="audit-verdict">
        {verdict.state === 'loading' && <p className="muted small">{t('audit.verifying')}</p>}
        {verdict.state === 'error' && (
          <p className="field-error">{errorMessage(t, verdict.error)}</p>
        )}
        {verdict.state === 'ready' &&
          (verdict.data.ok ? (
            <div className="notice notice--success" data-state="ok">
              <p className="notice__title">{t('audit.intact')}</p>
              <p>{t('audit.entries', { count: verdict.data.entries })}</p>
              {verdict.data.lastHash !== '' && (
                <p className="small">
                  {t('audit.lastHash')} <code className="hash">{verdict.data.lastHash}</code>
                </p>
              )}
            </div>
          ) : (
            <div className="notice notice--error" data-state="broken">
              <p className="notice__title">{t('audit.broken')}</p>
              <p>{t('audit.brokenAt', { seq: verdict.data.brokenAt })}</p>
              <p className="small">
                <code>{verdict.data.reason}</code>
              </p>
            </div>
          ))}
      </div>
      <div className="form__actions">
        <a
          className="button"
          href={auditDownloadUrl(partnershipId)}
          download={`accord-audit-${partnershipId}.jsonl`}
          data-testid="download-audit"
        >
          {t('audit.download')}
        </a>
        <button type="button" className="button button--ghost" onClick={reverify}>
          {t('audit.verifyAgain')}
        </button>
      </div>
    </section>
  );
}
