import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Store } from '../store.ts';
import { createSqliteStore } from './sqlite-store.ts';
import { appendText, loadDoc, loadText, makeTempDir, seedDocument } from './test-support.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let store: Store;
beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'accord.db');
  store = createSqliteStore({ path: file });
  await seedDocument(store, 'a', 'Alpha: ');
  await seedDocument(store, 'b', 'Beta: ');
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

const bytes = (...values: number[]) => new Uint8Array(values);

describe('appendUpdates', () => {
  it('stores a row of many keystrokes in Yjs V2, smaller, and loads it back as V1', async () => {
    const client = await loadDoc(store, 'a');
    const keystrokes = [...'réduire le gaspillage alimentaire'].map((c) => appendText(client, c));
    const merged = Y.mergeUpdates(keystrokes);
    const single = appendText(client, '.');
    await store.appendUpdates([{ documentId: 'a', update: merged }]);
    await store.appendUpdates([{ documentId: 'a', update: single }]);

    const raw = new Database(file, { readonly: true });
    const rows = raw
      .prepare('SELECT encoding, length(data) AS bytes FROM document_updates ORDER BY seq')
      .all() as { encoding: number; bytes: number }[];
    raw.close();
    expect(rows.at(-2)!.encoding).toBe(2);
    expect(rows.at(-2)!.bytes).toBeLessThan(merged.byteLength / 2);
    // One keystroke is smaller in V1: kept as it came.
    expect(rows.at(-1)).toEqual({ encoding: 1, bytes: single.byteLength });

    expect(await loadText(store, 'a')).toBe('Alpha: réduire le gaspillage alimentaire.');
  });

  it('commits rows of several documents in one call and numbers them per document', async () => {
    const result = await store.appendUpdates([
      { documentId: 'a', update: bytes(1) },
      { documentId: 'b', update: bytes(2, 2) },
      { documentId: 'a', update: bytes(3, 3, 3) },
    ]);
    expect(result).toEqual(
      new Map([
        ['a', 2],
        ['b', 1],
      ]),
    );
    expect(await store.appendUpdates([{ documentId: 'a', update: bytes(4) }])).toEqual(
      new Map([['a', 3]]),
    );
    const a = await store.loadBody('a');
    expect(a.updates).toEqual([bytes(1), bytes(3, 3, 3), bytes(4)]);
    expect(a.lastSeq).toBe(3);
    expect(a.tailBytes).toBe(5);
    const b = await store.loadBody('b');
    expect(b.updates).toEqual([bytes(2, 2)]);
    expect(b.lastSeq).toBe(1);
  });

  it('moves updatedAt of every document it wrote to', async () => {
    const before = Date.now();
    await store.appendUpdates([{ documentId: 'b', update: bytes(1) }]);
    expect((await store.getDocument('b'))?.updatedAt).toBeGreaterThanOrEqual(before);
    expect((await store.getDocument('a'))?.updatedAt).toBe(1_700_000_000_000);
  });

  it('does nothing for an empty batch', async () => {
    expect(await store.appendUpdates([])).toEqual(new Map());
  });

  it('rolls the whole batch back when one row names an unknown document', async () => {
    await store.appendUpdates([{ documentId: 'a', update: bytes(1) }]);
    await expect(
      store.appendUpdates([
        { documentId: 'a', update: bytes(2) },
        { documentId: 'ghost', update: bytes(3) },
        { documentId: 'b', update: bytes(4) },
      ]),
    ).rejects.toThrow('unknown document ghost');
    expect((await store.loadBody('a')).updates).toEqual([bytes(1)]);
    expect((await store.loadBody('b')).updates).toEqual([]);
    // The failed batch did not advance the counters: no gap in the numbering.
    expect(await store.appendUpdates([{ documentId: 'a', update: bytes(5) }])).toEqual(
      new Map([['a', 2]]),
    );
  });

  it('recovers its numbering after another connection appended to the same document', async () => {
    await store.appendUpdates([{ documentId: 'a', update: bytes(1) }]);
    const other = createSqliteStore({ path: file });
    try {
      await other.appendUpdates([{ documentId: 'a', update: bytes(2) }]);
    } finally {
      await other.close();
    }
    // This store still believes seq 1 is the last: the batch fails whole, then a retry succeeds.
    const batch = [
      { documentId: 'b', update: bytes(3) },
      { documentId: 'a', update: bytes(4) },
    ];
    await expect(store.appendUpdates(batch)).rejects.toThrow(/UNIQUE constraint failed/);
    expect((await store.loadBody('b')).updates).toEqual([]);
    expect(await store.appendUpdates(batch)).toEqual(
      new Map([
        ['b', 1],
        ['a', 3],
      ]),
    );
    expect((await store.loadBody('a')).updates).toEqual([bytes(1), bytes(2), bytes(4)]);
  });

  it('continues the numbering after a reopen', async () => {
    await store.appendUpdates([{ documentId: 'a', update: bytes(1) }]);
    await store.close();
    store = createSqliteStore({ path: file });
    expect(await store.appendUpdates([{ documentId: 'a', update: bytes(2) }])).toEqual(
      new Map([['a', 2]]),
    );
  });
});

