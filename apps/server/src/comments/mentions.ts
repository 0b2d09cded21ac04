import { type Mention, mayMention, type ThreadVisibility } from '@accord/domain';
import type { Store } from '@accord/store';

/**
 * Checks the people and organisations a comment mentions: each must take part in the thread's
 * partnership now (a member; a participating organisation), and an internal thread may only
 * mention its own organisation and its people. Duplicates are dropped. Returns the mentions to
 * store, or why they are refused.
 */
export async function checkMentions(
  store: Store,
  thread: { partnershipId: string; visibility: ThreadVisibility; organisationId: string },
  mentions: readonly Mention[],
): Promise<{ ok: true; mentions: Mention[] } | { ok: false; message: string }> {
  const unique = new Map<string, Mention>();
  for (const mention of mentions) {
    const key = mention.kind === 'person' ? `p:${mention.personId}` : `o:${mention.organisationId}`;
    unique.set(key, mention);
  }
  for (const mention of unique.values()) {
    let organisationId: string | undefined;
    if (mention.kind === 'person') {
      const member = await store.getMembership(thread.partnershipId, mention.personId);
      organisationId = member && (await store.getPerson(mention.personId))?.organisationId;
      if (!organisationId) {
        return { ok: false, message: `mentions: ${mention.personId} is not a member here` };
      }
    } else {
      const participation = await store.getParticipation(
        thread.partnershipId,
        mention.organisationId,
      );
      if (!participation || participation.leftAt !== null) {
        return { ok: false, message: `mentions: ${mention.organisationId} does not take part` };
      }
      organisationId = mention.organisationId;
    }
    if (!mayMention(thread, organisationId)) {
      return {
        ok: false,
        message: 'mentions: an internal note may only mention its own organisation and its people',
      };
    }
  }
  return { ok: true, mentions: [...unique.values()] };
}
