import type { PersonRecord } from '@accord/domain';
import type { Store } from '@accord/store';
import type { Mailer } from '../mail/mailer.ts';
import { collectDigest } from './collect.ts';
import { digestMail } from './template.ts';

export interface DigestRunOptions {
  store: Store;
  mailer: Mailer;
  /** Base of the links in the mail (ACCORD_PUBLIC_URL). */
  publicUrl: string;
  /** How often digests go out: a person never digested yet gets what came in the last period. */
  intervalMs: number;
  now?: () => number;
}

export interface DigestRunResult {
  people: number;
  sent: number;
  failed: number;
}

/**
 * One round of digests: for every person with an email who is a member of a partnership, what
 * came since their last digest (`collectDigest`), in one mail — or nothing when nothing did.
 * Their marker moves to the end of what was considered once the mail is accepted (or when there
 * was nothing to send); a failed send keeps it, so the next round tries the same items again.
 */
export async function sendDigests(options: DigestRunOptions): Promise<DigestRunResult> {
  const { store, mailer } = options;
  const now = options.now ?? Date.now;
  const result: DigestRunResult = { people: 0, sent: 0, failed: 0 };
  if (!mailer.enabled) return result;
  for (const person of await digestRecipients(store)) {
    result.people += 1;
    // Just before the reads: a comment stored later in this millisecond waits for the next one.
    const upTo = now() - 1;
    const since = (await store.getDigestMarker(person.id)) ?? upTo - options.intervalMs;
    const sections = await collectDigest(store, person, since, upTo);
    if (sections.length > 0) {
      try {
        await mailer.send({
          to: { name: person.name, address: person.email! },
          ...digestMail({
            language: sections[0]!.partnership.language,
            name: person.name,
            sections,
            publicUrl: options.publicUrl,
          }),
        });
        result.sent += 1;
      } catch (error) {
        result.failed += 1;
        const reason = error instanceof Error ? error.message : String(error);
        console.error(`[digest] mail to person ${person.id} not sent: ${reason}`);
        continue;
      }
    }
    await store.setDigestMarker(person.id, upTo);
  }
  return result;
}

/** Everyone who could get a digest: members of a partnership, with an email, not erased. */
async function digestRecipients(store: Store): Promise<PersonRecord[]> {
  const people = new Map<string, PersonRecord>();
  for (const partnership of await store.listPartnerships()) {
    for (const member of await store.listMembers(partnership.id)) {
      const { person } = member;
      if (person.email && person.erasedAt === null) people.set(person.id, person);
    }
  }
  return [...people.values()];
}
