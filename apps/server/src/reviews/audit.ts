import type { ReviewChange, ReviewRoundRecord } from '@accord/domain';
import type { Store } from '@accord/store';
import { appendAudit, partnershipChain } from '../audit.ts';

/** The audit action of each change of a review round. */
export const reviewAuditActions: Readonly<Record<ReviewChange, string>> = {
  opened: 'review.opened',
  closed: 'review.closed',
  marked: 'review.marked',
};

/**
 * Records a review action in the partnership's chain (review status is shared with every
 * member): who by id, their organisation, when, the round and its deadline — never the summary
 * (a log is downloaded by everyone it is shared with and kept forever; the summary stays in the
 * round).
 */
export function auditReviewChange(
  store: Store,
  round: Pick<ReviewRoundRecord, 'id' | 'partnershipId' | 'documentId' | 'deadline'>,
  change: ReviewChange,
  actor: { personId: string; organisationId: string },
  at: number,
) {
  return appendAudit(store, partnershipChain(round.partnershipId), {
    actorId: actor.personId,
    action: reviewAuditActions[change],
    at,
    data: {
      partnershipId: round.partnershipId,
      documentId: round.documentId,
      roundId: round.id,
      organisationId: actor.organisationId,
      deadline: round.deadline,
    },
  });
}
