import type { ThreadChange, ThreadWithComments } from '@accord/domain';
import type { Store } from '@accord/store';
import type { SyncServer } from '@accord/sync';
import { auditThreadChange } from './audit.ts';
import { publishThreadChange } from './events.ts';

/**
 * After a change is stored: the people looking at the document who may see the thread get it at
 * once (live event), then the action is recorded in the thread's audit chain.
 */
export async function announceThreadChange(
  deps: { store: Store; sync: SyncServer },
  thread: ThreadWithComments,
  change: ThreadChange,
  actor: { personId: string; organisationId: string },
  at: number,
  commentId?: string,
): Promise<void> {
  publishThreadChange(deps.sync, thread, change, actor.personId);
  await auditThreadChange(deps.store, thread, change, actor, at, commentId);
}
