import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { checkHandshake, refuseUpgrade, switchingProtocols } from './handshake.ts';
import { ServerWebSocket, type WebSocketLimits } from './server-websocket.ts';
import { closeFrame } from './wire.ts';

/** Records what the server side of each connection received. */
class RecordingSocket extends ServerWebSocket {
  readonly messages: { data: Buffer; binary: boolean }[] = [];
  closedCount = 0;
  readonly gone: Promise<void>;
  #gone!: () => void;

  constructor(socket: Socket, head: Buffer, limits: WebSocketLimits) {
    super(socket, head, limits);
    this.gone = new Promise((resolve) => {
      this.#gone = resolve;
    });
  }

  protected override received(data: Buffer, binary: boolean): void {
    this.messages.push({ data: Buffer.from(data), binary });
  }

  protected override closed(): void {
    this.closedCount++;
    this.#gone();
  }
}

const servers: { server: Server; sockets: Socket[] }[] = [];
afterEach(async () => {
  for (const { server, sockets } of servers.splice(0)) {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A real HTTP server whose upgrades become RecordingSockets. */
async function listen(limits: Partial<WebSocketLimits> = {}) {
  const accepted: RecordingSocket[] = [];
  const waiting: ((socket: RecordingSocket) => void)[] = [];
  const server = createServer((_request, response) => response.end());
  server.on('upgrade', (request, socket: Socket, head: Buffer) => {
    const check = checkHandshake(request);
    if (!check.ok) {
      socket.end(`HTTP/1.1 ${check.status} No\r\nConnection: close\r\n\r\n`);
      return;
    }
    socket.write(switchingProtocols(check.key));
    const ws = new RecordingSocket(socket, head, {
      maxMessageBytes: 1024 * 1024,
      maxBufferedBytes: 16 * 1024 * 1024,
      closeTimeoutMs: 5_000,
      ...limits,
    });
    accepted.push(ws);
    waiting.shift()?.(ws);
  });
  const sockets: Socket[] = [];
  server.on('connection', (socket: Socket) => sockets.push(socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push({ server, sockets });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    /** A `ws` client connected to this server, and the server side of its connection. */
    async pair(): Promise<{ peer: WebSocket; ws: RecordingSocket }> {
      const accepted = new Promise<RecordingSocket>((resolve) => waiting.push(resolve));
      const peer = await client(`ws://127.0.0.1:${port}/`);
      return { peer, ws: await accepted };
    },
    accepted,
  };
}

/** A `ws` client, open. */
async function client(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url);
  socket.binaryType = 'nodebuffer';
  await once(socket, 'open');
  return socket;
}

const closeOf = (socket: WebSocket) =>
  new Promise<[number, string]>((resolve) =>
    socket.once('close', (code, reason) => resolve([code, reason.toString()])),
  );

const bytes = (length: number, seed: number) =>
  Buffer.from(Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff));

/**
 * A raw TCP client that completed the handshake: it writes frames byte for byte as a test wants
 * them, well-formed or not, and reads what the server answers.
 */
async function rawClient(
  port: number,
  /** Frames sent with the handshake, before its answer (they reach the server as its `head`). */
  early: Buffer = Buffer.alloc(0),
): Promise<{ socket: Socket; received: () => Buffer }> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.write(
    Buffer.concat([
      Buffer.from(
        'GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      ),
      early,
    ]),
  );
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => {});
  const deadline = Date.now() + 5_000;
  while (!Buffer.concat(chunks).includes('\r\n\r\n')) {
    if (Date.now() > deadline) throw new Error('no handshake response');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const all = Buffer.concat(chunks);
  const bodyAt = all.indexOf('\r\n\r\n') + 4;
  expect(all.subarray(0, bodyAt).toString()).toContain(
    'Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=',
  );
  chunks.splice(0, chunks.length, all.subarray(bodyAt));
  return { socket, received: () => Buffer.concat(chunks) };
}

/** A masked client frame (RFC 6455 §5.2); `first` is the first byte (FIN, RSV, opcode). */
function clientFrame(first: number, payload: Buffer, options: { masked?: boolean } = {}): Buffer {
  const masked = options.masked ?? true;
  const length = payload.byteLength;
  const header =
    length < 126
      ? Buffer.from([first, (masked ? 0x80 : 0) | length])
      : Buffer.from([first, (masked ? 0x80 : 0) | 126, length >> 8, length & 0xff]);
  if (!masked) return Buffer.concat([header, payload]);
  const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i & 3]!));
  return Buffer.concat([header, mask, body]);
}

