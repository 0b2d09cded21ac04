import { type FormEvent, useId, useState } from 'react';
import { ApiError, createDocument, type DocumentKind, errorMessage } from '../api/index.ts';
import { navigate, paths } from '../app/index.ts';
import { SubmitButton, useFormSubmission } from '../forms/index.ts';
import { type Translate, useT } from '../i18n/index.ts';
import { documentKinds, kindDescriptionKey, kindLabelKey } from './kind.ts';

const TITLE_MAX = 200;
const ORDER = ['title'] as const;

/** The server's refusal when it gave a reason; otherwise a network problem or a plain failure. */
function failureMessage(t: Translate, caught: unknown): string {
  if (caught instanceof ApiError && caught.kind === 'http' && caught.code !== null) {
    return errorMessage(t, caught);
  }
  return caught instanceof ApiError && caught.kind === 'network'
    ? t('errors.network')
    : t('errors.documentCreateFailed');
}

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
  const { errors, formError, submitting, submit, register } = useFormSubmission(ORDER);
  // One message under the form: the missing title, or why the server refused.
  const error = errors.title ?? formError;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = title.trim();
    await submit(
      { title: trimmed === '' ? t('documents.titleRequired') : null },
      async () => {
        const created = await createDocument(partnershipId, { title: trimmed, kind });
        navigate(paths.document(created.id));
      },
      { leaves: true, onFailure: (caught) => ({ form: failureMessage(t, caught) }) },
    );
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
          ref={register('title')}
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
      <SubmitButton
        submitting={submitting}
        label={t('documents.create')}
        busyLabel={t('documents.creating')}
      />
    </form>
  );
}
