import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../protocol.ts';
import { Harness, type TestClient, waitFor } from '../server/test-support.ts';
import { SaveTracker } from './save-tracker.ts';

/** The frames a y-websocket provider sends, built with y-protocols as the provider does. */
const doc = new Y.Doc();
doc.getText('body').insert(0, 'Bonjour');

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const step1 = () => syncMessage((e) => syncProtocol.writeSyncStep1(e, doc));
const step2 = () => syncMessage((e) => syncProtocol.writeSyncStep2(e, doc, new Uint8Array([0])));
const update = () => syncMessage((e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc)));
function awareness(): Uint8Array {
  const a = new awarenessProtocol.Awareness(doc);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(a, [doc.clientID]));
  a.destroy();
  return encoding.toUint8Array(encoder);
}

/** A socket that has finished its handshake (step 2 sent and acknowledged). */
function connected(tracker: SaveTracker): object {
  const socket = {};
  tracker.socketOpened(socket);
  tracker.sent(socket, step1());
  tracker.sent(socket, step2());
  tracker.acked(socket, 1);
  return socket;
}

describe('SaveTracker', () => {
  it('starts saved', () => {
    expect(new SaveTracker().unsaved).toBe(false);
  });

  it('counts step 2 and update frames only, as the server does', () => {
    const tracker = new SaveTracker();
    const socket = {};
    tracker.socketOpened(socket);
    expect(tracker.sent(socket, step1())).toBe(false);
    expect(tracker.sent(socket, awareness())).toBe(false);
    expect(tracker.sent(socket, step2())).toBe(true);
    expect(tracker.sent(socket, update())).toBe(true);
    expect(tracker.sent({}, update())).toBe(false); // a socket it was never told about
  });

  it('an update frame carries the change made before it: saved once its position is acked', () => {
    const tracker = new SaveTracker();
    const socket = connected(tracker);
    expect(tracker.unsaved).toBe(false);
    tracker.localChange();
    expect(tracker.unsaved).toBe(true);
    tracker.sent(socket, update()); // position 2
    expect(tracker.unsaved).toBe(true);
    tracker.acked(socket, 1);
    expect(tracker.unsaved).toBe(true);
    tracker.acked(socket, 2);
    expect(tracker.unsaved).toBe(false);
  });

  it('needs the ack of the last update carrying a change, not of the first', () => {
    const tracker = new SaveTracker();
    const socket = connected(tracker);
    tracker.localChange();
    tracker.sent(socket, update()); // 2
    tracker.localChange();
    tracker.sent(socket, update()); // 3
    tracker.acked(socket, 2);
    expect(tracker.unsaved).toBe(true);
    tracker.acked(socket, 3);
    expect(tracker.unsaved).toBe(false);
  });

  it('an update that carries no local change (e.g. a relayed one) does not make it unsaved', () => {
    const tracker = new SaveTracker();
    const socket = connected(tracker);
    tracker.sent(socket, update());
    expect(tracker.unsaved).toBe(false);
  });

  it('acks never go backwards', () => {
    const tracker = new SaveTracker();
    const socket = connected(tracker);
    tracker.localChange();
    tracker.sent(socket, update()); // 2
    tracker.acked(socket, 2);
    tracker.acked(socket, 1);
    expect(tracker.unsaved).toBe(false);
  });

  it('offline changes are covered only by the ack of the next step 2', () => {
    const tracker = new SaveTracker();
    tracker.localChange(); // no socket at all
    expect(tracker.unsaved).toBe(true);
    const socket = {};
    tracker.socketOpened(socket);
    tracker.sent(socket, step1());
    expect(tracker.unsaved).toBe(true);
    tracker.sent(socket, step2()); // 1
    expect(tracker.unsaved).toBe(true);
    tracker.acked(socket, 1);
    expect(tracker.unsaved).toBe(false);
  });

  it('a change made while connecting, sent as an update before the step 2, waits for the step 2', () => {
    const tracker = new SaveTracker();
    const socket = {};
    tracker.socketOpened(socket);
    tracker.sent(socket, step1());
    tracker.localChange();
    tracker.sent(socket, update()); // 1: the provider sends it as soon as the socket is open
    tracker.acked(socket, 1);
    expect(tracker.unsaved).toBe(true);
    tracker.sent(socket, step2()); // 2
    tracker.acked(socket, 2);
    expect(tracker.unsaved).toBe(false);
  });

  it('a socket closed with unacknowledged changes leaves them unsaved until the next step 2 is acked', () => {
    const tracker = new SaveTracker();
    const first = connected(tracker);
    tracker.localChange();
    tracker.sent(first, update()); // 2
    tracker.socketClosed(first);
    expect(tracker.unsaved).toBe(true);

    const second = {};
    tracker.socketOpened(second);
    tracker.sent(second, step1());
    expect(tracker.unsaved).toBe(true);
    tracker.sent(second, step2()); // 1 on the new socket
    expect(tracker.unsaved).toBe(true);
    tracker.acked(second, 1);
    expect(tracker.unsaved).toBe(false);
  });

  it('a change whose update was never sent (socket closing) is carried by the next step 2', () => {
    const tracker = new SaveTracker();
    const first = connected(tracker);
    tracker.localChange(); // the provider did not send it: the socket was closing
    tracker.socketClosed(first);
    expect(tracker.unsaved).toBe(true);
    const second = {};
    tracker.socketOpened(second);
    tracker.sent(second, step2());
    tracker.acked(second, 1);
    expect(tracker.unsaved).toBe(false);
  });

  it('ignores acks that arrive on an old socket', () => {
    const tracker = new SaveTracker();
    const first = connected(tracker);
    tracker.localChange();
    tracker.sent(first, update()); // 2
    tracker.socketClosed(first);
    tracker.acked(first, 2); // too late: the socket is gone
    expect(tracker.unsaved).toBe(true);

    const second = {};
    tracker.socketOpened(second);
    tracker.acked(second, 5); // an ack on the new socket for nothing it sent changes nothing either
    tracker.sent(second, step2());
    tracker.acked(second, 1);
    expect(tracker.unsaved).toBe(false);
  });

  it('a socket closed with everything acknowledged stays saved', () => {
    const tracker = new SaveTracker();
    const first = connected(tracker);
    tracker.localChange();
    tracker.sent(first, update());
    tracker.acked(first, 2);
    tracker.socketClosed(first);
    expect(tracker.unsaved).toBe(false);
    const second = {};
    tracker.socketOpened(second);
    tracker.sent(second, step2());
    expect(tracker.unsaved).toBe(false);
  });

  it('a change while offline after a socket closed is unsaved until the next step 2 is acked', () => {
    const tracker = new SaveTracker();
    const first = connected(tracker);
    tracker.socketClosed(first);
    tracker.localChange();
    expect(tracker.unsaved).toBe(true);
    const second = {};
    tracker.socketOpened(second);
    tracker.sent(second, step2());
    tracker.acked(second, 1);
    expect(tracker.unsaved).toBe(false);
  });
});

