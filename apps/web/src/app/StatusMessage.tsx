import { ApiError } from '../api/index.ts';
import { useT } from '../i18n/index.ts';

export function Loading() {
  const t = useT();
  return (
    <p className="status-message" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('app.loading')}
    </p>
  );
}

/** A failed load in plain words, with a retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  const network = error instanceof ApiError && error.kind === 'network';
  const message = network ? t('errors.network') : t('errors.generic');
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </div>
  );
}
