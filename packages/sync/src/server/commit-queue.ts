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
 */
export class CommitQueue {
  #pending: PendingCommit[] = [];
  #running: Promise<void> | null = null;
  #idleWaiters: (() => void)[] = [];
  #retryDelayMs = 0;

  constructor(
    private readonly persistence: SyncPersistence,
    private readonly onCommitted: (results: CommitResult[]) => Promise<void> | void,
    private readonly log: (message: string, error?: unknown) => void,
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
      const batch = this.#pending;
      this.#pending = [];
      try {
        const results = await this.#commit(batch);
        this.#retryDelayMs = 0;
        for (const item of batch) item.onCommitted();
        await this.onCommitted(results);
      } catch (error) {
        // Nothing of the batch was acknowledged: keep it, in order, and try again. The updates
        // stay in the rooms' documents meanwhile, so nobody's text is lost while the disk recovers.
        this.log('group commit failed; retrying', error);
        this.#pending = batch.concat(this.#pending);
        this.#retryDelayMs = Math.min(Math.max(this.#retryDelayMs * 2, 50), 5_000);
        await new Promise((resolve) => setTimeout(resolve, this.#retryDelayMs));
      }
    }
    this.#running = null;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  async #commit(batch: PendingCommit[]): Promise<CommitResult[]> {
    const byDocument = new Map<string, Uint8Array[]>();
    for (const { documentId, update } of batch) {
      if (!update) continue;
      const list = byDocument.get(documentId);
      if (list) list.push(update);
      else byDocument.set(documentId, [update]);
    }
    if (byDocument.size === 0) return [];
    const rows = [...byDocument].map(([documentId, updates]) => ({
      documentId,
      update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
    }));
    const lastSeqs = await this.persistence.appendUpdates(rows);
    return rows.map(({ documentId, update }) => ({
      documentId,
      lastSeq: lastSeqs.get(documentId) ?? 0,
      rowBytes: update.byteLength,
    }));
  }
}
