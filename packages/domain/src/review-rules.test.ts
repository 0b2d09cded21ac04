import { describe, expect, it } from 'vitest';
import { can } from './permissions.ts';
import { reviewLimits } from './review-inputs.ts';
import {
  canManageReviewRounds,
  canMarkReview,
  deadlineProblem,
  isRoundOpen,
  pendingOrganisations,
} from './review-rules.ts';
import { type Role, roles } from './roles.ts';

describe('review round rules, for every role', () => {
  const expected: Record<Role, { manage: boolean; mark: boolean }> = {
    facilitator: { manage: true, mark: true },
    editor: { manage: false, mark: true },
    commenter: { manage: false, mark: true },
    viewer: { manage: false, mark: false },
  };

  it.each(roles)('%s', (role) => {
    expect(canManageReviewRounds(role)).toBe(expected[role].manage);
    expect(can(role, 'review.manage')).toBe(expected[role].manage);
    expect(canMarkReview({ role, organisationId: 'city' }, 'city')).toBe(expected[role].mark);
    // Never for another organisation, whatever the role.
    expect(canMarkReview({ role, organisationId: 'city' }, 'bank')).toBe(false);
  });

  it('refuses a non-member and a person without an organisation', () => {
    expect(canManageReviewRounds(null)).toBe(false);
    expect(canMarkReview({ role: null, organisationId: 'city' }, 'city')).toBe(false);
    expect(canMarkReview({ role: 'editor', organisationId: null }, 'city')).toBe(false);
    expect(canMarkReview({ role: 'editor', organisationId: undefined }, 'city')).toBe(false);
  });
});

describe('deadlines', () => {
  const now = 1_800_000_000_000;
  it('must be in the future, and not more than a year ahead', () => {
    expect(deadlineProblem(now - 1, now)).toBe('past');
    expect(deadlineProblem(now, now)).toBe('past');
    expect(deadlineProblem(now + 1, now)).toBeNull();
    expect(deadlineProblem(now + reviewLimits.maxDeadlineAheadMs, now)).toBeNull();
    expect(deadlineProblem(now + reviewLimits.maxDeadlineAheadMs + 1, now)).toBe('too_far');
  });
});

describe('rounds', () => {
  it('is open until closed', () => {
    expect(isRoundOpen({ closedAt: null })).toBe(true);
    expect(isRoundOpen({ closedAt: 1 })).toBe(false);
  });

  it('lists the organisations still to review, in order', () => {
    const organisations = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(pendingOrganisations(organisations, [{ organisationId: 'b' }])).toEqual([
      { id: 'a' },
      { id: 'c' },
    ]);
    expect(pendingOrganisations(organisations, [])).toEqual(organisations);
  });
});
