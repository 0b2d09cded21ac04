import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { FrameSocket } from './frame-socket.ts';

/** A real `ws` server on loopback: what both benchmarked servers speak. */
let http: Server;
let wss: WebSocketServer;
let url: string;
let serverSide: Promise<{ socket: WebSocket; headers: Record<string, unknown> }>;

beforeEach(async () => {
  http = createServer((_req, res) => res.writeHead(404).end());
  wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  http.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/refuse')) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  serverSide = new Promise((resolve) =>
    wss.once('connection', (socket, req) => resolve({ socket, headers: req.headers })),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/sync/room?x=1`;
});

afterEach(async () => {
  for (const client of wss.clients) client.terminate();
  await new Promise((resolve) => http.close(resolve));
});

interface Recorded {
  socket: FrameSocket;
  messages: Buffer[];
  opened: Promise<void>;
  closed: Promise<number>;
}

function open(target = url, headers: Record<string, string> = {}): Recorded {
  const messages: Buffer[] = [];
  let onOpen!: () => void;
  let onError!: (error: Error) => void;
  let onClose!: (code: number) => void;
  const opened = new Promise<void>((resolve, reject) => {
    onOpen = resolve;
    onError = reject;
  });
  opened.catch(() => {});
  const closed = new Promise<number>((resolve) => {
    onClose = resolve;
  });
  const socket = new FrameSocket(target, headers, {
    onOpen,
    onError,
    onClose,
    onMessage: (data) => messages.push(data),
  });
  return { socket, messages, opened, closed };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const sizes = [0, 1, 125, 126, 65_535, 65_536, 300_000];
const payload = (size: number) =>
  Buffer.from(Array.from({ length: size }, (_, i) => (i * 7) % 256));

describe('FrameSocket against a ws server', () => {
  it('upgrades with the given headers and carries binary messages of every header size both ways', async () => {
    const client = open(url, { Cookie: 'accord_session=abc' });
    await client.opened;
    const { socket, headers } = await serverSide;
    expect(headers.cookie).toBe('accord_session=abc');

    const received: Buffer[] = [];
    socket.on('message', (data: Buffer) => received.push(data));
    for (const size of sizes) client.socket.send(payload(size));
    await until(() => received.length === sizes.length, 'the server to receive every size');
    expect(received.map((m) => m.length)).toEqual(sizes);
    for (const [i, size] of sizes.entries()) expect(received[i]!.equals(payload(size))).toBe(true);

    for (const size of sizes) socket.send(payload(size));
    await until(() => client.messages.length === sizes.length, 'the client to receive every size');
    expect(client.messages.map((m) => m.length)).toEqual(sizes);
    for (const [i, size] of sizes.entries())
      expect(client.messages[i]!.equals(payload(size))).toBe(true);
  });

  it('joins a fragmented message and answers pings', async () => {
    const client = open();
    await client.opened;
    const { socket } = await serverSide;
    socket.send(Buffer.from('frag'), { fin: false });
    socket.send(Buffer.from('mented'), { fin: true });
    const pong = new Promise<Buffer>((resolve) => socket.once('pong', resolve));
    socket.ping(Buffer.from('are you there'));
    expect((await pong).toString()).toBe('are you there');
    await until(() => client.messages.length === 1, 'the joined message');
    expect(client.messages[0]!.toString()).toBe('fragmented');
  });

  it('completes the close handshake it starts, and reports the code of one the server starts', async () => {
    const first = open();
    await first.opened;
    const { socket } = await serverSide;
    const serverSaw = new Promise<number>((resolve) => socket.once('close', resolve));
    first.socket.close(1000);
    expect(await serverSaw).toBe(1000);
    expect(await first.closed).toBe(1000);

    serverSide = new Promise((resolve) =>
      wss.once('connection', (s, req) => resolve({ socket: s, headers: req.headers })),
    );
    const second = open();
    await second.opened;
    (await serverSide).socket.close(4403, 'forbidden');
    expect(await second.closed).toBe(4403);
  });

  it('rejects a refused upgrade with the status line', async () => {
    const client = open(url.replace('/sync/', '/refuse/'));
    await expect(client.opened).rejects.toThrow(/upgrade refused: HTTP\/1.1 401/);
    expect(await client.closed).toBe(1006);
  });
});
