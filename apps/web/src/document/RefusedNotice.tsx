import { useId, useRef } from 'react';
import { type Translate, useT } from '../i18n/index.ts';
import { useCopy } from '../ui/index.ts';
import type { Refusal } from './refusal.ts';

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

/**
 * The server refused an edit: say why, say that the document shows the server's version again,
 * and hand back, read-only and easy to copy, the text that was not applied. Stays until the
 * person closes it.
 */
export function RefusedNotice({ refusal, onDismiss }: { refusal: Refusal; onDismiss: () => void }) {
  const t = useT();
  const textId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const { unapplied } = refusal;
  const text = unapplied?.join('\n\n') ?? '';
  const [copied, copy] = useCopy(() => {
    textRef.current?.focus();
    textRef.current?.select();
  });

  return (
    <div
      className="notice notice--warning refused-notice"
      role="alert"
      data-testid="refused-notice"
      data-reason={refusal.reason}
      data-state={unapplied === null ? 'resyncing' : 'resynced'}
    >
      <p className="notice__title">
        {t('connection.refusedEdit', { reason: refusedReason(t, refusal.reason) })}
      </p>
      {unapplied === null ? (
        <p>{t('connection.refusedResyncing')}</p>
      ) : (
        <>
          <p>
            {t('connection.refusedResynced')}{' '}
            {unapplied.length > 0 ? t('connection.refusedTextHint') : t('connection.refusedNoText')}
          </p>
          {unapplied.length > 0 && (
            <div className="refused-notice__text">
              <label htmlFor={textId} className="refused-notice__label">
                {t('connection.refusedText')}
              </label>
              <textarea
                id={textId}
                ref={textRef}
                className="refused-notice__box"
                data-testid="refused-text"
                readOnly
                value={text}
                rows={Math.min(8, Math.max(2, text.split('\n').length + 1))}
              />
            </div>
          )}
        </>
      )}
      <div className="refused-notice__actions">
        {unapplied !== null && unapplied.length > 0 && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => copy(text)}
            data-testid="copy-refused-text"
          >
            {t('connection.copyRefusedText')}
          </button>
        )}
        <button type="button" className="button" onClick={onDismiss} data-testid="refused-close">
          {t('common.close')}
        </button>
        <p
          className={`refused-notice__status small${copied === 'failed' ? ' refused-notice__status--failed' : ''}`}
          role="status"
          aria-live="polite"
        >
          {copied === 'copied'
            ? t('connection.refusedCopied')
            : copied === 'failed'
              ? t('connection.refusedCopyFailed')
              : ''}
        </p>
      </div>
    </div>
  );
}
