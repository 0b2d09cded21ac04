import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/index.ts';
import type { LinkContext } from './link.ts';
import { normaliseLinkUrl } from './url.ts';

interface LinkDialogProps {
  /** null when closed. */
  context: LinkContext | null;
  onApply: (url: string, text: string | null) => void;
  onRemove: () => void;
  onClose: () => void;
}

/** Asks for a link's address (and its text when nothing is selected), in a modal <dialog>. */
export function LinkDialog({ context, onApply, onRemove, onClose }: LinkDialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), url: useId(), hint: useId(), error: useId(), text: useId() };
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<'url' | 'text' | null>(null);
  const open = context !== null;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      setUrl(context?.url ?? '');
      setText('');
      setError(null);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, context]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const normalised = normaliseLinkUrl(url);
    if (normalised === null) {
      setError('url');
      return;
    }
    const linkText = context?.needsText === true ? text.trim() : null;
    if (linkText === '') {
      setError('text');
      return;
    }
    onApply(normalised, linkText);
  }

  const editing = context?.url != null;
  return (
    <dialog
      ref={ref}
      className="dialog dialog--small"
      aria-labelledby={ids.title}
      onClose={onClose}
    >
      <form onSubmit={handleSubmit} noValidate className="form">
        <h2 id={ids.title} className="dialog__title">
          {t('editor.link')}
        </h2>
        <div className="field">
          <label htmlFor={ids.url}>{t('editor.linkUrl')}</label>
          <input
            id={ids.url}
            type="text"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            autoFocus
            value={url}
            aria-invalid={error === 'url' ? true : undefined}
            aria-describedby={error === 'url' ? `${ids.error} ${ids.hint}` : ids.hint}
            onChange={(event) => setUrl(event.target.value)}
          />
          <p id={ids.hint} className="field-hint">
            {t('editor.linkHint')}
          </p>
        </div>
        {context?.needsText === true && (
          <div className="field">
            <label htmlFor={ids.text}>{t('editor.linkText')}</label>
            <input
              id={ids.text}
              type="text"
              value={text}
              aria-invalid={error === 'text' ? true : undefined}
              aria-describedby={error === 'text' ? ids.error : undefined}
              onChange={(event) => setText(event.target.value)}
            />
          </div>
        )}
        {error !== null && (
          <p id={ids.error} className="field-error" role="alert">
            {error === 'url' ? t('editor.linkInvalid') : t('editor.linkTextRequired')}
          </p>
        )}
        <div className="dialog__actions">
          {editing && (
            <button type="button" className="button button--danger-ghost" onClick={onRemove}>
              {t('editor.removeLink')}
            </button>
          )}
          <span className="dialog__spacer" />
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('editor.applyLink')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
