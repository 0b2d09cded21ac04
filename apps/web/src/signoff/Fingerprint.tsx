import { useRef } from 'react';
import { useT } from '../i18n/index.ts';
import { useCopy } from '../ui/index.ts';

/** A fingerprint in its readable short form, with the full value beside it and a copy button. */
export function Fingerprint({
  label,
  short,
  full,
}: {
  label: string;
  short: string;
  full: string;
}) {
  const t = useT();
  const fullRef = useRef<HTMLElement>(null);
  const [status, copy] = useCopy(() => {
    const node = fullRef.current;
    if (!node) return;
    const range = document.createRange();
    range.selectNodeContents(node);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  });
  return (
    <div className="fingerprint" data-testid="fingerprint">
      <p className="fingerprint__label">{label}</p>
      <p className="fingerprint__short" data-testid="fingerprint-short">
        {short}
      </p>
      <p className="fingerprint__full">
        <span className="visually-hidden">{t('signoff.fingerprintFull')} </span>
        <code ref={fullRef} data-testid="fingerprint-full">
          {full}
        </code>{' '}
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => copy(full)}
        >
          {t('signoff.copyFingerprint')}
        </button>
        <span role="status" className="fingerprint__copied">
          {status === 'copied' ? t('signoff.copied') : ''}
        </span>
      </p>
    </div>
  );
}
