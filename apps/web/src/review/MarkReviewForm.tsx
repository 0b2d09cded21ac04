import { reviewLimits } from '@accord/domain';
import { useState } from 'react';
import { FormError, SubmitRow, TextField, useFormSubmission } from '../forms/index.ts';
import { useT } from '../i18n/index.ts';
import { markReviewDone } from './api.ts';
import { reviewErrorMessage } from './errors.ts';
import type { ReviewMark, ReviewRound } from './schemas.ts';

const FIELDS = ['summary'] as const;

/**
 * "Mark our review done", with an optional summary, for my organisation. Once marked, the same
 * form (behind a button) replaces the summary.
 */
export function MarkReviewForm({
  round,
  mark,
  onMarked,
}: {
  round: ReviewRound;
  /** My organisation's review of this round, if marked already. */
  mark: ReviewMark | null;
  onMarked: (round: ReviewRound) => void;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [summary, setSummary] = useState(mark?.summary ?? '');
  const { errors, formError, submitting, submit, register } = useFormSubmission(FIELDS);

  if (!editing) {
    return (
      <button
        type="button"
        className={mark ? 'button button--ghost' : 'button button--primary'}
        onClick={() => {
          setSummary(mark?.summary ?? '');
          setEditing(true);
        }}
      >
        {mark ? t('review.editMark') : t('review.markDone')}
      </button>
    );
  }

  return (
    <form
      className="form review-strip__form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const tooLong = summary.trim().length > reviewLimits.summaryChars;
        void submit(
          {
            summary: tooLong
              ? t('review.summaryTooLong', { max: reviewLimits.summaryChars })
              : null,
          },
          async () => {
            onMarked(await markReviewDone(round.documentId, round.id, summary));
            setEditing(false);
          },
          { onFailure: (error) => ({ form: reviewErrorMessage(t, error) }) },
        );
      }}
    >
      <TextField
        name="summary"
        label={t('review.summaryLabel')}
        hint={t('review.summaryHint')}
        value={summary}
        onChange={setSummary}
        error={errors.summary}
        maxLength={reviewLimits.summaryChars}
        multiline
        inputRef={register('summary')}
      />
      <FormError message={formError} />
      <SubmitRow
        submitting={submitting}
        label={t('review.confirmDone')}
        busyLabel={t('review.saving')}
      >
        <button type="button" className="button button--ghost" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </button>
      </SubmitRow>
    </form>
  );
}
