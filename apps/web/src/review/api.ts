import { apiRequest } from '../api/index.ts';
import {
  type ReviewRound,
  type ReviewRounds,
  reviewRoundsSchema,
  roundAnswerSchema,
} from './schemas.ts';

const base = (documentId: string) =>
  `/api/documents/${encodeURIComponent(documentId)}/review-rounds`;

export function fetchReviewRounds(documentId: string, signal?: AbortSignal): Promise<ReviewRounds> {
  return apiRequest(base(documentId), reviewRoundsSchema, { signal });
}

export async function openReviewRound(documentId: string, deadline: number): Promise<ReviewRound> {
  const answer = await apiRequest(base(documentId), roundAnswerSchema, {
    method: 'POST',
    body: { deadline },
  });
  return answer.round;
}

export async function closeReviewRound(documentId: string, roundId: string): Promise<ReviewRound> {
  const answer = await apiRequest(
    `${base(documentId)}/${encodeURIComponent(roundId)}`,
    roundAnswerSchema,
    { method: 'PATCH', body: { status: 'closed' } },
  );
  return answer.round;
}

/** Marks my organisation's review of the round done (again: replaces the summary). */
export async function markReviewDone(
  documentId: string,
  roundId: string,
  summary: string,
): Promise<ReviewRound> {
  const answer = await apiRequest(
    `${base(documentId)}/${encodeURIComponent(roundId)}/reviews`,
    roundAnswerSchema,
    { method: 'POST', body: { summary } },
  );
  return answer.round;
}
