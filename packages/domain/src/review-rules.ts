import { can } from './permissions.ts';
import { reviewLimits } from './review-inputs.ts';
import type { ReviewRoundRecord } from './review-records.ts';
import type { Role } from './roles.ts';

/**
 * Who may do what with review rounds: pure rules, applied by the server to every call and by the
 * web app only to hide what would be refused. Each assumes the caller is a member of the
 * partnership (their `role` there).
 */

/** Facilitators open and close review rounds. */
export function canManageReviewRounds(role: Role | null | undefined): boolean {
  return can(role, 'review.manage');
}

/**
 * A member marks the review of their own organisation only, and only with a role that takes
 * part in review (facilitator, editor, commenter — see `review.mark` in the policy). Viewers
 * follow the review but do not speak for their organisation.
 */
export function canMarkReview(
  actor: { role: Role | null | undefined; organisationId: string | null | undefined },
  organisationId: string,
): boolean {
  return (
    can(actor.role, 'review.mark') &&
    typeof actor.organisationId === 'string' &&
    actor.organisationId === organisationId
  );
}

export function isRoundOpen(round: Pick<ReviewRoundRecord, 'closedAt'>): boolean {
  return round.closedAt === null;
}

/** Why a deadline is refused, or null when it is acceptable at `now`. */
export function deadlineProblem(deadline: number, now: number): 'past' | 'too_far' | null {
  if (deadline <= now) return 'past';
  if (deadline - now > reviewLimits.maxDeadlineAheadMs) return 'too_far';
  return null;
}

/** The organisations that have not marked their review of a round yet, in the given order. */
export function pendingOrganisations<T extends { id: string }>(
  organisations: readonly T[],
  marks: readonly { organisationId: string }[],
): T[] {
  const done = new Set(marks.map((mark) => mark.organisationId));
  return organisations.filter((organisation) => !done.has(organisation.id));
}
