/**
 * Review rounds: a facilitator asks the organisations of a partnership to review a document by a
 * deadline; each organisation marks its review done, with an optional summary. Pure types.
 */

export interface ReviewRoundRecord {
  id: string;
  documentId: string;
  partnershipId: string;
  openedBy: string;
  openedAt: number;
  /** When the reviews are due (ms since the epoch). A round stays open past it, overdue. */
  deadline: number;
  /** Who closed it and when; both null while it is open. */
  closedBy: string | null;
  closedAt: number | null;
}

/** One organisation's review of a round: done, by whom, when, with an optional summary. */
export interface ReviewMarkRecord {
  roundId: string;
  organisationId: string;
  markedBy: string;
  markedAt: number;
  /** Plain text, '' when none was given. */
  summary: string;
}

/** A round with the reviews marked so far, in the order they were marked. */
export interface ReviewRoundWithMarks extends ReviewRoundRecord {
  marks: ReviewMarkRecord[];
}

export const reviewChanges = ['opened', 'closed', 'marked'] as const;
export type ReviewChange = (typeof reviewChanges)[number];

/**
 * The live event (sync message 23) sent to every socket on the document after a change of one of
 * its rounds: the round as it is now. Review status is shared with the whole partnership.
 */
export interface ReviewChangedEvent {
  type: 'review.changed';
  documentId: string;
  roundId: string;
  change: ReviewChange;
  actorId: string;
  round: ReviewRoundWithMarks;
}