/** The close code in the server's close frame at the start of `data`. */
function closeCodeIn(data: Buffer): number {
  expect(data[0]).toBe(0x88);
  return data.readUInt16BE(2);
}

async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('ServerWebSocket, with a real ws client', () => {
  it('carries binary messages of every header size both ways, intact and in order', async () => {
    const server = await listen();
    const { peer, ws } = await server.pair();
    const sizes = [0, 1, 125, 126, 1_000, 65_535, 65_536, 200_000, 3];
    const frames = sizes.map((size, i) => bytes(size, i));
    for (const frame of frames) peer.send(frame);
    await until('all received', () => ws.messages.length === sizes.length);
    expect(ws.messages.map((m) => m.binary)).toEqual(sizes.map(() => true));
    expect(ws.messages.map((m) => m.data)).toEqual(frames);

    const back: Buffer[] = [];
    peer.on('message', (data: Buffer) => back.push(data));
    for (const frame of frames) ws.send(frame);
    // The same payload twice in a row (a broadcast) reuses the frame built once.
    ws.send(frames[4]!);
    await until('all sent back', () => back.length === sizes.length + 1);
    expect(back).toEqual([...frames, frames[4]]);
  });

  it('sends several messages at once, in order, to every socket a batch is given to', async () => {
    const server = await listen();
    const pairs = [await server.pair(), await server.pair()];
    const received = pairs.map(({ peer }) => {
      const back: Buffer[] = [];
      peer.on('message', (data: Buffer) => back.push(data));
      return back;
    });
    const small = [bytes(40, 1), bytes(300, 2)];
    // Over 64 KiB together: each message leaves with its own header, not copied into one buffer.
    const large = [bytes(10, 3), bytes(70_000, 4), bytes(5, 5)];
    for (const batch of [small, large]) for (const { ws } of pairs) ws.send(batch);
    for (const back of received) {
      await until('both batches', () => back.length === 5);
      expect(back).toEqual([...small, ...large]);
    }
  });

  it('reassembles fragmented messages, answering a ping sent between fragments', async () => {
    const server = await listen();
    const { peer, ws } = await server.pair();
    const pong = once(peer, 'pong');
    peer.send(bytes(10, 1), { fin: false });
    peer.ping(Buffer.from('hé'));
    peer.send(bytes(70_000, 2), { fin: false });
    peer.send(bytes(5, 3), { fin: true });
    peer.send('texte');
    const [pongData] = (await pong) as [Buffer];
    expect(pongData.toString()).toBe('hé');
    await until('two messages', () => ws.messages.length === 2);
    expect(ws.messages[0]!.data).toEqual(
      Buffer.concat([bytes(10, 1), bytes(70_000, 2), bytes(5, 3)]),
    );
    expect(ws.messages[1]).toEqual({ data: Buffer.from('texte'), binary: false });
  });

  it('closes with the code and reason asked, once the peer answers', async () => {
    const server = await listen();
    const { peer, ws } = await server.pair();
    const closed = closeOf(peer);
    ws.close(4403, 'accès retiré');
    ws.send(bytes(3, 0)); // nothing is sent after the close frame
    expect(await closed).toEqual([4403, 'accès retiré']);
    await ws.gone;
    expect(ws.closedCount).toBe(1);
    expect(ws.isOpen).toBe(false);
  });

  it('echoes the peer’s close and reports the socket gone once', async () => {
    const server = await listen();
    const { peer, ws } = await server.pair();
    const closed = closeOf(peer);
    peer.close(4000, 'au revoir');
    expect((await closed)[0]).toBe(4000);
    await ws.gone;
    expect(ws.closedCount).toBe(1);
  });

  it('closes 1009 on a message over the limit, whole or in fragments', async () => {
    const server = await listen({ maxMessageBytes: 1_000 });
    for (const send of [
      (peer: WebSocket) => peer.send(bytes(1_001, 0)),
      (peer: WebSocket) => {
        peer.send(bytes(600, 0), { fin: false });
        peer.send(bytes(600, 0), { fin: true });
      },
    ]) {
      const { peer, ws } = await server.pair();
      const closed = closeOf(peer);
      send(peer);
      expect((await closed)[0]).toBe(1009);
      await ws.gone;
      expect(ws.messages).toEqual([]);
    }
  });

  it('notices a peer that vanishes without a close frame', async () => {
    const server = await listen();
    const { peer, ws } = await server.pair();
    peer.terminate();
    await ws.gone;
    expect(ws.closedCount).toBe(1);
  });

  it('drops a peer that stops reading once its backlog passes the limit', async () => {
    const server = await listen({ maxBufferedBytes: 256 * 1024 });
    const { socket } = await rawClient(server.port);
    const ws = server.accepted.at(-1)!;
    socket.pause(); // reads nothing more: the kernel's buffers fill, then the server's
    const frame = bytes(60_000, 7);
    for (let sent = 0; ws.isOpen || ws.closedCount === 0; sent++) {
      if (sent > 5_000) throw new Error('never dropped');
      ws.send(new Uint8Array(frame)); // a new payload each time: no shared frame
      await new Promise((resolve) => setImmediate(resolve));
    }
    await ws.gone;
    socket.destroy();
  });
});

