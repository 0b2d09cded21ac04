import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { SyncSocket, wireFrame } from './sync-socket.ts';

let wss: WebSocketServer | null = null;

afterEach(async () => {
  await new Promise((resolve) => wss?.close(resolve) ?? resolve(undefined));
  wss = null;
});

/** A real ws server creating SyncSockets, and a real client connected to it. */
async function connected(): Promise<{ server: SyncSocket; client: WebSocket }> {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0, WebSocket: SyncSocket });
  await new Promise((resolve) => wss!.once('listening', resolve));
  const accepted = new Promise<SyncSocket>((resolve) =>
    wss!.once('connection', (socket) => resolve(socket as SyncSocket)),
  );
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  client.binaryType = 'nodebuffer';
  await new Promise((resolve) => client.once('open', resolve));
  return { server: await accepted, client };
}

const bytes = (length: number, seed: number) =>
  Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);

describe('SyncSocket', () => {
  it('delivers frames of every header size intact and in order, then the close', async () => {
    const { server, client } = await connected();
    const sizes = [0, 1, 125, 126, 1_000, 65_535, 65_536, 200_000, 3];
    const frames = sizes.map((size, i) => bytes(size, i));
    const received: Buffer[] = [];
    client.on('message', (data: Buffer) => received.push(data));
    const closed = new Promise<[number, string]>((resolve) =>
      client.once('close', (code, reason) => resolve([code, reason.toString()])),
    );
    // The same frame object twice in a row (a broadcast) reuses the wire bytes built once.
    for (const frame of frames) server.send(frame);
    server.send(frames[4]!);
    server.close(4403, 'bye');
    expect(await closed).toEqual([4403, 'bye']);
    expect(received.map((data) => data.byteLength)).toEqual([...sizes, 1_000]);
    for (const [i, data] of received.entries()) {
      expect(new Uint8Array(data)).toEqual(frames[i] ?? frames[4]);
    }
  });

  it('writes small binary frames itself, larger ones and text through ws', async () => {
    const { server, client } = await connected();
    const internals = server as unknown as { _sender: { send: (...args: unknown[]) => void } };
    const viaWs: number[] = [];
    const send = internals._sender.send.bind(internals._sender);
    internals._sender.send = (data, ...rest) => {
      viaWs.push((data as { length: number }).length);
      send(data, ...rest);
    };
    const received: number[] = [];
    const all = new Promise<void>((resolve) =>
      client.on('message', (data: Buffer) => {
        received.push(data.byteLength);
        if (received.length === 3) resolve();
      }),
    );
    server.send(bytes(10, 1));
    server.send(bytes(70_000, 2));
    server.send('text');
    await all;
    expect(received).toEqual([10, 70_000, 4]);
    expect(viaWs).toEqual([70_000, 4]);
    client.close();
  });
});

describe('wireFrame', () => {
  it('is an unmasked binary frame with the RFC 6455 length header', () => {
    expect([...wireFrame(new Uint8Array([7, 8]))]).toEqual([0x82, 2, 7, 8]);
    const medium = wireFrame(new Uint8Array(300));
    expect([...medium.subarray(0, 4)]).toEqual([0x82, 126, 1, 44]);
    expect(medium.byteLength).toBe(304);
  });
});
