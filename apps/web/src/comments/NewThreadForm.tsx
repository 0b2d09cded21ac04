import { useId, useState } from 'react';
import { createThread, type Thread } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import { Composer } from './Composer.tsx';
import type { CommentsEnv } from './env.ts';

/** The first comment of a new thread on the selected passage, and who may read it. */
export function NewThreadForm({
  env,
  anchor,
  onCreated,
  onCancel,
}: {
  env: CommentsEnv;
  anchor: Thread['anchor'];
  onCreated: (thread: Thread) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const name = useId();
  const [visibility, setVisibility] = useState<Thread['visibility']>('partnership');
  const organisation = env.organisationName(env.actor.organisationId);
  const options = [
    {
      value: 'partnership' as const,
      label: t('comments.visibilityPartnership'),
      hint: t('comments.visibilityPartnershipHint'),
    },
    {
      value: 'organisation' as const,
      label: t('comments.visibilityOrganisation', { organisation }),
      hint: t('comments.visibilityOrganisationHint', { organisation }),
    },
  ];

  return (
    <section className="new-thread" aria-labelledby={`${name}-title`} data-testid="new-thread">
      <h3 id={`${name}-title`} className="new-thread__title">
        {t('comments.newThread')}
      </h3>
      <p className="visually-hidden">{t('comments.onPassage')}</p>
      <blockquote className="thread__quote">{anchor.quote}</blockquote>
      <Composer
        label={t('comments.bodyLabel')}
        submitLabel={t('comments.publish')}
        candidates={env.candidatesFor({ visibility, organisationId: env.actor.organisationId })}
        autoFocus
        onCancel={onCancel}
        onSubmit={async (body, mentions) => {
          onCreated(await createThread(env.documentId, { anchor, body, visibility, mentions }));
        }}
      >
        <fieldset className="visibility-choice">
          <legend>{t('comments.visibility')}</legend>
          {options.map((option) => (
            <label
              key={option.value}
              className={`visibility-choice__option visibility-choice__option--${option.value}`}
            >
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={visibility === option.value}
                onChange={() => setVisibility(option.value)}
              />
              <span>
                <span className="visibility-choice__label">{option.label}</span>
                <span className="visibility-choice__hint">{option.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
      </Composer>
    </section>
  );
}
