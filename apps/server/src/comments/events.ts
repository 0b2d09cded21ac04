import {
  canSeeThread,
  type ThreadChange,
  type ThreadChangedEvent,
  type ThreadWithComments,
} from '@accord/domain';
import type { SyncServer } from '@accord/sync';

/**
 * Pushes a thread's new state (sync message 23) to the sockets open on its document that may
 * see it, and to no other. Two locks: the tags must match (an internal thread also requires the
 * owning organisation's tag, set at the upgrade), and every connection must pass `canSeeThread`
 * on its own tags — a connection without an organisation tag never gets an internal thread.
 * Returns how many sockets it reached.
 */
export function publishThreadChange(
  sync: SyncServer,
  thread: ThreadWithComments,
  change: ThreadChange,
  actorId: string,
): number {
  const event: ThreadChangedEvent = {
    type: 'thread.changed',
    documentId: thread.documentId,
    threadId: thread.id,
    change,
    actorId,
    thread,
  };
  const match: Record<string, string> =
    thread.visibility === 'partnership'
      ? { documentId: thread.documentId }
      : { documentId: thread.documentId, organisationId: thread.organisationId };
  return sync.sendEvent(match, event, (tags) =>
    canSeeThread({ organisationId: tags.organisationId }, thread),
  );
}
