import { apiJson, type TestSession } from './session.ts';

/** The API's review-round shapes, as far as the tests read them. */
export interface ReviewMark {
  roundId: string;
  organisationId: string;
  markedBy: string;
  markedAt: number;
  summary: string;
}
export interface ReviewRound {
  id: string;
  documentId: string;
  partnershipId: string;
  openedBy: string;
  deadline: number;
  closedBy: string | null;
  closedAt: number | null;
  marks: ReviewMark[];
}
export interface ReviewRounds {
  current: ReviewRound | null;
  history: ReviewRound[];
  organisations: { id: string; name: string; colour: string }[];
  people: { id: string; name: string | null }[];
}

export const roundsPath = (documentId: string) => `/api/documents/${documentId}/review-rounds`;

const DAY = 24 * 60 * 60 * 1000;

/** Opens a round due in `days` days, as a facilitator. */
export async function openRound(
  facilitator: TestSession,
  documentId: string,
  days = 7,
): Promise<ReviewRound> {
  const { round } = await apiJson<{ round: ReviewRound }>(facilitator, roundsPath(documentId), {
    method: 'POST',
    body: { deadline: Date.now() + days * DAY },
  });
  return round;
}

export function reviewsPath(documentId: string, roundId: string): string {
  return `${roundsPath(documentId)}/${roundId}/reviews`;
}
