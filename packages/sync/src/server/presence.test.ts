import { describe, expect, it } from 'vitest';
import { readAwarenessEntries } from './awareness-guard.ts';
import type { Connection } from './connection.ts';
import { PRESENCE_TIMEOUT_MS, Presence } from './presence.ts';
import { PresenceStamp } from './presence-stamp.ts';

// Ownership is compared by identity only: any distinct objects stand for two connections.
const alice = {} as Connection;
const bob = {} as Connection;
const decoded = (update: Uint8Array) =>
  readAwarenessEntries(update).map(({ clientId, clock, state }) => ({
    clientId,
    clock,
    state: JSON.parse(state) as unknown,
  }));

describe('Presence', () => {
  it('keeps the server’s clock: an owner’s change is always newer than what peers saw', () => {
    const presence = new Presence();
    expect(presence.set(1, 7, '{"a":1}', null, alice, 0)).toBe(7);
    // A reconnecting client counts from below: the server still moves forward.
    expect(presence.set(1, 2, '{"a":2}', null, alice, 10)).toBe(8);
    expect(decoded(presence.encode([1]))).toEqual([{ clientId: 1, clock: 8, state: { a: 2 } }]);
  });

  it('sends stamped states, and removes what a leaving connection owned', () => {
    const presence = new Presence();
    const stamp = new PresenceStamp({ name: 'Alice' });
    presence.set(1, 1, '{"focusing":true}', stamp, alice, 0);
    presence.set(2, 1, '{"b":1}', null, bob, 0);
    expect(decoded(presence.encodeAll())).toEqual([
      { clientId: 1, clock: 1, state: { focusing: true, name: 'Alice' } },
      { clientId: 2, clock: 1, state: { b: 1 } },
    ]);
    expect(presence.removeOwnedBy(alice, 5)).toEqual([1]);
    expect(presence.ownerOf(1)).toBeNull();
    expect(decoded(presence.encode([1]))).toEqual([{ clientId: 1, clock: 2, state: null }]);
    expect(decoded(presence.encodeAll()).map((e) => e.clientId)).toEqual([2]);
  });

  it('sweeps presences nobody renewed, then forgets the departures', () => {
    const presence = new Presence();
    presence.set(1, 1, '{}', null, alice, 0);
    presence.set(2, 1, '{}', null, bob, 20_000);
    expect(presence.sweep(PRESENCE_TIMEOUT_MS - 1)).toEqual([]);
    expect(presence.sweep(PRESENCE_TIMEOUT_MS)).toEqual([1]);
    expect(presence.hasStates).toBe(true);
    expect(presence.sweep(20_000 + PRESENCE_TIMEOUT_MS)).toEqual([2]);
    expect(presence.hasStates).toBe(false);
    // The removal is remembered a while (a returning client must look newer to peers)…
    expect(decoded(presence.encode([1]))).toEqual([{ clientId: 1, clock: 2, state: null }]);
    // …then forgotten.
    presence.sweep(PRESENCE_TIMEOUT_MS + 10 * 60_000);
    expect(presence.encode([1])).toEqual(new Uint8Array([0]));
  });

  it('takes a peer process’s change only when newer, and never over a local owner', () => {
    const presence = new Presence();
    expect(presence.applyRemote({ clientId: 5, clock: 3, state: '{"r":1}' }, 0)).toBe(true);
    expect(presence.applyRemote({ clientId: 5, clock: 3, state: '{"r":2}' }, 0)).toBe(false);
    expect(presence.applyRemote({ clientId: 5, clock: 3, state: 'null' }, 0)).toBe(true);
    presence.set(6, 1, '{}', null, alice, 0);
    expect(presence.applyRemote({ clientId: 6, clock: 9, state: '{"forged":1}' }, 0)).toBe(false);
  });
});
