import type { CommentThreadRecord, ThreadChange } from '@accord/domain';
import type { Store } from '@accord/store';
import { appendAudit, organisationChain, partnershipChain } from '../audit.ts';

/**
 * Where a thread's actions are recorded: a shared thread in the partnership's chain, which every
 * member downloads; an internal thread only in its organisation's own chain. Anything but
 * 'partnership' counts as internal, so a stray value can never leak into the shared log.
 */
export function threadChain(
  thread: Pick<CommentThreadRecord, 'visibility' | 'partnershipId' | 'organisationId'>,
): string {
  return thread.visibility === 'partnership'
    ? partnershipChain(thread.partnershipId)
    : organisationChain(thread.organisationId);
}

/** The audit action of each change. */
export const threadAuditActions: Readonly<Record<ThreadChange, string>> = {
  created: 'thread.created',
  replied: 'comment.created',
  edited: 'comment.edited',
  deleted: 'comment.deleted',
  resolved: 'thread.resolved',
  reopened: 'thread.reopened',
};

/**
 * Records a comment action: who (by id), their organisation, when, and which thread and comment
 * — never what the comment says (an audit log is downloaded by everyone it is shared with and
 * kept forever).
 */
export function auditThreadChange(
  store: Store,
  thread: Pick<
    CommentThreadRecord,
    'id' | 'visibility' | 'partnershipId' | 'organisationId' | 'documentId'
  >,
  change: ThreadChange,
  actor: { personId: string; organisationId: string },
  at: number,
  commentId?: string,
) {
  return appendAudit(store, threadChain(thread), {
    actorId: actor.personId,
    action: threadAuditActions[change],
    at,
    data: {
      partnershipId: thread.partnershipId,
      documentId: thread.documentId,
      threadId: thread.id,
      ...(commentId !== undefined && { commentId }),
      organisationId: actor.organisationId,
      visibility: thread.visibility,
    },
  });
}
