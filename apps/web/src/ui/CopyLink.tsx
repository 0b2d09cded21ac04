import { useId, useRef } from 'react';
import { useT } from '../i18n/index.ts';
import { useCopy } from './useCopy.ts';

/**
 * A link to hand over (invitation, password reset): shown in full, selectable, with a copy
 * button whose result is announced.
 */
export function CopyLink({ url, label, testId }: { url: string; label: string; testId?: string }) {
  const t = useT();
  const id = useId();
  const codeRef = useRef<HTMLElement>(null);
  const [copied, copy] = useCopy(() => {
    const node = codeRef.current;
    const selection = window.getSelection();
    if (node !== null && selection !== null) {
      const range = document.createRange();
      range.selectNodeContents(node);
      selection.removeAllRanges();
      selection.addRange(range);
    }
  });

  return (
    <div className="copy-link">
      <p id={id} className="copy-link__label">
        {label}
      </p>
      <div className="copy-link__row">
        <code ref={codeRef} className="copy-link__url" data-testid={testId}>
          {url}
        </code>
        <button type="button" className="button" onClick={() => copy(url)} data-testid="copy-link">
          {t('common.copyLink')}
        </button>
      </div>
      <p className="copy-link__status small" role="status" aria-live="polite">
        {copied === 'copied'
          ? t('common.copied')
          : copied === 'failed'
            ? t('common.copyFailed')
            : ''}
      </p>
    </div>
  );
}
