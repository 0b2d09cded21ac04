import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MessageType } from '../protocol.ts';
import {
  Harness,
  nextTurn,
  rawAwarenessUpdate,
  sleep,
  type TestClient,
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

/** Awareness frames `receiver` got that carry an entry of `clientId`. */
const framesAbout = (receiver: TestClient, clientId: number) =>
  receiver.of('awareness').filter((m) => m.entries.some((e) => e.clientId === clientId));

describe('presence', () => {
  it('forwards presence to the others, not back to its author, and not to other rooms', async () => {
    const a = await h.joined('doc-a');
    const b = await h.joined('doc-a');
    const other = await h.joined('doc-b');
    a.setPresence({ name: 'Alice', colour: '#f00' });
    await waitFor(() => b.peers().has(a.doc.clientID), 'b to see a');
    expect(b.peers().get(a.doc.clientID)).toEqual({ name: 'Alice', colour: '#f00' });
    await sleep(70);
    expect(framesAbout(a, a.doc.clientID)).toEqual([]);
    expect(other.of('awareness').filter((m) => m.entries.length > 0)).toEqual([]);
  });

  it('sends a joiner everyone already present, and answers a query', async () => {
    const a = await h.joined('doc-a');
    a.setPresence({ name: 'Alice' });
    const b = await h.joined('doc-a');
    b.setPresence({ name: 'Bob' });
    await waitFor(() => a.peers().has(b.doc.clientID), 'a to see b');
    const c = h.client('doc-a');
    await waitFor(() => c.peers().size === 2, 'c to see a and b');
    // c got the presence as part of its join: with the server's step 1 (right after it when the
    // document is built, before it when the room answers from the stored bytes).
    const step1At = c.received.findIndex((m) => m.type === 'step1');
    const presenceAt = c.received.findIndex((m) => m.type === 'awareness');
    expect(step1At).toBeGreaterThanOrEqual(0);
    expect(presenceAt).toBeGreaterThanOrEqual(0);
    expect(presenceAt).toBeLessThanOrEqual(step1At + 1);

    const before = c.of('awareness').length;
    const query = encoding.createEncoder();
    encoding.writeVarUint(query, MessageType.queryAwareness);
    c.send(encoding.toUint8Array(query));
    await waitFor(() => c.of('awareness').length === before + 1, 'the answer');
    const answer = c.of('awareness').at(-1)!;
    expect(answer.entries.map((e) => e.clientId).sort()).toEqual(
      [a.doc.clientID, b.doc.clientID].sort(),
    );
  });

  it('drops entries for a client id another connection owns, keeps the sender’s own', async () => {
    const a = await h.joined('doc-a');
    a.setPresence({ name: 'Alice' });
    const mallory = await h.joined('doc-a', { relayAwareness: false });
    const c = await h.joined('doc-a');
    await waitFor(() => c.peers().has(a.doc.clientID), 'c to see a');

    mallory.sendAwareness(
      rawAwarenessUpdate([
        { clientId: a.doc.clientID, clock: 99, state: { name: 'Alice (forged)' } },
        { clientId: mallory.doc.clientID, clock: 1, state: { name: 'Mallory' } },
      ]),
    );
    await waitFor(() => c.peers().has(mallory.doc.clientID), 'c to see mallory');
    await sleep(70);
    expect(c.peers().get(a.doc.clientID)).toEqual({ name: 'Alice' });
    // Nobody got the forged entry in any frame.
    for (const receiver of [a, c]) {
      for (const frame of framesAbout(receiver, a.doc.clientID)) {
        expect(frame.entries.find((e) => e.clientId === a.doc.clientID)?.state).not.toEqual({
          name: 'Alice (forged)',
        });
      }
    }

    // Nor can mallory remove someone else's presence.
    mallory.sendAwareness(
      rawAwarenessUpdate([{ clientId: a.doc.clientID, clock: 1, state: null }]),
    );
    await sleep(70);
    expect(c.peers().get(a.doc.clientID)).toEqual({ name: 'Alice' });
  });

  it('drops a state over maxAwarenessStateBytes, and accepts the next one under it', async () => {
    const a = await h.joined('doc-a');
    const b = await h.joined('doc-a');
    a.setPresence({ name: 'x'.repeat(5_000) });
    await sleep(70);
    expect(framesAbout(b, a.doc.clientID)).toEqual([]);
    expect(a.closed).toBeNull();
    a.setPresence({ name: 'Alice' });
    await waitFor(() => b.peers().has(a.doc.clientID), 'the small state');
    expect(b.peers().get(a.doc.clientID)).toEqual({ name: 'Alice' });
  });

  // BUG: room.ts #receiveAwareness compares entry.state.length (UTF-16 code units) with
  // maxAwarenessStateBytes, documented as "bytes of its JSON" (limits.ts). A state of 3,000 "é"
  // is ~6 KB of UTF-8 on the wire and in memory per receiver, yet passes the 4 KiB limit (up to
  // 3x for other scripts). Fix: measure the UTF-8 length (e.g. read the entry with
  // readVarUint8Array and use its byteLength, then decode).
  it('measures the state limit in bytes, not UTF-16 code units', async () => {
    const a = await h.joined('doc-a');
    const b = await h.joined('doc-a');
    a.setPresence({ name: 'é'.repeat(3_000) });
    await sleep(70);
    expect(framesAbout(b, a.doc.clientID)).toEqual([]);
  });

  it('removes a leaving connection’s presence for the others', async () => {
    const a = await h.joined('doc-a');
    const b = await h.joined('doc-a');
    a.setPresence({ name: 'Alice' });
    await waitFor(() => b.peers().has(a.doc.clientID), 'b to see a');
    a.leave();
    await waitFor(() => !b.peers().has(a.doc.clientID), 'a to disappear at b');
    const removal = framesAbout(b, a.doc.clientID).at(-1)!;
    expect(removal.entries).toEqual([
      expect.objectContaining({ clientId: a.doc.clientID, state: null }),
    ]);
  });

  it('coalesces a burst of presence changes into a few frames per receiver', async () => {
    const a = await h.joined('doc-a');
    const b = await h.joined('doc-a');
    a.setPresence({ caret: -1 });
    await waitFor(() => b.peers().has(a.doc.clientID), 'b to see a');
    await sleep(60);
    const before = framesAbout(b, a.doc.clientID).length;
    const start = Date.now();
    for (let i = 0; i < 20; i++) {
      a.awareness.setLocalStateField('caret', i);
      await sleep(1);
    }
    const elapsed = Date.now() - start;
    await sleep(Math.max(0, 100 - elapsed));
    const frames = framesAbout(b, a.doc.clientID).length - before;
    // One frame at once, then at most one per 50 ms flush interval (≤ 3 in 100 ms; a loaded
    // machine may stretch the burst, hence the bound from the time it really took).
    expect(frames).toBeGreaterThanOrEqual(1);
    expect(frames).toBeLessThanOrEqual(Math.max(3, 2 + Math.ceil(elapsed / 50)));
    expect(frames).toBeLessThan(10);
    await waitFor(
      () => (b.peers().get(a.doc.clientID) as { caret?: number })?.caret === 19,
      'the last caret',
    );
  });

  it('in a crowded room, pending presence leaves with the next edit, in the same write', async () => {
    // 150 sockets: presence is flushed every 150 ms, and may ride along with an edit after 50.
    const room = await Promise.all(Array.from({ length: 150 }, () => h.joined('doc-a')));
    const [mover, typist, observer] = room as [TestClient, TestClient, TestClient];
    mover.setPresence({ caret: 0 });
    await waitFor(() => observer.peers().has(mover.doc.clientID), 'the first presence');
    mover.awareness.setLocalStateField('caret', 1);
    await sleep(60);
    const writesBefore = observer.writes.length;
    typist.type('!');
    await waitFor(() => observer.doc.getText('body').toString().endsWith('!'), 'the edit');
    const [write] = observer.writes.slice(writesBefore);
    expect(write?.map((m) => m.type)).toEqual(['update', 'awareness']);
    expect((observer.peers().get(mover.doc.clientID) as { caret: number }).caret).toBe(1);
    // The typist gets the presence alone (never its own edit back); the mover, who is the only
    // author of the presence, gets the edit alone.
    await waitFor(
      () => mover.doc.getText('body').toString().endsWith('!'),
      'the edit at the mover',
    );
    expect(typist.writes.at(-1)?.map((m) => m.type)).toEqual(['awareness']);
    expect(mover.writes.at(-1)?.map((m) => m.type)).toEqual(['update']);
    // Nothing was left for the timer: no second presence frame follows.
    const presenceFrames = framesAbout(observer, mover.doc.clientID).length;
    await sleep(200);
    expect(framesAbout(observer, mover.doc.clientID)).toHaveLength(presenceFrames);
  });

  it('the first change after a quiet period leaves at once (next turn, no timer)', async () => {
    const a = await h.joined('doc-a');
    const b = await h.joined('doc-a');
    await sleep(60);
    a.setPresence({ name: 'Alice' });
    await nextTurn();
    await nextTurn();
    expect(b.peers().get(a.doc.clientID)).toEqual({ name: 'Alice' });
  });

  it('presence of a read-only connection is forwarded (viewers have carets too)', async () => {
    const a = await h.joined('doc-a');
    const viewer = await h.joined('doc-a', { readOnly: true });
    viewer.setPresence({ name: 'Vera' });
    await waitFor(() => a.peers().has(viewer.doc.clientID), 'a to see the viewer');
  });

  // BUG: room.ts #receiveAwareness lets a connection claim any client id nobody currently owns.
  // A stock y-websocket provider re-sends every awareness change it receives, so when Alice's
  // socket drops, Bob's provider echoes the removal of Alice's id and Bob's connection becomes
  // its owner. When Alice's provider reconnects (same doc, same client id) every presence update
  // she sends is dropped as "forged" for as long as Bob stays: her caret is gone for everyone.
  // Fix: only let a connection claim an id with an entry that carries a state (never a removal),
  // and/or keep the last known clock of departed ids and require a newer one.
  it('shows a reconnecting client’s presence again after a peer relayed its removal', async () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ name: 'Alice' });
    const alice = await h.joined('doc-a', { doc, awareness });
    const bob = await h.joined('doc-a'); // relays, as y-websocket does
    await waitFor(() => bob.peers().has(doc.clientID), 'bob to see alice');

    alice.leave();
    await waitFor(() => !bob.peers().has(doc.clientID), 'alice to disappear at bob');
    await sleep(10); // bob's provider has echoed the removal to the server by now

    // Alice's provider reconnects with the same doc and awareness, then she moves her caret.
    const again = await h.joined('doc-a', { doc, awareness });
    awareness.setLocalStateField('caret', 3);
    await sleep(70);
    expect(again.closed).toBeNull();
    expect(bob.peers().get(doc.clientID)).toEqual({ name: 'Alice', caret: 3 });
    awareness.destroy();
  });

  it('a malformed awareness update closes the socket with 4400', async () => {
    const a = await h.joined('doc-a');
    const b = await h.joined('doc-a');
    // Claims 1,000 entries in a few bytes.
    const crafted = encoding.createEncoder();
    encoding.writeVarUint(crafted, 1_000);
    encoding.writeVarUint(crafted, 1);
    a.sendAwareness(encoding.toUint8Array(crafted));
    await waitFor(() => a.closed !== null, 'the close');
    expect(a.closed?.code).toBe(4400);
    expect(b.closed).toBeNull();
  });
});
