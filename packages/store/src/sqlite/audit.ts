import type Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import type { AuditEntry } from '../store.ts';
import { type AuditRow, toAuditEntry } from './rows.ts';

type Build = (previous: { seq: number; hash: string } | null) => AuditEntry;

/**
 * Append-only, hash-chained audit logs, one per chain name. The store does not compute hashes
 * (the canonical form belongs to `@accord/domain`); it guarantees the chain's shape: each entry
 * follows the last one stored (seq + 1, prevHash = its hash, '' for the first), appends are
 * serialised, and no entry is ever updated or deleted (triggers refuse both, whoever asks).
 */
export class SqliteAudit {
  readonly #selectLast;
  readonly #insert;
  readonly #selectChain;
  readonly #append;

  constructor(db: Database.Database) {
    this.#selectLast = db.prepare<[string], { seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_entries WHERE chain = ? ORDER BY seq DESC LIMIT 1',
    );
    this.#insert = db.prepare<[AuditRow]>(
      `INSERT INTO audit_entries (chain, seq, at, actor_id, action, data, prev_hash, hash)
       VALUES (@chain, @seq, @at, @actor_id, @action, @data, @prev_hash, @hash)`,
    );
    this.#selectChain = db.prepare<[string], AuditRow>(
      'SELECT * FROM audit_entries WHERE chain = ? ORDER BY seq',
    );
    this.#append = db.transaction((chain: string, build: Build) => this.#appendEntry(chain, build));
  }

  /**
   * One IMMEDIATE transaction: the write lock is held from the read of the chain's last entry to
   * the insert, so `build` always sees the true last entry. An entry that does not follow it is
   * refused ('audit_out_of_order') and nothing is stored; an error thrown by `build` rolls back
   * and propagates. Returns the entry as stored (its `data` read back from JSON).
   */
  append(chain: string, build: Build): AuditEntry {
    return this.#append.immediate(chain, build);
  }

  /** The whole chain, oldest first; empty for an unknown chain. */
  list(chain: string): AuditEntry[] {
    return this.#selectChain.all(chain).map(toAuditEntry);
  }

  #appendEntry(chain: string, build: Build): AuditEntry {
    const last = this.#selectLast.get(chain);
    const previous = last ? { seq: last.seq, hash: last.hash } : null;
    const entry = build(previous);
    const seq = (previous?.seq ?? 0) + 1;
    const prevHash = previous?.hash ?? '';
    const problem =
      entry.chain !== chain
        ? `belongs to chain ${entry.chain}`
        : entry.seq !== seq
          ? `has seq ${entry.seq}, expected ${seq}`
          : entry.prevHash !== prevHash
            ? `has prevHash ${JSON.stringify(entry.prevHash)}, expected ${JSON.stringify(prevHash)}`
            : typeof entry.hash !== 'string' || entry.hash === ''
              ? 'has no hash'
              : undefined;
    if (problem) {
      throw new StoreError(
        'audit_out_of_order',
        `audit entry for chain ${chain} ${problem}: nothing was appended`,
      );
    }
    const row: AuditRow = {
      chain,
      seq,
      at: entry.at,
      actor_id: entry.actorId,
      action: entry.action,
      data: JSON.stringify(entry.data),
      prev_hash: prevHash,
      hash: entry.hash,
    };
    this.#insert.run(row);
    return toAuditEntry(row);
  }
}
