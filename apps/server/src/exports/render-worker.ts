import { parentPort } from 'node:worker_threads';
import { type RenderJob, runRenderJob } from './render-job.ts';

/** Messages between the server and its export worker. */
export type WorkerRequest = { id: number; job: RenderJob };
export type WorkerResponse =
  | { id: number; ok: true; bytes: Uint8Array; contentType: string; fileName: string }
  | { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs only as a worker thread');

port.on('message', async ({ id, job }: WorkerRequest) => {
  try {
    const rendered = await runRenderJob(job);
    const response: WorkerResponse = { id, ok: true, ...rendered };
    // Hand the bytes over instead of copying them.
    port.postMessage(response, [rendered.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    const response: WorkerResponse = {
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
    port.postMessage(response);
  }
});
