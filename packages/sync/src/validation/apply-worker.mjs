// Test helper for update-validation.test.ts: applies updates to fresh docs off the main thread,
// so that a hang inside Yjs fails the test (the worker is terminated) instead of freezing it.
// Each batch is applied, in order, to one new doc, which is then encoded again.
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

parentPort.on('message', (/** @type {Uint8Array[][]} */ batches) => {
  let slowestMs = 0;
  let applied = 0;
  let threw = 0;
  for (const batch of batches) {
    const start = performance.now();
    try {
      const doc = new Y.Doc();
      for (const update of batch) Y.applyUpdate(doc, update);
      Y.encodeStateAsUpdate(doc);
      applied++;
    } catch {
      threw++;
    }
    slowestMs = Math.max(slowestMs, performance.now() - start);
  }
  parentPort.postMessage({ slowestMs, applied, threw });
});
