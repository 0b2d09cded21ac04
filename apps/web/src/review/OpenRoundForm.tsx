import { reviewLimits } from '@accord/domain';
import { useId, useState } from 'react';
import { FormError, SubmitRow, useFormSubmission } from '../forms/index.ts';
import { useT } from '../i18n/index.ts';
import { openReviewRound } from './api.ts';
import { reviewErrorMessage } from './errors.ts';
import { dateValue, deadlineFromDate } from './rounds.ts';
import type { ReviewRound } from './schemas.ts';

const DAY = 24 * 60 * 60 * 1000;
const FIELDS = ['deadline'] as const;

/** A facilitator opens a review round: its deadline is the end of the chosen day. */
export function OpenRoundForm({
  documentId,
  onOpened,
  onCancel,
}: {
  documentId: string;
  onOpened: (round: ReviewRound) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const [date, setDate] = useState(() => dateValue(Date.now() + 7 * DAY));
  const { errors, formError, submitting, submit, register } = useFormSubmission(FIELDS);
  const now = Date.now();

  return (
    <form
      className="form review-strip__form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const deadline = deadlineFromDate(date);
        const problem =
          deadline === null
            ? t('review.deadlineRequired')
            : deadline <= Date.now()
              ? t('review.deadlinePast')
              : deadline - Date.now() > reviewLimits.maxDeadlineAheadMs
                ? t('review.deadlineTooFar')
                : null;
        void submit(
          { deadline: problem },
          async () => onOpened(await openReviewRound(documentId, deadline ?? 0)),
          { onFailure: (error) => ({ form: reviewErrorMessage(t, error) }) },
        );
      }}
    >
      <div className="field">
        <label htmlFor={id}>{t('review.deadlineLabel')}</label>
        <p id={`${id}-hint`} className="field-hint">
          {t('review.deadlineHint')}
        </p>
        <input
          ref={register('deadline')}
          id={id}
          type="date"
          name="deadline"
          value={date}
          min={dateValue(now)}
          max={dateValue(now + reviewLimits.maxDeadlineAheadMs)}
          required
          aria-invalid={errors.deadline ? true : undefined}
          aria-describedby={errors.deadline ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(event) => setDate(event.target.value)}
        />
        {errors.deadline && (
          <p id={`${id}-error`} className="field-error">
            {errors.deadline}
          </p>
        )}
      </div>
      <FormError message={formError} />
      <SubmitRow
        submitting={submitting}
        label={t('review.openConfirm')}
        busyLabel={t('review.saving')}
      >
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </SubmitRow>
    </form>
  );
}
