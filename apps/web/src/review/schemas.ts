import { z } from 'zod/mini';

/** A review round and the reviews organisations marked in it, as the API serves them. */
export const reviewMarkSchema = z.object({
  roundId: z.string(),
  organisationId: z.string(),
  markedBy: z.string(),
  markedAt: z.number(),
  summary: z.string(),
});

export const reviewRoundSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  partnershipId: z.string(),
  openedBy: z.string(),
  openedAt: z.number(),
  deadline: z.number(),
  closedBy: z.nullable(z.string()),
  closedAt: z.nullable(z.number()),
  marks: z.array(reviewMarkSchema),
});

export const reviewRoundsSchema = z.object({
  current: z.nullable(reviewRoundSchema),
  history: z.array(reviewRoundSchema),
  organisations: z.array(z.object({ id: z.string(), name: z.string(), colour: z.string() })),
  people: z.array(
    z.object({ id: z.string(), organisationId: z.string(), name: z.nullable(z.string()) }),
  ),
});

export const roundAnswerSchema = z.object({ round: reviewRoundSchema });

/** The live event (sync message 23) after a change of one of the document's rounds. */
export const reviewChangedEventSchema = z.object({
  type: z.literal('review.changed'),
  documentId: z.string(),
  round: reviewRoundSchema,
});

export type ReviewMark = z.infer<typeof reviewMarkSchema>;
export type ReviewRound = z.infer<typeof reviewRoundSchema>;
export type ReviewRounds = z.infer<typeof reviewRoundsSchema>;
