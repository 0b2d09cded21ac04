import { ApiError, errorMessage } from '../api/index.ts';
import type { Translate } from '../i18n/index.ts';

/** A failed review call in plain words: the review codes first, then the common ones. */
export function reviewErrorMessage(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'review_round_open':
        return t('review.errors.roundOpen');
      case 'review_round_closed':
        return t('review.errors.roundClosed');
      case 'invalid_deadline':
        return t('review.deadlinePast');
      case 'summary_too_long':
        return t('review.errors.summaryTooLong');
      case 'document_archived':
        return t('review.errors.archived');
    }
  }
  return errorMessage(t, error);
}
