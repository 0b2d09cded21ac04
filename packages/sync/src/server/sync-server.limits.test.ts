import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType, SyncMessageType } from '../protocol.ts';
import type { SyncLimits } from './limits.ts';
import { appendText, deferred, Harness, sleep, syncFrame, waitFor } from './test-support.ts';

let h: Harness;

async function setup(limits: Partial<SyncLimits> = {}): Promise<void> {
  h = new Harness({ unloadDelayMs: 20, limits });
  await h.store.createDocument('doc-a', 'Bonjour');
  await h.store.createDocument('doc-b', 'Salut');
}

afterEach(async () => {
  await h.dispose();
});

function frameOf(type: number, write: (encoder: encoding.Encoder) => void = () => {}): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A V1 update that claims a billion structs in a few bytes (yjs issue #687). */
function craftedUpdate(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client
  encoding.writeVarUint(encoder, 1_000_000_000); // structs
  encoding.writeVarUint(encoder, 12345); // client
  encoding.writeVarUint(encoder, 0); // clock
  encoding.writeUint8(encoder, 4); // an Item with string content...
  encoding.writeVarUint(encoder, 1); // parent is a root type
  encoding.writeVarString(encoder, 'body');
  encoding.writeVarString(encoder, 'x');
  return encoding.toUint8Array(encoder);
}

describe('messages queued before the room is ready', () => {
  it('closes with 4429 past maxQueuedMessages; other sockets of the document are untouched', async () => {
    await setup({ maxQueuedMessages: 8 });
    const load = deferred();
    h.store.hooks.loadBody = () => load.promise;
    const flood = h.client('doc-a', { auto: false });
    const calm = h.client('doc-a');
    const doc = new Y.Doc();
    for (let i = 0; i < 8; i++) flood.sendUpdate(appendText(doc, String(i)));
    await sleep(2);
    expect(flood.closed).toBeNull();
    flood.sendUpdate(appendText(doc, '8'));
    expect(flood.closed?.code).toBe(CloseCode.tooMany);

    load.resolve();
    await waitFor(() => calm.text() === 'Bonjour' && calm.saved === 1, 'the calm client to join');
    expect(flood.received).toEqual([]);
    await h.idle();
    // Nothing the flooding socket queued was applied or stored.
    expect(await h.store.text('doc-a')).toBe('Bonjour');
    expect(calm.text()).toBe('Bonjour');
  });

  it('closes with 4429 past maxQueuedBytes', async () => {
    await setup({ maxQueuedBytes: 1_000 });
    const load = deferred();
    h.store.hooks.loadBody = () => load.promise;
    const flood = h.client('doc-a', { auto: false });
    const doc = new Y.Doc();
    flood.sendUpdate(appendText(doc, 'a'.repeat(600)));
    expect(flood.closed).toBeNull();
    flood.sendUpdate(appendText(doc, 'b'.repeat(600)));
    expect(flood.closed?.code).toBe(CloseCode.tooMany);
    load.resolve();
  });

  it('processes up to maxQueuedMessages queued frames in order once the room is ready', async () => {
    await setup({ maxQueuedMessages: 8 });
    const load = deferred();
    h.store.hooks.loadBody = () => load.promise;
    const client = h.client('doc-a', { auto: false });
    const doc = new Y.Doc();
    client.sendStep1();
    for (let i = 0; i < 7; i++) client.sendUpdate(appendText(doc, String(i)));
    load.resolve();
    await waitFor(() => client.saved === 7, 'every queued update acknowledged');
    expect(client.closed).toBeNull();
    expect(client.text()).toBe('Bonjour');
    const stored = await h.store.text('doc-a');
    expect(stored).toContain('0123456');
  });
});

describe('document size', () => {
  it('closes with 4413 an update that would take the document past maxDocumentBytes; nothing stored', async () => {
    await setup({ maxDocumentBytes: 1_000 });
    const a = await h.joined('doc-a');
    const b = await h.joined('doc-a');
    const other = await h.joined('doc-b');
    a.type(' un peu');
    await waitFor(() => a.saved === 2, 'a small edit');

    a.type('x'.repeat(2_000));
    await waitFor(() => a.closed !== null, 'the close');
    expect(a.closed?.code).toBe(CloseCode.documentTooLarge);
    await h.idle();
    expect(await h.store.text('doc-a')).toBe('Bonjour un peu');
    expect(b.text()).toBe('Bonjour un peu');
    expect(b.closed).toBeNull();
    // Other sockets and rooms go on.
    b.type('!');
    other.type('!');
    await waitFor(() => b.saved === 2 && other.saved === 2, 'the others still work');
    expect(await h.store.text('doc-b')).toBe('Salut!');
  });

  it('counts what was loaded: a big stored document refuses a further edit', async () => {
    await setup({ maxDocumentBytes: 1_000 });
    await h.store.createDocument('doc-big', 'y'.repeat(950));
    const a = await h.joined('doc-big');
    a.type('z'.repeat(20));
    await waitFor(() => a.closed !== null, 'the close');
    expect(a.closed?.code).toBe(CloseCode.documentTooLarge);
  });
});

describe('malformed input', () => {
  it('closes with 4400 on an invalid (crafted) update: not applied, not forwarded, not stored', async () => {
    await setup();
    const a = await h.joined('doc-a');
    const b = await h.joined('doc-a');
    a.sendUpdate(craftedUpdate());
    await waitFor(() => a.closed !== null, 'the close');
    expect(a.closed?.code).toBe(CloseCode.malformed);
    expect(a.closed?.reason).toMatch(/invalid update/);
    await h.idle();
    expect(h.store.calls.appendUpdates).toEqual([]);
    expect(b.of('update')).toEqual([]);
    expect(b.closed).toBeNull();

    // The room is intact: a reload after unload serves the stored text.
    b.leave();
    await waitFor(() => h.sync.stats().rooms === 0, 'the unload');
    const c = await h.joined('doc-a');
    expect(c.text()).toBe('Bonjour');
  });

  it('closes with 4400 an invalid update queued before the room was ready, and stores nothing', async () => {
    await setup();
    const load = deferred();
    h.store.hooks.loadBody = () => load.promise;
    const a = h.client('doc-a', { auto: false });
    const doc = new Y.Doc();
    a.sendUpdate(craftedUpdate());
    a.sendUpdate(appendText(doc, 'after'));
    load.resolve();
    await waitFor(() => a.closed !== null, 'the close');
    expect(a.closed?.code).toBe(CloseCode.malformed);
    await h.idle();
    expect(h.store.calls.appendUpdates).toEqual([]);
  });

  it.each([
    [
      'garbage bytes as an update',
      () => syncFrame(SyncMessageType.update, new Uint8Array([255, 255, 255])),
    ],
    [
      'a truncated sync frame',
      () => new Uint8Array([MessageType.sync, SyncMessageType.update, 10, 1]),
    ],
    ['an unknown sync subtype', () => syncFrame(7, new Uint8Array([0, 0]))],
    ['an unknown message type', () => frameOf(9)],
    ['an empty frame', () => new Uint8Array(0)],
    ['a truncated awareness frame', () => new Uint8Array([MessageType.awareness, 5])],
  ])('closes with 4400 on %s', async (_what, frame) => {
    await setup();
    const a = await h.joined('doc-a');
    const b = await h.joined('doc-a');
    a.send(frame());
    await waitFor(() => a.closed !== null, 'the close');
    expect(a.closed?.code).toBe(CloseCode.malformed);
    expect(b.closed).toBeNull();
    await h.idle();
    expect(h.store.calls.appendUpdates).toEqual([]);
  });

  it('closes with 4400 on a text frame', async () => {
    await setup();
    const a = await h.joined('doc-a');
    a.handle.receiveText();
    await waitFor(() => a.closed !== null, 'the close');
    expect(a.closed?.code).toBe(CloseCode.malformed);
  });

  it('ignores in-band auth messages', async () => {
    await setup();
    const a = await h.joined('doc-a');
    a.send(frameOf(MessageType.auth, (e) => encoding.writeVarString(e, 'token')));
    a.type('!');
    await waitFor(() => a.saved === 2, 'the next edit acknowledged');
    expect(a.closed).toBeNull();
  });

  it('ignores frames after the server closed the socket', async () => {
    await setup();
    const a = await h.joined('doc-a');
    a.send(frameOf(9));
    expect(a.closed?.code).toBe(CloseCode.malformed);
    // The close completes on a later turn: frames still in flight are dropped.
    a.sendUpdate(appendText(new Y.Doc(), 'late'));
    await h.idle();
    expect(h.store.calls.appendUpdates).toEqual([]);
  });
});
