import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiError, createDocument, type DocumentKind, errorMessage } from '../api/index.ts';
import { navigate, paths } from '../app/index.ts';
import { useT } from '../i18n/index.ts';
import { documentKinds, kindDescriptionKey, kindLabelKey } from './kind.ts';

const TITLE_MAX = 200;

export function CreateDocumentForm({ partnershipId }: { partnershipId: string }) {
  const t = useT();
  const ids = {
    title: useId(),
    kind: useId(),
    kindHint: useId(),
    error: useId(),
    heading: useId(),
  };
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>('action-plan');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === '') {
      setError(t('documents.titleRequired'));
      titleRef.current?.focus();
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const created = await createDocument(partnershipId, { title: trimmed, kind });
      navigate(paths.document(created.id));
    } catch (caught) {
      const message =
        caught instanceof ApiError && caught.kind === 'http' && caught.code !== null
          ? errorMessage(t, caught)
          : caught instanceof ApiError && caught.kind === 'network'
            ? t('errors.network')
            : t('errors.documentCreateFailed');
      setError(message);
      setSubmitting(false);
    }
  }

  return (
    <form
      className="panel form"
      data-testid="create-document"
      aria-labelledby={ids.heading}
      onSubmit={handleSubmit}
      noValidate
    >
      <h2 id={ids.heading} className="panel__title">
        {t('documents.new')}
      </h2>
      <div className="field">
        <label htmlFor={ids.title}>{t('documents.titleLabel')}</label>
        <input
          ref={titleRef}
          id={ids.title}
          name="title"
          type="text"
          value={title}
          maxLength={TITLE_MAX}
          autoComplete="off"
          aria-invalid={error !== null && title.trim() === '' ? true : undefined}
          aria-describedby={error === null ? undefined : ids.error}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.kind}>{t('documents.templateLabel')}</label>
        <select
          id={ids.kind}
          name="kind"
          value={kind}
          aria-describedby={ids.kindHint}
          onChange={(event) => setKind(event.target.value as DocumentKind)}
        >
          {documentKinds.map((option) => (
            <option key={option} value={option}>
              {t(kindLabelKey(option))}
            </option>
          ))}
        </select>
        <p id={ids.kindHint} className="field-hint">
          {t(kindDescriptionKey(kind))}
        </p>
      </div>
      {error !== null && (
        <p id={ids.error} className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={submitting}>
        {submitting ? t('documents.creating') : t('documents.create')}
      </button>
    </form>
  );
}