describe('ServerWebSocket, with frames written byte for byte', () => {
  const refusals: [string, Buffer, number][] = [
    ['an unmasked frame', clientFrame(0x82, bytes(3, 0), { masked: false }), 1002],
    ['reserved bits', clientFrame(0xc2, bytes(3, 0)), 1002],
    ['an unknown opcode', clientFrame(0x83, bytes(3, 0)), 1002],
    ['a fragmented ping', clientFrame(0x09, bytes(3, 0)), 1002],
    ['a ping over 125 bytes', clientFrame(0x89, bytes(126, 0)), 1002],
    ['a ping with a 16-bit length', Buffer.from([0x89, 0xfe, 0, 1, 0, 0, 0, 0, 0x41]), 1002],
    ['a text message that is not UTF-8', clientFrame(0x81, Buffer.from([0x63, 0xff])), 1007],
    [
      'a message in more than 1,024 fragments, even empty ones',
      Buffer.concat([
        clientFrame(0x02, Buffer.alloc(0)),
        ...Array.from({ length: 1_024 }, () => clientFrame(0x00, Buffer.alloc(0))),
      ]),
      1008,
    ],
    ['a continuation with no message', clientFrame(0x80, bytes(3, 0)), 1002],
    [
      'a new message inside a fragmented one',
      Buffer.concat([clientFrame(0x02, bytes(3, 0)), clientFrame(0x82, bytes(3, 0))]),
      1002,
    ],
    ['a one-byte close', clientFrame(0x88, Buffer.from([3])), 1002],
    ['close code 999', clientFrame(0x88, Buffer.from([0x03, 0xe7])), 1002],
    ['close code 1005', clientFrame(0x88, Buffer.from([0x03, 0xed])), 1002],
    ['a close reason that is not UTF-8', clientFrame(0x88, Buffer.from([0x03, 0xe8, 0xff])), 1007],
  ];

  for (const [what, frame, code] of refusals) {
    it(`closes ${code} on ${what}, and delivers nothing of it`, async () => {
      const server = await listen();
      const { socket, received } = await rawClient(server.port);
      const ws = server.accepted.at(-1)!;
      socket.write(frame);
      await ws.gone;
      await until('close frame', () => received().byteLength >= 4);
      expect(closeCodeIn(received())).toBe(code);
      expect(ws.messages).toEqual([]);
      socket.destroy();
    });
  }

  it('reads frames split anywhere across TCP packets, and several in one', async () => {
    const server = await listen();
    const { socket } = await rawClient(server.port);
    const ws = server.accepted.at(-1)!;
    socket.setNoDelay(true);
    const payloads = [bytes(5, 1), bytes(300, 2), bytes(70_000, 3)];
    const wire = Buffer.concat([
      clientFrame(0x82, payloads[0]!),
      clientFrame(0x82, payloads[1]!),
      // A 64-bit length: written by hand, as clientFrame stops at 16 bits.
      Buffer.from([0x82, 0xff, 0, 0, 0, 0, 0, 1, 0x11, 0x70, 0, 0, 0, 0]),
      payloads[2]!,
    ]);
    // Byte by byte through the headers, then in uneven pieces.
    for (let at = 0; at < wire.byteLength; ) {
      const size = at < 330 ? 1 : 4_097;
      socket.write(wire.subarray(at, at + size));
      at += size;
      await new Promise((resolve) => setTimeout(resolve, at < 330 ? 0 : 1));
    }
    await until('three messages', () => ws.messages.length === 3);
    expect(ws.messages.map((m) => m.data)).toEqual(payloads);
    socket.destroy();
  });

  it('reads frames sent along with the handshake, before its answer', async () => {
    const server = await listen();
    const { socket } = await rawClient(server.port, clientFrame(0x82, bytes(20, 4)));
    const ws = server.accepted.at(-1)!;
    await until('the early frame', () => ws.messages.length === 1);
    expect(ws.messages[0]!.data).toEqual(bytes(20, 4));
    socket.destroy();
  });

  it('takes a close frame split byte by byte, and nothing after it', async () => {
    const server = await listen();
    const { socket, received } = await rawClient(server.port);
    const ws = server.accepted.at(-1)!;
    const wire = Buffer.concat([
      clientFrame(0x88, Buffer.from([0x0f, 0xa0, 0x6f, 0x6b])), // 4000 "ok"
      clientFrame(0x82, bytes(3, 0)),
    ]);
    for (const byte of wire) {
      socket.write(Buffer.from([byte]));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await ws.gone;
    expect(closeCodeIn(received())).toBe(4000);
    expect(ws.messages).toEqual([]);
  });

  it('ends a connection whose peer ends TCP without a close frame', async () => {
    const server = await listen();
    const { socket } = await rawClient(server.port);
    const ws = server.accepted.at(-1)!;
    socket.end();
    await ws.gone;
    expect(ws.closedCount).toBe(1);
  });

  it('drops a peer that floods pings while reading nothing', async () => {
    const server = await listen();
    const { socket } = await rawClient(server.port);
    const ws = server.accepted.at(-1)!;
    socket.pause();
    const pings = Buffer.concat(
      Array.from({ length: 1_000 }, () => clientFrame(0x89, bytes(125, 1))),
    );
    for (let sent = 0; ws.closedCount === 0; sent++) {
      if (sent > 10_000) throw new Error('never dropped');
      if (!socket.write(pings)) await Promise.race([once(socket, 'drain'), ws.gone]);
    }
    await ws.gone;
    socket.destroy();
  });

  it('drops a peer that never answers its close, after the timeout', async () => {
    const server = await listen({ closeTimeoutMs: 100 });
    const { socket, received } = await rawClient(server.port);
    const ws = server.accepted.at(-1)!;
    ws.close(1000, 'fin');
    await ws.gone;
    expect(closeCodeIn(received())).toBe(1000);
    socket.destroy();
  });

  it('closes a refused upgrade once the answer is written, even if the client never does', async () => {
    const server = createServer();
    const sockets: Socket[] = [];
    server.on('connection', (socket: Socket) => sockets.push(socket));
    server.on('upgrade', (_request, socket: Socket) => refuseUpgrade(socket, 403, 'Non'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    servers.push({ server, sockets });
    // allowHalfOpen: the client keeps its side open; only the server can end the connection.
    const client = connect({
      port: (server.address() as AddressInfo).port,
      host: '127.0.0.1',
      allowHalfOpen: true,
    });
    client.on('error', () => {});
    await once(client, 'connect');
    const chunks: Buffer[] = [];
    client.on('data', (chunk: Buffer) => chunks.push(chunk));
    client.write('GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
    await until('the server let go of the socket', () => sockets[0]?.destroyed === true);
    await until('the answer', () => Buffer.concat(chunks).toString().endsWith('Non'));
    expect(Buffer.concat(chunks).toString()).toMatch(/^HTTP\/1.1 403 Forbidden[\s\S]*\r\n\r\nNon$/);
    client.destroy();
  });

  it('refuses a handshake without a valid key or version', async () => {
    const server = await listen();
    const answers: string[] = [];
    for (const headers of [
      'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: court\r\n',
      'Sec-WebSocket-Version: 8\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n',
    ]) {
      const socket = connect(server.port, '127.0.0.1');
      socket.write(
        `GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n${headers}\r\n`,
      );
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      await once(socket, 'close');
      answers.push(Buffer.concat(chunks).toString().split('\r\n')[0]!);
    }
    expect(answers).toEqual(['HTTP/1.1 400 No', 'HTTP/1.1 426 No']);
    expect(server.accepted).toEqual([]);
  });
});

describe('closeFrame', () => {
  it('cuts a long reason to 123 bytes without splitting a character', () => {
    const frame = closeFrame(4400, 'é'.repeat(100));
    expect(frame[1]).toBe(2 + 122); // 61 « é » of 2 bytes; the 62nd would pass 123
    expect(frame.subarray(4).toString()).toBe('é'.repeat(61));
    expect(frame.readUInt16BE(2)).toBe(4400);
  });
});
