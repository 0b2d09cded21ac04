import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, Store } from '../store.ts';
import { createSqliteStore } from './sqlite-store.ts';
import { makeTempDir, storeError } from './test-support.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let store: Store;
beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'accord.db');
  store = createSqliteStore({ path: file });
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

/** A stand-in for the domain's hash: enough to build a chain whose links can be checked. */
function hashOf(entry: Omit<AuditEntry, 'hash'>): string {
  const { prevHash, ...rest } = entry;
  return createHash('sha256').update(prevHash).update(JSON.stringify(rest)).digest('hex');
}

/** What a caller's `build` does: follows the previous entry it is given. */
function next(chain: string, action: string, data: Record<string, unknown> = {}, at = 1_000) {
  return (previous: { seq: number; hash: string } | null): AuditEntry => {
    const entry = {
      chain,
      seq: (previous?.seq ?? 0) + 1,
      at,
      actorId: 'ana',
      action,
      data,
      prevHash: previous?.hash ?? '',
    };
    return { ...entry, hash: hashOf(entry) };
  };
}

describe('appendAudit', () => {
  it('hands build the last entry of the chain and stores what it returns', async () => {
    const seen: ({ seq: number; hash: string } | null)[] = [];
    const first = await store.appendAudit('partnership:p1', (previous) => {
      seen.push(previous);
      return next('partnership:p1', 'member.invite', { invitationId: 'i1', role: 'editor' })(
        previous,
      );
    });
    expect(first).toMatchObject({ seq: 1, prevHash: '', actorId: 'ana' });
    const second = await store.appendAudit('partnership:p1', (previous) => {
      seen.push(previous);
      return next('partnership:p1', 'member.changeRole')(previous);
    });
    expect(seen).toEqual([null, { seq: 1, hash: first.hash }]);
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
  });

  it('keeps chains apart and lists each in seq order, data parsed back', async () => {
    await store.appendAudit('partnership:p1', next('partnership:p1', 'a'));
    await store.appendAudit('organisation:city', next('organisation:city', 'note', {}, 5));
    const nested = { ids: ['x', 'y'], count: 2, flag: true, nothing: null, deep: { k: 'é' } };
    await store.appendAudit('partnership:p1', next('partnership:p1', 'b', nested));
    await store.appendAudit('partnership:p1', next('partnership:p1', 'c'));

    const chain = await store.listAudit('partnership:p1');
    expect(chain.map((e) => [e.seq, e.action])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(chain[1]?.data).toEqual(nested);
    // Every link verifies: each hash covers its entry, each prevHash names the one before.
    chain.forEach((entry, index) => {
      const { hash, ...rest } = entry;
      expect(hash).toBe(hashOf(rest));
      expect(entry.prevHash).toBe(index === 0 ? '' : chain[index - 1]!.hash);
    });
    expect(await store.listAudit('organisation:city')).toEqual([
      next('organisation:city', 'note', {}, 5)(null),
    ]);
    expect(await store.listAudit('partnership:ghost')).toEqual([]);
  });

  it('refuses an entry that does not follow the chain, and stores nothing', async () => {
    const first = await store.appendAudit('partnership:p1', next('partnership:p1', 'a'));
    const broken: [string, (previous: { seq: number; hash: string } | null) => AuditEntry][] = [
      [
        'belongs to chain partnership:p2',
        (p) => ({ ...next('partnership:p1', 'x')(p), chain: 'partnership:p2' }),
      ],
      ['has seq 3, expected 2', (p) => ({ ...next('partnership:p1', 'x')(p), seq: 3 })],
      ['has seq 1, expected 2', () => next('partnership:p1', 'x')(null)],
      ['has prevHash "", expected', (p) => ({ ...next('partnership:p1', 'x')(p), prevHash: '' })],
      ['has no hash', (p) => ({ ...next('partnership:p1', 'x')(p), hash: '' })],
    ];
    for (const [problem, build] of broken) {
      const error = await storeError(
        store.appendAudit('partnership:p1', build),
        'audit_out_of_order',
      );
      expect(error.message).toContain(problem);
    }
    expect(await store.listAudit('partnership:p1')).toEqual([first]);
    expect(await store.listAudit('partnership:p2')).toEqual([]);
  });

  it('rolls back when build throws', async () => {
    await expect(
      store.appendAudit('partnership:p1', () => {
        throw new Error('no clock');
      }),
    ).rejects.toThrow('no clock');
    expect(await store.listAudit('partnership:p1')).toEqual([]);
    expect((await store.appendAudit('partnership:p1', next('partnership:p1', 'a'))).seq).toBe(1);
  });

  it('numbers appends from several connections to the same file without a gap or a fork', async () => {
    const other = createSqliteStore({ path: file });
    try {
      const stores = [store, other];
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          stores[i % 2]!.appendAudit('partnership:p1', next('partnership:p1', `a${i}`)),
        ),
      );
      const chain = await other.listAudit('partnership:p1');
      expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      chain.forEach((entry, index) => {
        expect(entry.prevHash).toBe(index === 0 ? '' : chain[index - 1]!.hash);
      });
    } finally {
      await other.close();
    }
  });

  it('can never be updated or deleted, even through SQL', async () => {
    await store.appendAudit('partnership:p1', next('partnership:p1', 'a'));
    const raw = new Database(file);
    try {
      expect(() => raw.exec("UPDATE audit_entries SET action = 'forged'")).toThrow(
        'audit entries are append-only',
      );
      expect(() => raw.exec('DELETE FROM audit_entries')).toThrow('audit entries are append-only');
    } finally {
      raw.close();
    }
    expect((await store.listAudit('partnership:p1'))[0]?.action).toBe('a');
  });
});
