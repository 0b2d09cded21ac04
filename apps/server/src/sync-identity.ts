import type { Role, SessionRecord } from '@accord/domain';
import type { ConnectionTags, PresenceStamp } from '@accord/sync';

/** Who is on a document socket, as the sync core and the socket's listeners need it. */
export interface SocketIdentity {
  /** personId, organisationId, partnershipId, sessionId (`documentId` is the room's). */
  readonly tags: ConnectionTags;
  readonly role: Role;
  readonly readOnly: boolean;
  readonly presence: PresenceStamp;
  /** The cookie session to keep alive while its person types; null with a ticket. */
  readonly session: SessionRecord | null;
}

interface Entry {
  identity: SocketIdentity;
  sockets: number;
}

/**
 * Identities shared by the sockets of one browser session in one partnership: a person's tabs
 * (one per document, or the same document twice) carry the same tags, presence stamp and session
 * record, so they share one copy instead of one per socket, and touching the session once keeps
 * it alive for all of them. An entry lives as long as a socket uses it. Anything that changes
 * the identity (a new role, a renamed organisation) gives a new key, so a socket never sees
 * another admission's facts.
 */
export class SocketIdentities {
  readonly #entries = new Map<string, Entry>();

  /** The shared identity equal to `fresh`, or `fresh` itself (now shared) if there is none. */
  acquire(fresh: SocketIdentity): SocketIdentity {
    const key = keyOf(fresh);
    const entry = this.#entries.get(key);
    if (entry) {
      entry.sockets++;
      return entry.identity;
    }
    this.#entries.set(key, { identity: fresh, sockets: 1 });
    return fresh;
  }

  release(identity: SocketIdentity): void {
    const key = keyOf(identity);
    const entry = this.#entries.get(key);
    if (entry?.identity !== identity) return;
    if (--entry.sockets === 0) this.#entries.delete(key);
  }

  /** Identities in use (for tests). */
  get size(): number {
    return this.#entries.size;
  }
}

function keyOf({ tags, role, readOnly, presence }: SocketIdentity): string {
  return JSON.stringify([tags, role, readOnly, presence.json]);
}
