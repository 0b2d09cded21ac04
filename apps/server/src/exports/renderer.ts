import { Worker } from 'node:worker_threads';
import type { RenderedExport } from '@accord/export/files';
import type { RenderJob } from './render-job.ts';
import type { WorkerRequest, WorkerResponse } from './render-worker.ts';

/** Renders exports from stored state. */
export interface ExportRenderer {
  render(job: RenderJob): Promise<RenderedExport>;
  close(): Promise<void>;
}

/**
 * Renders on the calling thread: for tools and tests that have no rooms to keep responsive. The
 * renderers load on the first export, so a server thread that never renders never holds them.
 */
export function inProcessRenderer(): ExportRenderer {
  return {
    render: async (job) => (await import('./render-job.ts')).runRenderJob(job),
    close: async () => {},
  };
}

/** More exports are waiting than the worker should queue: ask the client to come back. */
export class ExportBusyError extends Error {
  constructor() {
    super('Too many exports are being rendered; try again shortly.');
    this.name = 'ExportBusyError';
  }
}

interface Pending {
  resolve(rendered: RenderedExport): void;
  reject(error: Error): void;
}

/**
 * Renders in one worker thread, so a PDF's ~200 ms of font subsetting never stalls the event loop
 * that forwards edits and presence. Jobs queue in the worker (they are CPU-bound: a second thread
 * would compete with the rooms for the machine's cores). The worker starts on the first export,
 * and a crash fails the jobs it held and is replaced on the next export.
 */
export function workerRenderer(options: { maxQueued?: number } = {}): ExportRenderer {
  /** @default 16 — a PDF takes ~200 ms, so a full queue is a few seconds of waiting. */
  const maxQueued = options.maxQueued ?? 16;
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };

  function start(): Worker {
    const thread = new Worker(new URL('./render-worker-entry.mjs', import.meta.url), {
      execArgv: [],
    });
    thread.on('message', (response: WorkerResponse) => {
      const job = pending.get(response.id);
      if (!job) return;
      pending.delete(response.id);
      if (response.ok) {
        const { bytes, contentType, fileName } = response;
        job.resolve({ bytes, contentType, fileName });
      } else job.reject(new Error(`export failed: ${response.message}`));
    });
    thread.on('error', (error) => {
      worker = null;
      failAll(error);
    });
    thread.on('exit', (code) => {
      if (worker === thread) worker = null;
      failAll(new Error(`export worker exited with code ${code}`));
    });
    // An idle worker must not keep the process alive; a busy one is awaited by its request.
    thread.unref();
    return thread;
  }

  return {
    render(job) {
      if (pending.size >= maxQueued) return Promise.reject(new ExportBusyError());
      worker ??= start();
      const id = nextId++;
      const request: WorkerRequest = { id, job };
      return new Promise<RenderedExport>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker?.postMessage(request);
      });
    },
    async close() {
      const thread = worker;
      worker = null;
      if (thread) await thread.terminate();
    },
  };
}
