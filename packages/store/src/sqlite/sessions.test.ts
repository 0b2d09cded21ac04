import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecord, Store } from '../store.ts';
import { createSqliteStore } from './sqlite-store.ts';
import { makeTempDir, seedPeople, storeError } from './test-support.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let store: Store;
beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'accord.db');
  store = createSqliteStore({ path: file });
  await seedPeople(store);
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

function session(id: string, personId: string, expiresAt = 10_000): SessionRecord {
  return { id, personId, csrfToken: `csrf-${id}`, createdAt: 100, lastSeenAt: 100, expiresAt };
}

describe('sessions', () => {
  it('creates and gets a session, expired or not', async () => {
    await store.createSession(session('s1', 'ana'));
    await store.createSession(session('old', 'ana', 50));
    expect(await store.getSession('s1')).toEqual(session('s1', 'ana'));
    expect(await store.getSession('old')).toEqual(session('old', 'ana', 50));
    expect(await store.getSession('ghost')).toBeUndefined();
    await storeError(store.createSession(session('s1', 'bo')), 'already_exists');
    await storeError(store.createSession(session('s9', 'ghost')), 'unknown_person');
  });

  it('moves lastSeenAt and expiresAt forward only, and never revives a deleted session', async () => {
    await store.createSession(session('s1', 'ana'));
    await store.touchSession('s1', 500, 20_000);
    expect(await store.getSession('s1')).toMatchObject({ lastSeenAt: 500, expiresAt: 20_000 });
    // A touch that arrives late (an older request) does not shorten the session.
    await store.touchSession('s1', 300, 15_000);
    expect(await store.getSession('s1')).toMatchObject({ lastSeenAt: 500, expiresAt: 20_000 });
    await store.deleteSession('s1');
    await store.touchSession('s1', 900, 30_000);
    expect(await store.getSession('s1')).toBeUndefined();
    await store.deleteSession('s1');
  });

  it('deletes every session of a person, or all but one, and returns their ids', async () => {
    for (const id of ['a1', 'a2', 'a3']) await store.createSession(session(id, 'ana'));
    await store.createSession(session('b1', 'bo'));
    expect((await store.deleteSessionsOf('ana', 'a2')).sort()).toEqual(['a1', 'a3']);
    expect(await store.getSession('a2')).toBeDefined();
    expect(await store.getSession('b1')).toBeDefined();
    expect(await store.deleteSessionsOf('ana')).toEqual(['a2']);
    expect(await store.deleteSessionsOf('ana')).toEqual([]);
    expect(await store.getSession('b1')).toBeDefined();
  });

  it('sweeps the sessions expired at `now` (expiresAt <= now) and returns them', async () => {
    await store.createSession(session('past', 'ana', 900));
    await store.createSession(session('edge', 'bo', 1_000));
    await store.createSession(session('live', 'ana', 1_001));
    const swept = await store.deleteExpiredSessions(1_000);
    expect(swept.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      session('edge', 'bo', 1_000),
      session('past', 'ana', 900),
    ]);
    expect(await store.getSession('live')).toBeDefined();
    expect(await store.getSession('past')).toBeUndefined();
    expect(await store.deleteExpiredSessions(1_000)).toEqual([]);
  });
});

describe('tickets', () => {
  it('lets a ticket be used once, before it expires', async () => {
    await store.createTicket({ hash: 't1', personId: 'ana', expiresAt: 1_000 });
    expect(await store.consumeTicket('t1', 999)).toBe('ana');
    expect(await store.consumeTicket('t1', 999)).toBeUndefined();
    expect(await store.consumeTicket('ghost', 1)).toBeUndefined();
  });

  it('refuses an expired ticket (expiresAt <= now)', async () => {
    await store.createTicket({ hash: 't1', personId: 'ana', expiresAt: 1_000 });
    expect(await store.consumeTicket('t1', 1_000)).toBeUndefined();
    // Not marked used by the failed attempt: it is simply expired.
    expect(await store.consumeTicket('t1', 999)).toBe('ana');
  });

  it('gives a ticket to exactly one caller, whichever connection to the file it uses', async () => {
    await store.createTicket({ hash: 't1', personId: 'ana', expiresAt: 1_000 });
    const other = createSqliteStore({ path: file });
    try {
      const results = await Promise.all([
        store.consumeTicket('t1', 10),
        other.consumeTicket('t1', 10),
        store.consumeTicket('t1', 10),
      ]);
      expect(results.filter((r) => r === 'ana')).toHaveLength(1);
      expect(results.filter((r) => r === undefined)).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it('refuses a taken hash and an unknown person', async () => {
    await store.createTicket({ hash: 't1', personId: 'ana', expiresAt: 1_000 });
    await storeError(
      store.createTicket({ hash: 't1', personId: 'bo', expiresAt: 1_000 }),
      'already_exists',
    );
    await storeError(
      store.createTicket({ hash: 't2', personId: 'ghost', expiresAt: 1_000 }),
      'unknown_person',
    );
  });

  it('are swept with expired sessions', async () => {
    await store.createTicket({ hash: 'old', personId: 'ana', expiresAt: 1_000 });
    await store.createTicket({ hash: 'new', personId: 'ana', expiresAt: 2_000 });
    await store.deleteExpiredSessions(1_000);
    expect(await store.consumeTicket('old', 500)).toBeUndefined();
    expect(await store.consumeTicket('new', 500)).toBe('ana');
  });
});

describe('password resets', () => {
  it('lets a reset link be used once, before it expires', async () => {
    await store.createPasswordReset({
      hash: 'r1',
      personId: 'bo',
      createdBy: 'ana',
      expiresAt: 1_000,
    });
    await store.createPasswordReset({
      hash: 'r2',
      personId: 'bo',
      createdBy: null,
      expiresAt: 1_000,
    });
    expect(await store.consumePasswordReset('r1', 1_000)).toBeUndefined();
    expect(await store.consumePasswordReset('r1', 999)).toBe('bo');
    expect(await store.consumePasswordReset('r1', 999)).toBeUndefined();
    expect(await store.consumePasswordReset('r2', 0)).toBe('bo');
    expect(await store.consumePasswordReset('ghost', 0)).toBeUndefined();
  });

  it('refuses a taken hash, an unknown person and an unknown issuer', async () => {
    await store.createPasswordReset({ hash: 'r1', personId: 'bo', createdBy: null, expiresAt: 1 });
    const reset = (hash: string, personId: string, createdBy: string | null) =>
      store.createPasswordReset({ hash, personId, createdBy, expiresAt: 1_000 });
    await storeError(reset('r1', 'bo', null), 'already_exists');
    await storeError(reset('r2', 'ghost', null), 'unknown_person');
    const issuer = await storeError(reset('r3', 'bo', 'nobody'), 'unknown_person');
    expect(issuer.message).toBe('unknown person nobody');
  });

  it('are swept with expired sessions', async () => {
    await store.createPasswordReset({
      hash: 'old',
      personId: 'bo',
      createdBy: null,
      expiresAt: 1_000,
    });
    await store.createPasswordReset({
      hash: 'new',
      personId: 'bo',
      createdBy: null,
      expiresAt: 2_000,
    });
    await store.deleteExpiredSessions(1_000);
    expect(await store.consumePasswordReset('old', 500)).toBeUndefined();
    expect(await store.consumePasswordReset('new', 500)).toBe('bo');
  });
});
