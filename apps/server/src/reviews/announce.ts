import type { ReviewChange, ReviewRoundWithMarks } from '@accord/domain';
import type { Store } from '@accord/store';
import type { SyncServer } from '@accord/sync';
import { auditReviewChange } from './audit.ts';
import { publishReviewChange } from './events.ts';

/** After a round changed in the store: tell the document's sockets, then record the action. */
export async function announceReviewChange(
  deps: { store: Store; sync: SyncServer },
  round: ReviewRoundWithMarks,
  change: ReviewChange,
  actor: { personId: string; organisationId: string },
  at: number,
): Promise<void> {
  publishReviewChange(deps.sync, round, change, actor.personId);
  await auditReviewChange(deps.store, round, change, actor, at);
}