describe('SaveTracker against the real sync server', () => {
  let h: Harness;

  afterEach(async () => {
    await h.dispose();
  });

  /** Feeds the tracker every frame `client` sent since the last call, as the wrapped socket does. */
  function feeder(tracker: SaveTracker, client: TestClient) {
    let fed = 0;
    return () => {
      for (; fed < client.sent.length; fed++) tracker.sent(client, client.sent[fed]!);
      let acked = 0;
      for (const m of client.of('saved')) acked = Math.max(acked, m.upTo);
      tracker.acked(client, acked);
    };
  }

  it('counts positions exactly as the server acknowledges them', async () => {
    h = new Harness();
    await h.store.createDocument('doc-a', 'Bonjour');
    const tracker = new SaveTracker();
    const clientDoc = new Y.Doc();
    // Offline edit before the first connection.
    tracker.localChange();
    clientDoc.getText('body').insert(0, '> ');

    const client = h.client('doc-a', { doc: clientDoc });
    tracker.socketOpened(client);
    const feed = feeder(tracker, client);
    await waitFor(() => client.saved === 1, 'the handshake ack');
    feed();
    expect(tracker.unsaved).toBe(false);

    for (const word of [' un', ' deux', ' trois']) {
      tracker.localChange();
      client.type(word);
      feed();
      expect(tracker.unsaved).toBe(true);
    }
    await waitFor(() => client.saved === client.sentUpdates, 'every edit acknowledged');
    feed();
    expect(tracker.unsaved).toBe(false);
    const stored = await h.store.text('doc-a');
    expect(stored).toBe(client.text());
    expect(stored).toContain('> ');
    expect(stored).toContain(' un deux trois');
  });

  it('a read-only socket reaches saved: refused positions are acknowledged too', async () => {
    h = new Harness();
    await h.store.createDocument('doc-a', 'Bonjour');
    const tracker = new SaveTracker();
    const viewer = h.client('doc-a', { readOnly: true });
    tracker.socketOpened(viewer);
    const feed = feeder(tracker, viewer);
    await waitFor(() => viewer.saved === 1, 'the handshake ack');
    feed();
    expect(tracker.unsaved).toBe(false);
    tracker.localChange();
    viewer.type('!');
    feed();
    expect(tracker.unsaved).toBe(true);
    await waitFor(() => viewer.saved === 2, 'the refused position acknowledged');
    feed();
    expect(tracker.unsaved).toBe(false);
    expect(viewer.of('refused').map((m) => m.update)).toContain(2);
  });
});
