import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/index.ts';

/**
 * A link to hand over (invitation, password reset): shown in full, selectable, with a copy
 * button whose result is announced.
 */
export function CopyLink({ url, label, testId }: { url: string; label: string; testId?: string }) {
  const t = useT();
  const id = useId();
  const codeRef = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 4000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('copied');
    } catch {
      // No clipboard access (permissions, plain http): select the text for Ctrl+C instead.
      const node = codeRef.current;
      const selection = window.getSelection();
      if (node !== null && selection !== null) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setCopied('failed');
    }
  }

  return (
    <div className="copy-link">
      <p id={id} className="copy-link__label">
        {label}
      </p>
      <div className="copy-link__row">
        <code ref={codeRef} className="copy-link__url" data-testid={testId}>
          {url}
        </code>
        <button type="button" className="button" onClick={copy} data-testid="copy-link">
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
