import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType, SyncMessageType } from '../protocol.ts';
import { Harness, waitFor } from '../server/test-support.ts';
import {
  type AccordConnection,
  type ConnectionStatus,
  connectDocument,
  type RefusedEdit,
} from './connect-document.ts';
import { type InProcessAccess, type InProcessNetwork, inProcessNetwork } from './test-support.ts';

let h: Harness;
let access: InProcessAccess;
let net: InProcessNetwork;
const connections: AccordConnection[] = [];

beforeEach(async () => {
  h = new Harness({ unloadDelayMs: 20 });
  await h.store.createDocument('doc-a', 'Bonjour');
  access = { readOnly: false, role: 'editor' };
  net = inProcessNetwork(h.sync, access);
});

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.destroy();
  await h.dispose();
});

function connect(doc = new Y.Doc()): AccordConnection {
  const connection = connectDocument({
    serverUrl: 'ws://accord.test/sync',
    documentId: 'doc-a',
    doc,
    WebSocketPolyfill: net.WebSocket,
  });
  connections.push(connection);
  return connection;
}

function until(
  connection: AccordConnection,
  what: string,
  predicate: (status: ConnectionStatus) => boolean,
): Promise<void> {
  return waitFor(() => predicate(connection.getStatus()), what);
}

const text = (doc: Y.Doc) => doc.getText('body').toString();

function append(doc: Y.Doc, value: string): void {
  const body = doc.getText('body');
  body.insert(body.length, value);
}

/** Sync step 2 and update frames: the only frames that carry document content. */
const documentUpdates = (frames: Uint8Array[]) =>
  frames.filter(
    (f) =>
      f[0] === MessageType.sync &&
      (f[1] === SyncMessageType.step2 || f[1] === SyncMessageType.update),
  );

describe('session frame', () => {
  it('exposes read-only and the role the server states', async () => {
    access.readOnly = true;
    access.role = 'viewer';
    const connection = connect();
    await until(connection, 'connected', (s) => s.connection === 'connected');
    expect(connection.getStatus()).toMatchObject({ readOnly: true, role: 'viewer', refused: null });
    expect(text(connection.doc)).toBe('Bonjour');
  });

  it('reports no role when the server does not say', async () => {
    delete access.role;
    const connection = connect();
    await until(connection, 'connected', (s) => s.connection === 'connected');
    expect(connection.getStatus()).toMatchObject({ readOnly: false, role: null });
  });

  it('keeps BroadcastChannel off: tabs converge through the server, which may refuse', () => {
    expect(connect().provider.disableBc).toBe(true);
  });
});

describe('refused edits', () => {
  it('an offline edit that arrives after the role became viewer is refused, once, and never sent again', async () => {
    const peer = await h.joined('doc-a');
    const connection = connect();
    await until(connection, 'saved', (s) => s.connection === 'connected' && s.save === 'saved');
    const refusals: RefusedEdit[] = [];
    connection.onRefused((refused) => refusals.push(refused));

    // Offline, the editor types; meanwhile their role becomes viewer. The reconnect's step 2
    // carries the offline edit to a read-only connection.
    connection.provider.disconnect();
    append(connection.doc, ' — écrit hors ligne');
    access.readOnly = true;
    access.role = 'viewer';
    connection.provider.connect();

    await waitFor(() => refusals.length > 0, 'the refusal');
    expect(refusals).toEqual([{ reason: 'read-only' }]);
    expect(connection.getStatus()).toMatchObject({
      readOnly: true,
      role: 'viewer',
      refused: { reason: 'read-only' },
    });
    const sentAtRefusal = net.sent.length;

    // Typing on the spent doc sends nothing; the others' edits still arrive.
    append(connection.doc, ' et encore');
    peer.type(' à tous');
    await waitFor(() => text(connection.doc).includes(' à tous'), 'the peer’s edit');
    await h.idle();
    expect(documentUpdates(net.sent.slice(sentAtRefusal))).toEqual([]);
    expect(await h.store.text('doc-a')).toBe('Bonjour à tous');
    expect(peer.text()).toBe('Bonjour à tous');
    expect(refusals).toHaveLength(1);

    // The role comes back (4500, reconnect as editor): the spent doc still sends nothing, so the
    // refused edit does not merge now either.
    access.readOnly = false;
    access.role = 'editor';
    const socketsBefore = net.sockets.length;
    net.closeAll(CloseCode.reconnect, 'role changed');
    await waitFor(() => net.sockets.length > socketsBefore, 'the reconnect');
    await until(connection, 'editable again', (s) => s.connection === 'connected' && !s.readOnly);
    await h.idle();
    expect(documentUpdates(net.sent.slice(sentAtRefusal))).toEqual([]);
    expect(await h.store.text('doc-a')).toBe('Bonjour à tous');
    expect(peer.text()).toBe('Bonjour à tous');

    // What the app does: drop the spent doc, connect a fresh one. It gets the server's text, and
    // its edits are saved.
    connection.destroy();
    const fresh = connect();
    await until(fresh, 'fresh synced', (s) => s.connection === 'connected');
    expect(text(fresh.doc)).toBe('Bonjour à tous');
    append(fresh.doc, '!');
    await until(fresh, 'fresh edit saved', (s) => s.save === 'saved');
    await h.idle();
    expect(await h.store.text('doc-a')).toBe('Bonjour à tous!');
    await waitFor(() => peer.text() === 'Bonjour à tous!', 'the fresh edit at the peer');
    expect(fresh.getStatus().refused).toBeNull();
  });

  it('a live edit on a read-only connection is refused the same way', async () => {
    access.readOnly = true;
    access.role = 'commenter';
    const connection = connect();
    await until(connection, 'connected', (s) => s.connection === 'connected');
    expect(connection.getStatus().refused).toBeNull();
    const refused = new Promise<RefusedEdit>((resolve) => connection.onRefused(resolve));
    append(connection.doc, ' (pirate)');
    expect(await refused).toEqual({ reason: 'read-only' });
    await h.idle();
    expect(await h.store.text('doc-a')).toBe('Bonjour');
  });

  it('tells a listener added after the refusal at once, and not one that unsubscribed', async () => {
    access.readOnly = true;
    const connection = connect();
    await until(connection, 'connected', (s) => s.connection === 'connected');
    const gone: RefusedEdit[] = [];
    connection.onRefused((r) => gone.push(r))();
    append(connection.doc, '?');
    await until(connection, 'refused', (s) => s.refused !== null);
    const late = await new Promise<RefusedEdit>((resolve) => connection.onRefused(resolve));
    expect(late).toEqual({ reason: 'read-only' });
    expect(gone).toEqual([]);
  });
});

