import { commentLimits } from '@accord/domain';
import { type FormEvent, type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import { errorMessage, type Mention } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import {
  type MentionCandidate,
  matchCandidates,
  mentionQuery,
  mentionsInBody,
} from './mentions.ts';

interface ComposerProps {
  label: string;
  submitLabel: string;
  initialBody?: string;
  initialPicked?: MentionCandidate[];
  candidates: readonly MentionCandidate[];
  onSubmit: (body: string, mentions: Mention[]) => Promise<void>;
  onCancel?: () => void;
  /** Between the text and the buttons (the visibility choice of a new thread). */
  children?: ReactNode;
  autoFocus?: boolean;
  testId?: string;
}

/**
 * A comment's text with an `@` picker: typing @ lists people and organisations (arrows to move,
 * Enter or Tab to pick, Escape to close) as a listbox the textarea points at with
 * `aria-activedescendant`, so the focus never leaves the text. Ctrl+Enter sends.
 */
export function Composer({
  label,
  submitLabel,
  initialBody = '',
  initialPicked = [],
  candidates,
  onSubmit,
  onCancel,
  children,
  autoFocus = false,
  testId,
}: ComposerProps) {
  const t = useT();
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(initialBody);
  const [picked, setPicked] = useState<MentionCandidate[]>(initialPicked);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [activeOption, setActiveOption] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const matches = query === null ? [] : matchCandidates(candidates, query.query);
  const listOpen = matches.length > 0;
  const tooLong = body.trim().length > commentLimits.bodyChars;
  const ids = {
    list: `${id}-mentions`,
    hint: `${id}-hint`,
    count: `${id}-count`,
    error: `${id}-error`,
    option: (i: number) => `${id}-option-${i}`,
  };

  function updateQuery(text: string, caret: number) {
    setQuery(mentionQuery(text, caret));
    setActiveOption(0);
  }

  function pick(candidate: MentionCandidate) {
    if (query === null) return;
    const caret = textarea.current?.selectionStart ?? body.length;
    const inserted = `@${candidate.label} `;
    const next = body.slice(0, query.start) + inserted + body.slice(caret);
    setBody(next);
    setPicked((list) => [...list, candidate]);
    setQuery(null);
    const position = query.start + inserted.length;
    requestAnimationFrame(() => textarea.current?.setSelectionRange(position, position));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (listOpen) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActiveOption((i) => (i + step + matches.length) % matches.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(matches[activeOption] ?? matches[0]!);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setQuery(null);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const text = body.trim();
    if (text === '') {
      textarea.current?.focus();
      return;
    }
    if (tooLong) {
      setError(t('comments.tooLong', { max: commentLimits.bodyChars }));
      textarea.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text, mentionsInBody(text, picked));
      setBody('');
      setPicked([]);
    } catch (failure) {
      setError(errorMessage(t, failure));
      textarea.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="composer" onSubmit={submit} data-testid={testId}>
      <label htmlFor={id} className="composer__label">
        {label}
      </label>
      <div className="composer__field">
        <textarea
          id={id}
          ref={textarea}
          className="composer__input"
          value={body}
          rows={3}
          // biome-ignore lint/a11y/noAutofocus: the composer opens because the person asked to write
          autoFocus={autoFocus}
          aria-autocomplete="list"
          aria-controls={listOpen ? ids.list : undefined}
          aria-activedescendant={listOpen ? ids.option(activeOption) : undefined}
          aria-describedby={[ids.hint, ids.count, error ? ids.error : null]
            .filter(Boolean)
            .join(' ')}
          aria-invalid={tooLong || error !== null ? true : undefined}
          onChange={(event) => {
            setBody(event.target.value);
            updateQuery(event.target.value, event.target.selectionStart);
          }}
          onSelect={(event) =>
            updateQuery(event.currentTarget.value, event.currentTarget.selectionStart)
          }
          onBlur={() => setQuery(null)}
          onKeyDown={onKeyDown}
        />
        {listOpen && (
          <div
            id={ids.list}
            role="listbox"
            aria-label={t('comments.mentionList')}
            className="mention-list"
          >
            {matches.map((candidate, i) => (
              <div
                key={`${candidate.mention.kind}:${candidate.label}`}
                id={ids.option(i)}
                role="option"
                tabIndex={-1}
                aria-selected={i === activeOption}
                className="mention-list__option"
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(candidate);
                }}
              >
                {candidate.description}
              </div>
            ))}
          </div>
        )}
      </div>
      <div className="composer__meta">
        <p id={ids.hint} className="field-hint">
          {t('comments.mentionHint')}
        </p>
        <p id={ids.count} className={`composer__count${tooLong ? ' composer__count--over' : ''}`}>
          {t('comments.characters', { count: body.trim().length, max: commentLimits.bodyChars })}
        </p>
      </div>
      {error && (
        <p id={ids.error} className="field-error" role="alert">
          {error}
        </p>
      )}
      {children}
      <div className="composer__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