describe('loadBody', () => {
  it('returns snapshot + tail that rebuild the same Yjs text as the editing client', async () => {
    const client = await loadDoc(store, 'a');
    const rows = ['one', ', two', ', three'].map((part) => appendText(client, part));
    for (const update of rows) await store.appendUpdates([{ documentId: 'a', update }]);
    const body = await store.loadBody('a');
    expect(body.snapshot).not.toBeNull();
    expect(body.updates).toHaveLength(3);
    expect(await loadText(store, 'a')).toBe('Alpha: one, two, three');
    expect(client.getText('body').toString()).toBe('Alpha: one, two, three');
  });

  it('rejects an unknown document instead of returning an empty body', async () => {
    await expect(store.loadBody('ghost')).rejects.toThrow('unknown document ghost');
  });
});

describe('compact', () => {
  /** Five log rows on document a; returns the client's doc after each row. */
  async function fiveEdits(): Promise<{ client: Y.Doc; statesAfter: Uint8Array[] }> {
    const client = await loadDoc(store, 'a');
    const statesAfter: Uint8Array[] = [];
    for (let i = 1; i <= 5; i++) {
      await store.appendUpdates([{ documentId: 'a', update: appendText(client, `${i}.`) }]);
      statesAfter.push(Y.encodeStateAsUpdate(client));
    }
    return { client, statesAfter };
  }

  it('replaces the snapshot and deletes only the rows up to uptoSeq', async () => {
    const { statesAfter } = await fiveEdits();
    const before = await store.loadBody('a');
    await store.compact('a', statesAfter[2]!, 3);
    const after = await store.loadBody('a');
    expect(after.snapshot).toEqual(statesAfter[2]);
    expect(after.updates).toEqual(before.updates.slice(3));
    expect(after.lastSeq).toBe(5);
    expect(after.tailBytes).toBe(before.updates[3]!.byteLength + before.updates[4]!.byteLength);
    expect(await loadText(store, 'a')).toBe('Alpha: 1.2.3.4.5.');
  });

  it('stores each snapshot’s state vector with it', async () => {
    const initial = await store.loadBody('a');
    expect(initial.snapshotStateVector).toEqual(Y.encodeStateVectorFromUpdate(initial.snapshot!));
    const { statesAfter } = await fiveEdits();
    await store.compact('a', statesAfter[4]!, 5);
    const body = await store.loadBody('a');
    expect(body.snapshotStateVector).toEqual(Y.encodeStateVectorFromUpdate(statesAfter[4]!));
    // Bytes Yjs cannot read are still stored as given, without a state vector.
    await store.compact('a', new Uint8Array([1, 2, 3]), 5);
    expect(await store.loadBody('a')).toMatchObject({
      snapshot: new Uint8Array([1, 2, 3]),
      snapshotStateVector: null,
    });
  });

  it('ignores a compaction older than the stored snapshot', async () => {
    const { statesAfter } = await fiveEdits();
    await store.compact('a', statesAfter[3]!, 4);
    await store.compact('a', statesAfter[1]!, 2);
    const body = await store.loadBody('a');
    expect(body.snapshot).toEqual(statesAfter[3]);
    expect(body.updates).toHaveLength(1);
    expect(await loadText(store, 'a')).toBe('Alpha: 1.2.3.4.5.');
  });

  it('keeps rows appended after the state it was given', async () => {
    const { client, statesAfter } = await fiveEdits();
    await store.appendUpdates([{ documentId: 'a', update: appendText(client, '6.') }]);
    await store.compact('a', statesAfter[4]!, 5);
    expect(await loadText(store, 'a')).toBe('Alpha: 1.2.3.4.5.6.');
  });

  it('keeps numbering past the snapshot once the whole log is compacted, across a reopen', async () => {
    const { client, statesAfter } = await fiveEdits();
    await store.compact('a', statesAfter[4]!, 5);
    expect(await store.loadBody('a')).toMatchObject({ updates: [], lastSeq: 5, tailBytes: 0 });
    await store.close();
    store = createSqliteStore({ path: file });
    const next = await store.appendUpdates([{ documentId: 'a', update: appendText(client, '6.') }]);
    expect(next.get('a')).toBe(6);
    expect(await loadText(store, 'a')).toBe('Alpha: 1.2.3.4.5.6.');
  });

  it('refuses an uptoSeq past the log, a bad uptoSeq and an unknown document', async () => {
    const { statesAfter } = await fiveEdits();
    await expect(store.compact('a', statesAfter[4]!, 6)).rejects.toThrow(
      'compact(a): uptoSeq 6 is past the last appended update (5)',
    );
    await expect(store.compact('a', statesAfter[4]!, -1)).rejects.toThrow(/non-negative integer/);
    await expect(store.compact('ghost', statesAfter[4]!, 0)).rejects.toThrow(
      'unknown document ghost',
    );
    expect((await store.loadBody('a')).updates).toHaveLength(5);
  });
});
