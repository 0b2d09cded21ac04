import { Worker } from 'node:worker_threads';
import { StoreError, type StoreErrorCode, storeErrorCodes } from '../../errors.ts';
import type { BodyAppend } from '../../store.ts';
import type { SqliteStoreOptions } from '../options.ts';
import {
  type BodyWriterReply,
  type BodyWriterRequest,
  READY_REPLY_ID,
  type SerializedError,
} from './messages.ts';

type Request = BodyWriterRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

interface Waiter {
  resolve: (value: Map<string, number> | undefined) => void;
  reject: (error: Error) => void;
}

/**
 * Writes document bodies (group commits and compactions) on a worker thread with its own SQLite
 * connection to the WAL file. With `synchronous = FULL` each commit waits for an fsync (5–10 ms
 * on an ordinary disk); on the main thread that wait stopped every socket of the server, so a
 * keystroke arriving during a commit waited for the disk. Here the main thread keeps receiving
 * and forwarding while the worker commits, and a caller's promise resolves only after the
 * worker's transaction committed: acknowledgements still mean "on disk".
 *
 * The worker is the only writer of the update log (see SqliteBodyLog's sequence cache). Requests
 * run in the order they are posted. If the worker dies, every pending call rejects (nothing of
 * them was acknowledged) and the next call starts a new worker.
 */
export class BodyWriter {
  readonly #options: SqliteStoreOptions;
  #worker: Worker | null = null;
  #nextId = 1;
  readonly #waiting = new Map<number, Waiter>();
  /** Resolves once the first worker has opened its connection; rejects if it could not. */
  readonly ready: Promise<void>;

  constructor(options: SqliteStoreOptions) {
    this.#options = options;
    // Started at once: loading it takes a few hundred ms, which the first commit must not wait.
    const worker = this.#start();
    this.ready = new Promise<void>((resolve, reject) => {
      const started = (reply: BodyWriterReply) => {
        if (reply.id !== READY_REPLY_ID) return;
        worker.off('message', started);
        resolve();
      };
      worker.on('message', started);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the body writer thread exited (${code})`)));
    });
    // A store nobody waits on must not crash the process with an unhandled rejection.
    this.ready.catch(() => {});
  }

  append(rows: readonly BodyAppend[]): Promise<Map<string, number>> {
    if (rows.length === 0) return Promise.resolve(new Map());
    return this.#call({ op: 'append', rows }) as Promise<Map<string, number>>;
  }

  async compact(documentId: string, state: Uint8Array, uptoSeq: number): Promise<void> {
    await this.#call({ op: 'compact', documentId, state, uptoSeq });
  }

  /** Waits for every request posted before it, closes the worker's connection, ends the thread. */
  async close(): Promise<void> {
    const worker = this.#worker;
    if (!worker) return;
    await this.#call({ op: 'close' });
    this.#worker = null;
    await worker.terminate();
  }

  #call(request: Request): Promise<Map<string, number> | undefined> {
    const worker = this.#worker ?? this.#start();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      // Work in flight keeps the process alive; an idle writer does not.
      worker.ref();
      worker.postMessage({ ...request, id });
    });
  }

  #start(): Worker {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: this.#options,
    });
    worker.unref();
    worker.on('message', (reply: BodyWriterReply) => {
      const waiter = this.#waiting.get(reply.id);
      if (!waiter) return;
      this.#waiting.delete(reply.id);
      if (this.#waiting.size === 0) worker.unref();
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(rebuildError(reply.error));
    });
    const fail = (error: Error) => {
      if (this.#worker === worker) this.#worker = null;
      const waiting = [...this.#waiting.values()];
      this.#waiting.clear();
      for (const waiter of waiting) waiter.reject(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the body writer thread exited (${code})`)));
    this.#worker = worker;
    return worker;
  }
}

/** A StoreError stays a StoreError (callers branch on its code); anything else keeps SQLite's. */
function rebuildError(error: SerializedError): Error {
  if (error.name === 'StoreError' && isStoreErrorCode(error.code)) {
    return new StoreError(error.code, error.message);
  }
  return Object.assign(new Error(error.message), { name: error.name, code: error.code });
}

function isStoreErrorCode(code: string | undefined): code is StoreErrorCode {
  return (storeErrorCodes as readonly string[]).includes(code ?? '');
}
