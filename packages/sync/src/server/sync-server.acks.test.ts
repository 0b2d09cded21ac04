import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SyncMessageType } from '../protocol.ts';
import {
  appendText,
  deferred,
  Harness,
  nextTurn,
  type Received,
  sleep,
  syncFrame,
  waitFor,
} from './test-support.ts';

let h: Harness;

beforeEach(async () => {
  h = new Harness({ unloadDelayMs: 20 });
  await h.store.createDocument('doc-a', 'Bonjour');
  await h.store.createDocument('doc-b', 'Salut');
});

afterEach(async () => {
  await h.dispose();
});

describe('durable acknowledgements', () => {
  it('acks an update only after appendUpdates resolved; the peer has it before the commit', async () => {
    const a = await h.joined('doc-a');
    const b = await h.joined('doc-a');
    await h.idle();
    expect(a.saved).toBe(1);

    const commit = deferred();
    h.store.hooks.appendUpdates = () => commit.promise;
    a.type(' le monde');
    expect(a.sentUpdates).toBe(2);
    await waitFor(() => b.text() === 'Bonjour le monde', 'the peer to get the update');
    await waitFor(() => h.store.calls.appendUpdates.length === 1, 'the commit to start');
    await sleep(10);
    // Delivered to the peer, being committed, not acknowledged.
    expect(h.store.completed.appendUpdates).toBe(0);
    expect(a.saved).toBe(1);
    expect(await h.store.text('doc-a')).toBe('Bonjour');

    commit.resolve();
    await waitFor(() => a.saved === 2, 'the ack');
    expect(await h.store.text('doc-a')).toBe('Bonjour le monde');
    // The ack only goes to the sender.
    expect(b.saved).toBe(1);
  });

  it('acks every position of one connection in order, each after its commit', async () => {
    const a = await h.joined('doc-a');
    await h.idle();
    const savedAt: { upTo: number; stored: string }[] = [];
    const original = a.received.push.bind(a.received);
    // Record what the store holds at the moment each ack arrives (the SQLite store is synchronous
    // under its promises, so reading it here is exact).
    a.received.push = (...messages: Received[]) => {
      for (const m of messages) {
        if (m.type === 'saved') {
          void h.store.text('doc-a').then((stored) => savedAt.push({ upTo: m.upTo, stored }));
        }
      }
      return original(...messages);
    };

    for (let round = 0; round < 3; round++) {
      const commit = deferred();
      h.store.hooks.appendUpdates = () => commit.promise;
      const calls = h.store.calls.appendUpdates.length;
      a.type(`${round}`);
      await waitFor(() => h.store.calls.appendUpdates.length === calls + 1, 'the commit');
      // Two more edits while the commit runs: they go to the next transaction.
      a.type('a');
      a.type('b');
      await sleep(5);
      expect(a.saved).toBe(1 + round * 3);
      h.store.hooks.appendUpdates = undefined;
      commit.resolve();
      await waitFor(() => a.saved === a.sentUpdates, `round ${round} acknowledged`);
    }
    const acks = a.of('saved').map((m) => m.upTo);
    expect(acks).toEqual([...acks].sort((x, y) => x - y));
    expect(new Set(acks).size).toBe(acks.length);
    expect(acks.at(-1)).toBe(10);
    await nextTurn();
    for (const { upTo, stored } of savedAt) {
      if (upTo === 1) continue;
      // Every edit up to position k is in the store when saved(k) arrives.
      const edits = 'Bonjour0ab1ab2ab'.slice(0, 7 + (upTo - 1));
      expect(stored.startsWith(edits)).toBe(true);
    }
  });

  it('acks an empty step 2 without storing anything', async () => {
    const a = h.client('doc-a');
    await waitFor(() => a.saved === 1, 'the ack of the handshake step 2');
    expect(a.sentUpdates).toBe(1);
    expect(h.store.calls.appendUpdates).toEqual([]);
    expect((await h.store.body('doc-a')).updates).toEqual([]);
  });

  it('stores the offline edits a step 2 carries and acks them', async () => {
    const doc = new Y.Doc();
    // The client has the document already, then edits offline.
    const first = await h.joined('doc-a', { doc });
    first.leave();
    doc.getText('body').insert(0, '« ');
    const again = await h.joined('doc-a', { doc });
    expect(again.sentUpdates).toBe(1);
    expect(again.saved).toBe(1);
    expect(await h.store.text('doc-a')).toBe('« Bonjour');
  });

  it('never echoes an update to its sender, even merged with others of the same turn', async () => {
    const a = await h.joined('doc-a');
    const b = await h.joined('doc-a');
    const c = await h.joined('doc-a');
    const base = Y.encodeStateAsUpdate(c.doc);
    const applied = (messages: { update: Uint8Array }[]) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, base);
      for (const m of messages) Y.applyUpdate(doc, m.update);
      return doc.getText('body').toString();
    };
    a.type(' A');
    b.type(' B');
    await waitFor(() => c.text().includes(' A') && c.text().includes(' B'), 'both at c');
    await waitFor(() => a.text() === c.text() && b.text() === c.text(), 'convergence');
    // a got exactly b's edit, b got exactly a's, c got one merged frame.
    expect(applied(a.of('update'))).toBe('Bonjour B');
    expect(applied(b.of('update'))).toBe('Bonjour A');
    expect(c.of('update')).toHaveLength(1);
  });

  it('answers step 1 with what the client lacks (everything for an empty client)', async () => {
    const a = h.client('doc-a');
    await waitFor(() => a.of('step2').length === 1, 'step 2');
    expect(a.text()).toBe('Bonjour');

    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(a.doc));
    const b = await h.joined('doc-a', { doc });
    // b already has everything: the server's step 2 carries no struct.
    const { structs } = Y.decodeUpdate(b.of('step2')[0]!.update);
    expect(structs).toHaveLength(0);
  });

  it('a stock client (no extensions) gets no acks but its edits are stored', async () => {
    const stock = h.client('doc-a', { extensions: false });
    await waitFor(() => stock.text() === 'Bonjour', 'sync');
    stock.type('!');
    await h.idle();
    expect(await h.store.text('doc-a')).toBe('Bonjour!');
    expect(stock.of('saved')).toEqual([]);
    expect(stock.of('refused')).toEqual([]);
  });

  it('retries a failed commit and acknowledges nothing until it succeeds', async () => {
    const a = await h.joined('doc-a');
    let failures = 2;
    h.store.hooks.appendUpdates = () => {
      if (failures-- > 0) throw new Error('disk busy');
    };
    a.type('!');
    await waitFor(() => h.store.calls.appendUpdates.length >= 2, 'a retry');
    expect(a.saved).toBe(1);
    await waitFor(() => a.saved === 2, 'the ack after the retry', 3_000);
    expect(await h.store.text('doc-a')).toBe('Bonjour!');
    expect((await h.store.body('doc-a')).updates).toHaveLength(1);
    expect(h.logs.some((l) => l.includes('group commit failed'))).toBe(true);
  });

  it('a document the store keeps refusing does not hold back acks of another document', async () => {
    const a = await h.joined('doc-a');
    const b = await h.joined('doc-b');
    h.store.hooks.appendUpdates = (rows) => {
      if (rows.some((row) => row.documentId === 'doc-b')) throw new Error('doc-b refused');
    };
    a.type('!');
    b.type('?');
    await waitFor(() => a.saved === 2, 'doc-a acknowledged');
    expect(b.saved).toBe(1);
    expect(await h.store.text('doc-a')).toBe('Bonjour!');
    expect(await h.store.text('doc-b')).toBe('Salut');

    h.store.hooks.appendUpdates = undefined;
    await waitFor(() => b.saved === 2, 'doc-b acknowledged once the store accepts it', 3_000);
    expect(await h.store.text('doc-b')).toBe('Salut?');
  });

  // BUG: room.ts #receiveSync treats a step 2 that brings nothing new as non-empty when it
  // carries a delete set (Yjs writes the whole delete set into every diff), so every reconnect of
  // a client whose document has deletions appends a redundant row and grows approximateBytes
  // (towards a false 4413). ARCHITECTURE.md: "Empty updates (e.g. a step 2 with nothing new)
  // store nothing".
  it('stores no row for a reconnect step 2 that brings nothing new', async () => {
    const a = await h.joined('doc-a');
    a.doc.getText('body').delete(0, 3); // "jour"
    await waitFor(() => a.saved === 2, 'the deletion saved');
    const doc = a.doc;
    a.leave();
    const rows = h.store.calls.appendUpdates.length;
    const again = await h.joined('doc-a', { doc });
    expect(again.text()).toBe('jour');
    await h.idle();
    expect(h.store.calls.appendUpdates.length).toBe(rows);
  });
});

