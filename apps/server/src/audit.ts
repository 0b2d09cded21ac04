import { createHash } from 'node:crypto';
import type { AuditEntry } from '@accord/domain';
import type { Store } from '@accord/store';

/**
 * Hash-chained audit logs. Each entry's hash covers the previous entry's hash and the entry's
 * own fields in a canonical JSON form (keys sorted), so changing, removing or reordering any
 * stored entry breaks every hash after it. Entries name people by id only: erasing a person's
 * personal data leaves every chain verifiable.
 */

export const partnershipChain = (partnershipId: string) => `partnership:${partnershipId}`;
export const organisationChain = (organisationId: string) => `organisation:${organisationId}`;

/** JSON with object keys sorted at every level: the same value always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { chain, seq, at, actorId, action, data, prevHash } = entry;
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson({ chain, seq, at, actorId, action, data }))
    .digest('hex');
}

export async function appendAudit(
  store: Store,
  chain: string,
  event: { actorId: string | null; action: string; data: Record<string, unknown>; at?: number },
): Promise<AuditEntry> {
  return store.appendAudit(chain, (previous) => {
    const entry = {
      chain,
      seq: (previous?.seq ?? 0) + 1,
      at: event.at ?? Date.now(),
      actorId: event.actorId,
      action: event.action,
      data: event.data,
      prevHash: previous?.hash ?? '',
    };
    return { ...entry, hash: entryHash(entry) };
  });
}

export type ChainVerdict =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** Checks a chain from its first entry; points at the first broken link. */
export function verifyChain(entries: readonly AuditEntry[]): ChainVerdict {
  let prevHash = '';
  for (const [index, entry] of entries.entries()) {
    const expectedSeq = index + 1;
    if (entry.seq !== expectedSeq) {
      return {
        ok: false,
        entries: entries.length,
        brokenAt: expectedSeq,
        reason: `expected seq ${expectedSeq}, found ${entry.seq}`,
      };
    }
    if (entry.prevHash !== prevHash) {
      return {
        ok: false,
        entries: entries.length,
        brokenAt: entry.seq,
        reason: 'prevHash does not match the previous entry',
      };
    }
    if (entryHash(entry) !== entry.hash) {
      return {
        ok: false,
        entries: entries.length,
        brokenAt: entry.seq,
        reason: 'hash does not match the entry',
      };
    }
    prevHash = entry.hash;
  }
  return { ok: true, entries: entries.length, lastHash: prevHash };
}
