import { describe, expect, it } from 'vitest';
import { applyRound, dateValue, deadlineFromDate } from './rounds.ts';
import type { ReviewRound, ReviewRounds } from './schemas.ts';

const round = (id: string, closedAt: number | null = null): ReviewRound => ({
  id,
  documentId: 'd',
  partnershipId: 'p',
  openedBy: 'a',
  openedAt: 1,
  deadline: 2,
  closedBy: closedAt === null ? null : 'a',
  closedAt,
  marks: [],
});
const empty: ReviewRounds = { current: null, history: [], organisations: [], people: [] };

describe('applyRound', () => {
  it('makes an open round current and moves a closed one to the history', () => {
    const opened = applyRound(empty, round('r1'));
    expect(opened.current?.id).toBe('r1');
    const closed = applyRound(opened, round('r1', 5));
    expect(closed.current).toBeNull();
    expect(closed.history.map((r) => r.id)).toEqual(['r1']);
    const next = applyRound(closed, round('r2'));
    expect(next.current?.id).toBe('r2');
    expect(next.history.map((r) => r.id)).toEqual(['r1']);
  });

  it('keeps another current round when an old one is re-announced closed', () => {
    const state = { ...empty, current: round('r2') };
    expect(applyRound(state, round('r1', 3)).current?.id).toBe('r2');
  });
});

describe('deadline dates', () => {
  it('reads a date field as the end of that local day, and back', () => {
    const deadline = deadlineFromDate('2026-12-04');
    expect(deadline).not.toBeNull();
    const date = new Date(deadline!);
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours()]).toEqual([
      2026, 11, 4, 23,
    ]);
    expect(dateValue(deadline!)).toBe('2026-12-04');
    expect(deadlineFromDate('')).toBeNull();
    expect(deadlineFromDate('04/12/2026')).toBeNull();
  });
});
