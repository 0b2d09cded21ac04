import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Harness, waitFor } from './test-support.ts';

let h: Harness;

beforeEach(async () => {
  h = new Harness({ unloadDelayMs: 20 });
  await h.store.createDocument('doc-a', 'Bonjour');
});

afterEach(async () => {
  await h.dispose();
});

describe('a room serves its stored bytes until someone edits', () => {
  it('readers and presence never build the document; the first edit does', async () => {
    const readers = [await h.joined('doc-a'), await h.joined('doc-a')];
    readers[0]!.setPresence({ name: 'Alice' });
    await waitFor(() => readers[1]!.peers().size === 1, 'presence to pass between readers');
    for (const reader of readers) expect(reader.text()).toBe('Bonjour');
    expect(h.sync.stats()).toMatchObject({ rooms: 1, documentsBuilt: 0, connections: 2 });

    readers[0]!.type(' à tous');
    await waitFor(() => readers[1]!.text() === 'Bonjour à tous', 'the edit to reach the other');
    expect(h.sync.stats()).toMatchObject({ documentsBuilt: 1 });
  });

  it('a client that already holds part of the stored state gets only the rest', async () => {
    const initial = (await h.store.body('doc-a')).snapshot!;
    const writer = await h.joined('doc-a');
    writer.type(', Lucie');
    await waitFor(() => writer.saved > 0, 'the edit to be stored');
    writer.leave();
    await waitFor(() => h.sync.stats().rooms === 0, 'the room to unload');
    const full = (await h.store.body('doc-a')).snapshot!;

    // A client that saw "Bonjour" only (an old copy) joins the freshly loaded room.
    const old = new Y.Doc();
    Y.applyUpdate(old, initial);
    const stale = h.client('doc-a', { doc: old });
    await waitFor(() => stale.text() === 'Bonjour, Lucie', 'the stale client to catch up');
    const [step2] = stale.of('step2');
    // Only what it lacked: the stored state minus what its state vector says it has.
    expect(step2!.update.byteLength).toBeLessThan(full.byteLength);
    expect(h.sync.stats()).toMatchObject({ documentsBuilt: 0 });
  });

  it('asks joiners with the stored state vector, and with the document’s once it is built', async () => {
    const stored = (await h.store.body('doc-a')).snapshot!;
    const first = await h.joined('doc-a');
    const second = await h.joined('doc-a');
    const [asked] = second.of('step1');
    expect(Y.decodeStateVector(asked!.stateVector)).toEqual(
      Y.decodeStateVector(Y.encodeStateVectorFromUpdate(stored)),
    );

    first.type(' à tous');
    await waitFor(() => second.text() === 'Bonjour à tous', 'the edit to reach the other');
    const third = await h.joined('doc-a');
    const [askedAfter] = third.of('step1');
    // The edit is in the state vector: the one read from the stored bytes is not served again.
    expect(Y.decodeStateVector(askedAfter!.stateVector)).toEqual(
      Y.decodeStateVector(Y.encodeStateVector(first.doc)),
    );
  });

  it('takes its state vector from the store when the snapshot has one and no log row follows', async () => {
    const writer = await h.joined('doc-a');
    writer.type(', Lucie');
    await waitFor(() => writer.saved > 0, 'the edit to be stored');
    writer.leave();
    await waitFor(() => h.sync.stats().rooms === 0, 'the room to unload (and compact)');
    const body = await h.store.body('doc-a');
    expect(body.updates).toHaveLength(0);
    expect(body.snapshotStateVector).toEqual(Y.encodeStateVectorFromUpdate(body.snapshot!));

    // A stand-in state vector proves which one the room sends: the stored one, not a parse.
    const marker = Y.encodeStateVector(new Map([[424242, 7]]));
    const { loadBody } = h.store.persistence;
    h.store.persistence.loadBody = async (id) => ({
      ...(await loadBody(id)),
      snapshotStateVector: marker,
    });
    const reader = await h.joined('doc-a');
    expect(Y.decodeStateVector(reader.of('step1')[0]!.stateVector)).toEqual(new Map([[424242, 7]]));
    expect(reader.text()).toBe('Bonjour, Lucie');
  });
});