describe('group commit', () => {
  it('commits updates of 3 connections in 2 documents received in one turn as one call, one row per document', async () => {
    const a1 = await h.joined('doc-a');
    const a2 = await h.joined('doc-a');
    const b1 = await h.joined('doc-b');
    await h.idle();
    const before = h.store.calls.appendUpdates.length;

    a1.type(' un');
    a2.type(' deux');
    b1.type(' trois');
    await waitFor(() => [a1, a2, b1].every((c) => c.saved === 2), 'every ack');

    const calls = h.store.calls.appendUpdates.slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.map((row) => row.documentId).sort()).toEqual(['doc-a', 'doc-b']);
    const rowA = calls[0]!.find((row) => row.documentId === 'doc-a')!;
    const merged = new Y.Doc();
    Y.applyUpdate(merged, (await h.store.body('doc-a')).snapshot!);
    Y.applyUpdate(merged, rowA.update);
    expect(merged.getText('body').toString()).toContain(' un');
    expect(merged.getText('body').toString()).toContain(' deux');
    expect(await h.store.text('doc-a')).toBe(a1.text());
    expect(await h.store.text('doc-b')).toBe('Salut trois');
  });

  it('keeps the ack order of a connection across a step 2 and updates sent in one turn', async () => {
    const a = h.client('doc-a', { auto: false });
    const doc = new Y.Doc();
    a.sendStep2(new Uint8Array([0, 0]));
    a.sendUpdate(appendText(doc, 'x'));
    a.sendStep2(new Uint8Array([0, 0]));
    a.sendUpdate(appendText(doc, 'y'));
    expect(a.sentUpdates).toBe(4);
    await waitFor(() => a.saved === 4, 'every position acknowledged');
    const acks = a.of('saved').map((m) => m.upTo);
    expect(acks).toEqual([...acks].sort((x, y) => x - y));
    expect(h.store.rowsFor('doc-a')).toHaveLength(1);
  });

  it('a raw sync update frame built with y-protocols is applied and stored', async () => {
    const a = h.client('doc-a', { auto: false });
    const doc = new Y.Doc();
    a.send(syncFrame(SyncMessageType.update, appendText(doc, 'z')));
    await h.idle();
    expect(await h.store.text('doc-a')).toContain('z');
  });
});
