import { z } from 'zod';
import { ID_PATTERN } from './ids.ts';

/** Limits of review rounds, documented in docs/ARCHITECTURE.md. */
export const reviewLimits = {
  /** Characters of an organisation's review summary. Over it: 413 `summary_too_long`. */
  summaryChars: 2_000,
  /** How far ahead a deadline may be. */
  maxDeadlineAheadMs: 366 * 24 * 60 * 60 * 1000,
  /** Past rounds listed with a document's current one. */
  history: 50,
} as const;

/** Body of `POST /api/documents/:id/review-rounds`: the deadline, ms since the epoch. */
export const openReviewRoundInput = z.object({ deadline: z.number().int().positive() });
export type OpenReviewRoundInput = z.infer<typeof openReviewRoundInput>;

/** Body of `PATCH /api/documents/:id/review-rounds/:roundId`: closing is the only change. */
export const closeReviewRoundInput = z.object({ status: z.literal('closed') });

/**
 * Body of `POST …/review-rounds/:roundId/reviews`: my organisation's review is done. Marking
 * again replaces the summary. `organisationId` defaults to mine; naming another is refused.
 */
export const markReviewInput = z.object({
  organisationId: z.string().regex(ID_PATTERN, 'an id').optional(),
  summary: z
    .string()
    .trim()
    .max(reviewLimits.summaryChars, `at most ${reviewLimits.summaryChars} characters`)
    .default(''),
});
export type MarkReviewInput = z.infer<typeof markReviewInput>;
