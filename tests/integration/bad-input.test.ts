import { CloseCode } from '@accord/sync/protocol';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createDocument } from '../support/api.ts';
import { connectClient, type TestClient, waitFor, waitForStatus } from '../support/clients.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { demo, signIn, type TestSession } from '../support/session.ts';

const MAX_FRAME = 64 * 1024;
let server: ServerProcess;
let bystander: TestClient;
let documentId: string;
let session: TestSession;

beforeAll(async () => {
  server = await startServerProcess({ env: { ACCORD_MAX_FRAME_BYTES: String(MAX_FRAME) } });
  session = await signIn(server.url, demo.editor);
  documentId = await createDocument(session);
  // Someone working in another room throughout: they must never notice anything.
  bystander = connectClient(server.wsUrl, await createDocument(session), session);
  await waitForStatus(bystander, 'connected', (s) => s.connection === 'connected');
});
afterAll(async () => {
  bystander.destroy();
  await server.kill('SIGKILL');
});

/** Opens a raw socket, sends frames once open, and resolves with how the server closed it. */
function closeCodeAfter(
  path: string,
  frames: (Uint8Array | string)[],
): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.wsUrl}/${path}`, {
      headers: { cookie: session.cookie },
    });
    socket.on('open', () => {
      for (const frame of frames) socket.send(frame);
    });
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    socket.on('error', () => {});
    setTimeout(() => reject(new Error('socket was not closed')), 10_000);
  });
}

function syncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

async function bystanderStillWorks(marker: string): Promise<void> {
  const peer = connectClient(server.wsUrl, bystander.connection.provider.roomname, session);
  try {
    bystander.text.insert(bystander.text.length, marker);
    await waitForStatus(
      bystander,
      'saved',
      (s) => s.save === 'saved' && s.connection === 'connected',
    );
    await waitFor('peer sees bystander', () => peer.text.toString().includes(marker));
  } finally {
    peer.destroy();
  }
}

describe('bad input closes only the offending socket, with a clear code', () => {
  it('closes 4400 on a frame that is not a protocol message', async () => {
    const { code, reason } = await closeCodeAfter(documentId, [new Uint8Array([0xff, 0xff, 0xff])]);
    expect(code).toBe(CloseCode.malformed);
    expect(reason).not.toBe('');
    await bystanderStillWorks('a');
  });

  it('closes 4400 on a truncated sync message and on a text frame', async () => {
    expect((await closeCodeAfter(documentId, [new Uint8Array([0, 2, 50, 1])])).code).toBe(
      CloseCode.malformed,
    );
    expect((await closeCodeAfter(documentId, ['bonjour'])).code).toBe(CloseCode.malformed);
    await bystanderStillWorks('b');
  });

  it('closes 4400 on a crafted update claiming billions of structs, and stores nothing of it', async () => {
    // One client, then a struct count of 2^32-1 in five bytes (yjs issue #687).
    const crafted = new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 0]);
    const { code } = await closeCodeAfter(documentId, [syncUpdate(crafted)]);
    expect(code).toBe(CloseCode.malformed);
    const reader = connectClient(server.wsUrl, documentId, session);
    await waitForStatus(reader, 'reader connected', (s) => s.connection === 'connected');
    reader.destroy();
    await bystanderStillWorks('c');
  });

  it('closes 1009 on a frame over the limit', async () => {
    const { code } = await closeCodeAfter(documentId, [syncUpdate(new Uint8Array(MAX_FRAME + 10))]);
    expect(code).toBe(CloseCode.frameTooBig);
    await bystanderStillWorks('d');
  });

  it('closes 4404 on an unknown or malformed document id, and creates nothing', async () => {
    expect((await closeCodeAfter('inexistant0000000', [])).code).toBe(CloseCode.notFound);
    expect((await closeCodeAfter('not%20an%20id!', [])).code).toBe(CloseCode.notFound);
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { rooms: number };
    // Only the rooms of real documents are loaded.
    expect(health.rooms).toBeLessThanOrEqual(2);
    await bystanderStillWorks('e');
  });

  it('a stock client stops reconnecting after a permanent close and says why', async () => {
    const ghost = connectClient(server.wsUrl, 'inexistant0000000', session);
    try {
      await waitForStatus(ghost, 'closed', (s) => s.connection === 'closed');
      expect(ghost.connection.getStatus().closeCode).toBe(CloseCode.notFound);
    } finally {
      ghost.destroy();
    }
  });
});
