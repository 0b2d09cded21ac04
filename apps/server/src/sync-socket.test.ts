import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ConnectionHandle } from '@accord/sync';
import { PresenceStamp } from '@accord/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Sessions } from './auth/sessions.ts';
import { SocketIdentities, type SocketIdentity } from './sync-identity.ts';
import { SyncSocket, type SyncSocketHost } from './sync-socket.ts';
import { checkHandshake, switchingProtocols } from './websocket/index.ts';

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = null;
});

/** What the sync core would see of the socket. */
class RecordingHandle implements ConnectionHandle {
  readonly frames: Uint8Array[] = [];
  texts = 0;
  closedCount = 0;
  receive(frame: Uint8Array): void {
    this.frames.push(frame);
  }
  receiveText(): void {
    this.texts++;
  }
  closed(): void {
    this.closedCount++;
  }
}

/** A real HTTP server making SyncSockets, and a real `ws` client connected to it. */
async function connected(): Promise<{
  socket: SyncSocket;
  client: WebSocket;
  host: SyncSocketHost;
}> {
  const host: SyncSocketHost = {
    sessions: {} as Sessions, // never touched: the identities below carry no session
    identities: new SocketIdentities(),
    limits: { maxMessageBytes: 1 << 20, maxBufferedBytes: 1 << 24, closeTimeoutMs: 1_000 },
    open: new Set(),
  };
  const accepted = new Promise<SyncSocket>((resolve) => {
    server = createServer();
    server.on('upgrade', (request, tcp: Socket, head: Buffer) => {
      const check = checkHandshake(request);
      if (!check.ok) throw new Error(check.body);
      tcp.write(switchingProtocols(check.key));
      resolve(new SyncSocket(tcp, head, host));
    });
  });
  server!.listen(0, '127.0.0.1');
  await once(server!, 'listening');
  const client = new WebSocket(`ws://127.0.0.1:${(server!.address() as AddressInfo).port}`);
  await once(client, 'open');
  return { socket: await accepted, client, host };
}

function identityIn(host: SyncSocketHost): SocketIdentity {
  return host.identities.acquire({
    tags: { personId: 'p1' },
    role: 'editor',
    readOnly: false,
    presence: new PresenceStamp({ name: 'Awa', color: '#123456', awarenessData: {} }),
    session: null,
  });
}

async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('SyncSocket', () => {
  it('hands the sync core a copy of each binary frame, and text as a protocol error', async () => {
    const { socket, client, host } = await connected();
    const handle = new RecordingHandle();
    socket.attach(handle, identityIn(host));
    client.send(new Uint8Array([0, 1, 2, 3]));
    client.send('bonjour');
    await until('a frame and a text', () => handle.frames.length === 1 && handle.texts === 1);
    const [frame] = handle.frames;
    expect([...frame!]).toEqual([0, 1, 2, 3]);
    // Its own bytes, not a view pinning the chunk the socket read.
    expect(frame!.buffer.byteLength).toBe(4);
    client.close();
  });

  it('ignores what arrives before the admission attached it', async () => {
    const { socket, client, host } = await connected();
    client.send(new Uint8Array([9]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const handle = new RecordingHandle();
    socket.attach(handle, identityIn(host));
    client.send(new Uint8Array([7]));
    await until('the frame after attach', () => handle.frames.length === 1);
    expect([...handle.frames[0]!]).toEqual([7]);
    client.close();
  });

  it('on close, tells the sync core once, gives back its identity and leaves the host', async () => {
    const { socket, client, host } = await connected();
    const handle = new RecordingHandle();
    socket.attach(handle, identityIn(host));
    expect(host.open.has(socket)).toBe(true);
    expect(host.identities.size).toBe(1);
    client.close(1000);
    await until('closed', () => handle.closedCount > 0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(handle.closedCount).toBe(1);
    expect(host.identities.size).toBe(0);
    expect(host.open.size).toBe(0);
  });
});
