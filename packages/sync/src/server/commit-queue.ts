import * as Y from 'yjs';
import type { SyncPersistence } from './persistence.ts';

/** One update waiting for the group commit, with what to do once it is durable. */
interface PendingCommit {
  documentId: string;
  /** Null for an acknowledgement that stores nothing (an empty update) but must keep its order. */
  update: Uint8Array | null;
  onCommitted: () => void;
}

export interface CommitResult {
  documentId: string;
  lastSeq: number;
  rowBytes: number;
}

/**
 * Group commit: every update received while the previous transaction was running goes into the
 * next one, merged into one row per document. Commits run one at a time, so acknowledgements
 * leave in the order updates arrived. Delivery to peers never waits for this queue.
 *
 * Commits start at most once per `intervalMs`. A lone typist never waits (the previous commit
 * is long past); under load, a row gathers every keystroke of the interval instead of one or
 * two, which the log stores several times smaller (see the store's V2 rows) and with fewer
 * transactions. The cost is that much more time before "Saved", only when the server is busy.
 */
export class CommitQueue {
  #pending: PendingCommit[] = [];
  #running: Promise<void> | null = null;
  #idleWaiters: (() => void)[] = [];
  #retryDelayMs = 0;
  #lastStart = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly persistence: SyncPersistence,
    private readonly onCommitted: (results: CommitResult[]) => Promise<void> | void,
    private readonly log: (message: string, error?: unknown) => void,
    private readonly intervalMs = 0,
  ) {}

  enqueue(documentId: string, update: Uint8Array | null, onCommitted: () => void): void {
    this.#pending.push({ documentId, update, onCommitted });
    if (!this.#running) this.#running = this.#run();
  }

  get size(): number {
    return this.#pending.length;
  }

  /** Resolves when nothing is pending and no transaction is running. */
  drain(): Promise<void> {
    if (!this.#running && this.#pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  async #run(): Promise<void> {
    // Let every message already read from the sockets join the first transaction.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.#pending.length > 0) {
      const wait = this.#lastStart + this.intervalMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.#lastStart = performance.now();
      const batch = this.#pending;
      this.#pending = [];
      const failed = await this.#commitBatch(batch);
      if (failed.length === 0) {
        this.#retryDelayMs = 0;
        continue;
      }
      // Nothing of a failed document was acknowledged: keep it, in order, and try again. The
      // updates stay in the rooms' documents meanwhile, so nobody's text is lost while the disk
      // recovers.
      this.#pending = failed.concat(this.#pending);
      this.#retryDelayMs = Math.min(Math.max(this.#retryDelayMs * 2, 50), 5_000);
      await new Promise((resolve) => setTimeout(resolve, this.#retryDelayMs));
    }
    this.#running = null;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /**
   * Commits the batch in one transaction. If that fails, commits each document on its own, so one
   * document the store refuses cannot hold back everyone else's acknowledgements. Returns what
   * could not be committed.
   */
  async #commitBatch(batch: PendingCommit[]): Promise<PendingCommit[]> {
    const groups = groupByDocument(batch);
    try {
      await this.#commitGroups(groups);
      return [];
    } catch (error) {
      this.log('group commit failed', error);
    }
    if (groups.size === 1) return batch;
    const failed: PendingCommit[] = [];
    for (const [documentId, items] of groups) {
      try {
        await this.#commitGroups(new Map([[documentId, items]]));
      } catch (error) {
        this.log(`commit of document ${documentId} failed; retrying`, error);
        failed.push(...items);
      }
    }
    return failed;
  }

  async #commitGroups(groups: Map<string, PendingCommit[]>): Promise<void> {
    const rows: { documentId: string; update: Uint8Array }[] = [];
    for (const [documentId, items] of groups) {
      const updates = items.flatMap((item) => (item.update ? [item.update] : []));
      if (updates.length === 0) continue;
      rows.push({
        documentId,
        update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
      });
    }
    const lastSeqs = rows.length > 0 ? await this.persistence.appendUpdates(rows) : new Map();
    for (const items of groups.values()) for (const item of items) item.onCommitted();
    await this.onCommitted(
      rows.map(({ documentId, update }) => ({
        documentId,
        lastSeq: lastSeqs.get(documentId) ?? 0,
        rowBytes: update.byteLength,
      })),
    );
  }
}

function groupByDocument(batch: PendingCommit[]): Map<string, PendingCommit[]> {
  const groups = new Map<string, PendingCommit[]>();
  for (const item of batch) {
    const group = groups.get(item.documentId);
    if (group) group.push(item);
    else groups.set(item.documentId, [item]);
  }
  return groups;
}