describe('presence after a reconnect', () => {
  it('shows the others again at once, without waiting for their next heartbeat', async () => {
    const peer = await h.joined('doc-a');
    peer.setPresence({ name: 'Pair' });
    const connection = connect();
    const { awareness } = connection.provider;
    await waitFor(() => awareness.getStates().has(peer.doc.clientID), 'the peer’s presence');

    const socketsBefore = net.sockets.length;
    net.closeAll(CloseCode.shuttingDown, 'restart');
    await waitFor(() => !awareness.getStates().has(peer.doc.clientID), 'presence dropped');
    await waitFor(() => net.sockets.length > socketsBefore, 'the reconnect');
    await until(connection, 'reconnected', (s) => s.connection === 'connected');
    // The server re-sends the peer's state with the clock this client already saw.
    await waitFor(() => awareness.getStates().has(peer.doc.clientID), 'the peer’s presence back');
    expect(awareness.getStates().get(peer.doc.clientID)).toEqual({ name: 'Pair' });
  });
});

describe('events', () => {
  it('hands every event of its document to the listeners, until they unsubscribe', async () => {
    access.tags = { documentId: 'doc-a', organisationId: 'city' };
    const connection = connect();
    const received: unknown[] = [];
    const unsubscribe = connection.onEvent((event) => received.push(event));
    await until(connection, 'connected', (s) => s.connection === 'connected');

    const event = { type: 'thread.changed', threadId: 't1', change: 'created' };
    expect(h.sync.sendEvent({ documentId: 'doc-a' }, event)).toBe(1);
    await waitFor(() => received.length === 1, 'the event');
    expect(received).toEqual([event]);

    unsubscribe();
    const later: unknown[] = [];
    connection.onEvent((e) => later.push(e));
    h.sync.sendEvent({ documentId: 'doc-a' }, { type: 'thread.changed', threadId: 't2' });
    await waitFor(() => later.length === 1, 'the second event');
    expect(received).toHaveLength(1);
  });

  it('ignores event frames that are not a JSON object with a type, and keeps going', async () => {
    access.tags = { documentId: 'doc-a' };
    const connection = connect();
    const received: unknown[] = [];
    connection.onEvent((event) => received.push(event));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    connection.onEvent(() => {
      throw new Error('a broken listener');
    });
    await until(connection, 'connected', (s) => s.connection === 'connected');
    for (const json of ['not json', '[1]', '{"type":3}', 'null']) {
      const socket = net.sockets.at(-1) as unknown as EventTarget;
      const encoder = new TextEncoder().encode(json);
      // [23, varString]: the length fits one byte for these short strings.
      const frame = new Uint8Array([MessageType.event, encoder.length, ...encoder]);
      socket.dispatchEvent(new MessageEvent('message', { data: frame.buffer }));
    }
    h.sync.sendEvent({ documentId: 'doc-a' }, { type: 'ok' });
    await waitFor(() => received.length === 1, 'the valid event');
    expect(received).toEqual([{ type: 'ok' }]);
    expect(connection.getStatus().connection).toBe('connected');
    expect(logged).toHaveBeenCalledWith('[accord] event listener failed', expect.any(Error));
    logged.mockRestore();
  });
});
