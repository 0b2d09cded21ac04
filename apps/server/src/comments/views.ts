import { type ThreadWithComments, unreadCount } from '@accord/domain';
import type { Store } from '@accord/store';
import { publicPerson } from '../people.ts';

/** A thread as the API serves it to one person: with how many of its comments are new to them. */
export interface ThreadView extends ThreadWithComments {
  unread: number;
}

export function threadView(
  thread: ThreadWithComments,
  viewerId: string,
  seenAt: number | null,
): ThreadView {
  return { ...thread, unread: unreadCount(thread.comments, viewerId, seenAt) };
}

/**
 * Everyone the threads name — authors, resolvers, people mentioned — as others may see them, so a
 * client can show names of people who have since left (or a neutral label once erased).
 */
export async function peopleOf(store: Store, threads: readonly ThreadWithComments[]) {
  const ids = new Set<string>();
  for (const thread of threads) {
    ids.add(thread.createdBy);
    if (thread.resolvedBy) ids.add(thread.resolvedBy);
    for (const comment of thread.comments) {
      ids.add(comment.authorId);
      for (const mention of comment.mentions) {
        if (mention.kind === 'person') ids.add(mention.personId);
      }
    }
  }
  const people = await Promise.all([...ids].map((id) => store.getPerson(id)));
  return people.filter((p) => p !== undefined).map(publicPerson);
}
