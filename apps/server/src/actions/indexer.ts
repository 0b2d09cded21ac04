import { extractActions, readDocumentState } from '@accord/editor';
import type { Store } from '@accord/store';
import { storedState } from '../agreements/lifecycle.ts';

export interface ActionIndexerOptions {
  /**
   * How long after a stored change the document is re-read. Changes arriving meanwhile join the
   * same run, so a document being typed in is indexed at most once per delay, and never later
   * than one delay (plus the run) after its last stored change.
   * @default 2000
   */
  delayMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/**
 * What a Yjs update that creates an action node must contain: @lexical/yjs stores a node's type
 * as the `__type` attribute of its XmlText, key and value written out in full. Typed text alone
 * never carries the key, so a keystroke ("transaction", "plan d'action") is not mistaken for one.
 */
const TYPE_KEY = Buffer.from('__type');
const ACTION_TYPE = Buffer.from('action');

/**
 * Keeps the action index in step with stored document bodies. It is told which documents were
 * committed (after the store's transaction, never on the sync path), waits, then reads the
 * stored state — not a room's live Y.Doc — through the headless editor and replaces the
 * document's rows. Runs one document at a time so indexing never piles up on the event loop.
 */
export class ActionIndexer {
  readonly #store: Store;
  readonly #delayMs: number;
  readonly #log: (message: string, error?: unknown) => void;
  readonly #timers = new Map<string, NodeJS.Timeout>();
  /**
   * Documents whose last indexing found no action. One stays action-free until an update that
   * creates an action node is stored, and such an update names the node's type: a commit whose
   * rows do not contain it cannot change the document's (empty) rows, so it is not re-read.
   * Typing in meeting notes then costs the indexer nothing.
   */
  readonly #actionFree = new Set<string>();
  #queue: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(store: Store, options: ActionIndexerOptions = {}) {
    this.#store = store;
    this.#delayMs = options.delayMs ?? 2000;
    this.#log =
      options.log ?? ((message, error) => console.error(`[actions] ${message}`, error ?? ''));
  }

  /**
   * A change to `documentId` was committed: index it once the delay has passed. With the committed
   * `updates`, a document known to hold no action is skipped unless one of them may create one.
   */
  schedule(documentId: string, updates?: readonly Uint8Array[]): void {
    if (this.#stopped || this.#timers.has(documentId)) return;
    if (updates && this.#actionFree.has(documentId) && !updates.some(mayCreateAction)) return;
    const timer = setTimeout(() => {
      this.#timers.delete(documentId);
      void this.#enqueue(documentId);
    }, this.#delayMs);
    timer.unref();
    this.#timers.set(documentId, timer);
  }

  /** Indexes now (e.g. a document just created from a template), after what is queued. */
  indexNow(documentId: string): Promise<void> {
    return this.#enqueue(documentId);
  }

  /** Indexes every document never indexed: those stored before the index existed. */
  async catchUp(): Promise<void> {
    for (const documentId of await this.#store.listUnindexedDocuments()) {
      await this.#enqueue(documentId);
    }
  }

  /**
   * Indexes what is scheduled now rather than dropping it (the next start only catches up on
   * documents never indexed), then refuses new work. Call before closing the store.
   */
  async stop(): Promise<void> {
    for (const [documentId, timer] of this.#timers) {
      clearTimeout(timer);
      void this.#enqueue(documentId);
    }
    this.#timers.clear();
    this.#stopped = true;
    await this.#queue;
  }

  #enqueue(documentId: string): Promise<void> {
    if (this.#stopped) return this.#queue;
    const run = this.#queue.then(() => this.#index(documentId));
    this.#queue = run;
    return run;
  }

  async #index(documentId: string): Promise<void> {
    try {
      const state = await storedState(this.#store, documentId);
      const actions = mayCreateAction(state) ? extractActions(readDocumentState(state).json) : [];
      await this.#store.replaceDocumentActions(documentId, actions, Date.now());
      if (actions.length === 0) this.#actionFree.add(documentId);
      else this.#actionFree.delete(documentId);
    } catch (error) {
      // The previous rows stay: a view a few seconds stale beats an empty one. The next stored
      // change tries again.
      this.#log(`could not index the actions of document ${documentId}`, error);
    }
  }
}

/** False only when `update` certainly creates no action node (it never names the type). */
function mayCreateAction(update: Uint8Array): boolean {
  const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
  return bytes.indexOf(TYPE_KEY) !== -1 && bytes.indexOf(ACTION_TYPE) !== -1;
}
