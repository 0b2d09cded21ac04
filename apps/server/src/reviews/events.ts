import type { ReviewChange, ReviewChangedEvent, ReviewRoundWithMarks } from '@accord/domain';
import type { SyncServer } from '@accord/sync';

/**
 * Pushes a round's new state (sync message 23) to every socket open on its document: review
 * status is shared with the whole partnership, so the document tag alone chooses the audience
 * (like a shared thread). Returns how many sockets it reached.
 */
export function publishReviewChange(
  sync: SyncServer,
  round: ReviewRoundWithMarks,
  change: ReviewChange,
  actorId: string,
): number {
  const event: ReviewChangedEvent = {
    type: 'review.changed',
    documentId: round.documentId,
    roundId: round.id,
    change,
    actorId,
    round,
  };
  return sync.sendEvent({ documentId: round.documentId }, event);
}
