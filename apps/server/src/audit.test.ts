import type { AuditEntry } from '@accord/domain';
import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, verifyChain } from './audit.ts';

function chainOf(actions: string[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const [index, action] of actions.entries()) {
    const entry = {
      chain: 'partnership:p1',
      seq: index + 1,
      at: 1_700_000_000_000 + index,
      actorId: 'person-1',
      action,
      data: { documentId: `d${index}`, nested: { b: 2, a: 1 } },
      prevHash: entries.at(-1)?.hash ?? '',
    };
    entries.push({ ...entry, hash: entryHash(entry) });
  }
  return entries;
}

describe('audit chain', () => {
  it('serialises canonically: key order does not change the bytes', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });

  it('verifies an untouched chain', () => {
    expect(verifyChain(chainOf(['a', 'b', 'c']))).toMatchObject({ ok: true, entries: 3 });
  });

  it('points at the first entry whose content was changed', () => {
    const entries = chainOf(['a', 'b', 'c', 'd']);
    entries[2] = { ...entries[2]!, data: { documentId: 'forged' } };
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects a removed or reordered entry, and a rewritten chain with an old tail', () => {
    const removed = chainOf(['a', 'b', 'c']);
    removed.splice(1, 1);
    expect(verifyChain(removed)).toMatchObject({ ok: false, brokenAt: 2 });

    const rewritten = chainOf(['a', 'b', 'c']);
    const forged = { ...rewritten[0]!, action: 'forged' };
    rewritten[0] = { ...forged, hash: entryHash(forged) };
    // Entry 1 is self-consistent again, but entry 2 still points at the original hash.
    expect(verifyChain(rewritten)).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
