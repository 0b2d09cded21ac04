import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommitQueue } from './commit-queue.ts';
import type { SyncPersistence } from './persistence.ts';

function recordingPersistence() {
  const calls: { documentId: string; update: Uint8Array }[][] = [];
  const persistence: SyncPersistence = {
    documentExists: async () => true,
    loadBody: async () => ({ snapshot: null, updates: [], lastSeq: 0, tailBytes: 0 }),
    appendUpdates: async (rows) => {
      calls.push(rows);
      return new Map(rows.map((row, i) => [row.documentId, calls.length * 100 + i]));
    },
    compact: async () => {},
  };
  return { persistence, calls };
}

function keystrokes(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getText('body').insert(i, 'x');
  return updates;
}

describe('CommitQueue', () => {
  it('commits at most once per interval: what arrives meanwhile becomes one row', async () => {
    const { persistence, calls } = recordingPersistence();
    const queue = new CommitQueue(
      persistence,
      () => {},
      () => {},
      1_000,
    );
    const [a, b, c] = keystrokes(3);
    const committed: string[] = [];
    queue.enqueue('d1', a!, () => committed.push('a'));
    await queue.drain();
    queue.enqueue('d1', b!, () => committed.push('b'));
    // A later turn of the event loop: without the interval, b would already be committing alone.
    await new Promise((resolve) => setTimeout(resolve, 20));
    queue.enqueue('d1', c!, () => committed.push('c'));
    await queue.drain();

    expect(calls.map((rows) => rows.length)).toEqual([1, 1]);
    expect(calls[1]![0]!.update).toEqual(Y.mergeUpdates([b!, c!]));
    expect(committed).toEqual(['a', 'b', 'c']);
  });
});
