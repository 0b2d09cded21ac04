import {
  type CommentRecord,
  canSeeThread,
  type Language,
  type PersonRecord,
  type ThreadWithComments,
} from '@accord/domain';
import type { Store } from '@accord/store';

/** Why a comment is in someone's digest. */
export type DigestReason = 'mentioned-you' | 'mentioned-organisation' | 'replied';

export interface DigestItem {
  reason: DigestReason;
  documentId: string;
  documentTitle: string;
  threadId: string;
  /** The passage the thread is about. */
  quote: string;
  authorName: string | null;
  /** The organisation the comment mentions (for `mentioned-organisation`). */
  organisationName: string | null;
  body: string;
  at: number;
}

export interface DigestSection {
  partnership: { id: string; name: string; language: Language };
  items: DigestItem[];
}

/**
 * What a person's digest holds: in each partnership they are a member of, the comments written
 * by others in `(since, upTo]` that mention them or their organisation, or that reply in a thread
 * they took part in — on threads `canSeeThread` lets them see (the store query is limited to
 * their organisation's view as well: two locks), not deleted, and not already seen in the app
 * (their read marker of the document). Oldest first within a partnership.
 */
export async function collectDigest(
  store: Store,
  person: PersonRecord,
  since: number,
  upTo: number,
): Promise<DigestSection[]> {
  const sections: DigestSection[] = [];
  const names = new Map<string, string | null>();
  const nameOf = async (id: string) => {
    if (!names.has(id)) names.set(id, (await store.getPerson(id))?.name ?? null);
    return names.get(id) ?? null;
  };
  for (const partnership of await store.listPartnershipsOf(person.id)) {
    const threads = (
      await store.listThreads({
        visibleToOrganisationId: person.organisationId,
        scope: { partnershipId: partnership.id },
        activeAfter: since,
      })
    ).filter((thread) => canSeeThread(person, thread));
    if (threads.length === 0) continue;
    const [documents, participations, markers] = await Promise.all([
      store.listDocuments(partnership.id),
      store.listParticipations(partnership.id),
      store.getReadMarkers(person.id, [...new Set(threads.map((t) => t.documentId))]),
    ]);
    const titles = new Map(documents.map((d) => [d.id, d.title]));
    const organisations = new Map(participations.map((p) => [p.organisationId, p.organisation]));
    const items: DigestItem[] = [];
    for (const thread of threads) {
      const seenAt = markers.get(thread.documentId) ?? null;
      for (const comment of thread.comments) {
        if (comment.createdAt <= since || comment.createdAt > upTo) continue;
        if (seenAt !== null && comment.createdAt <= seenAt) continue;
        const reason = reasonFor(comment, thread, person);
        if (reason === null) continue;
        items.push({
          reason,
          documentId: thread.documentId,
          documentTitle: titles.get(thread.documentId) ?? '',
          threadId: thread.id,
          quote: thread.anchor.quote,
          authorName: await nameOf(comment.authorId),
          organisationName:
            reason === 'mentioned-organisation'
              ? (organisations.get(person.organisationId)?.name ?? null)
              : null,
          body: comment.body,
          at: comment.createdAt,
        });
      }
    }
    if (items.length === 0) continue;
    items.sort((a, b) => a.at - b.at);
    sections.push({
      partnership: { id: partnership.id, name: partnership.name, language: partnership.language },
      items,
    });
  }
  return sections;
}

function reasonFor(
  comment: CommentRecord,
  thread: ThreadWithComments,
  person: PersonRecord,
): DigestReason | null {
  if (comment.authorId === person.id || comment.deletedAt !== null) return null;
  const mentions = comment.mentions;
  if (mentions.some((m) => m.kind === 'person' && m.personId === person.id)) {
    return 'mentioned-you';
  }
  if (
    mentions.some((m) => m.kind === 'organisation' && m.organisationId === person.organisationId)
  ) {
    return 'mentioned-organisation';
  }
  const tookPart =
    thread.createdBy === person.id || thread.comments.some((c) => c.authorId === person.id);
  return tookPart ? 'replied' : null;
}
