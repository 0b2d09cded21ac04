import { PresenceStamp } from '@accord/sync';
import { describe, expect, it } from 'vitest';
import { SocketIdentities, type SocketIdentity } from './sync-identity.ts';

const identity = (role: 'editor' | 'viewer', sessionId = 's1'): SocketIdentity => ({
  tags: { personId: 'p1', organisationId: 'o1', partnershipId: 'x1', sessionId },
  role,
  readOnly: role === 'viewer',
  presence: new PresenceStamp({ name: 'Sophie (Tremplin)' }),
  session: null,
});

describe('SocketIdentities', () => {
  it('shares one identity between the sockets of a session, until the last one closes', () => {
    const identities = new SocketIdentities();
    const first = identities.acquire(identity('editor'));
    const second = identities.acquire(identity('editor'));
    expect(second).toBe(first);
    expect(identities.size).toBe(1);
    identities.release(first);
    expect(identities.size).toBe(1);
    identities.release(second);
    expect(identities.size).toBe(0);
    // A new socket after that gets its own admission's facts.
    const fresh = identity('editor');
    expect(identities.acquire(fresh)).toBe(fresh);
  });

  it('never hands a socket another admission’s role or session', () => {
    const identities = new SocketIdentities();
    const editor = identities.acquire(identity('editor'));
    const viewer = identities.acquire(identity('viewer'));
    const otherSession = identities.acquire(identity('editor', 's2'));
    expect(viewer).not.toBe(editor);
    expect(viewer.readOnly).toBe(true);
    expect(otherSession).not.toBe(editor);
    expect(identities.size).toBe(3);
  });
});
