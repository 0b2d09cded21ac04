import type { ReviewRound, ReviewRounds } from './schemas.ts';

/**
 * A round that changed (from an answer or a live event) applied to what the page shows: an open
 * round becomes the current one; a closed one moves to the history. Pure, for the strip's state.
 */
export function applyRound(rounds: ReviewRounds, round: ReviewRound): ReviewRounds {
  const history = rounds.history.filter((r) => r.id !== round.id);
  if (round.closedAt === null) return { ...rounds, current: round, history };
  const current = rounds.current?.id === round.id ? null : rounds.current;
  return { ...rounds, current, history: [round, ...history] };
}

/** The deadline from a date field (`YYYY-MM-DD`): the end of that day, in local time. */
export function deadlineFromDate(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 0, 0);
  return Number.isNaN(date.getTime()) ? null : date.getTime();
}

/** `YYYY-MM-DD` of a local date, for a date field's value and `min`. */
export function dateValue(timestamp: number): string {
  const date = new Date(timestamp);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
