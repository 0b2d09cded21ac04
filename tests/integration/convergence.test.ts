import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../support/api.ts';
import { connectClient, type TestClient, waitFor, waitForStatus } from '../support/clients.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { demo, signIn, type TestSession } from '../support/session.ts';

let server: ServerProcess;
let session: TestSession;
const clients: TestClient[] = [];
beforeAll(async () => {
  server = await startServerProcess();
  session = await signIn(server.url, demo.editor);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.kill('SIGKILL');
});

/** Small deterministic PRNG so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('convergence through the real server', () => {
  it('converges when several clients edit the same text at once, with disconnects', async () => {
    const documentId = await createDocument(session);
    const peers = Array.from({ length: 4 }, () => connectClient(server.wsUrl, documentId, session));
    clients.push(...peers);
    for (const peer of peers) {
      await waitForStatus(peer, 'connected', (s) => s.connection === 'connected');
    }
    const rand = random(42);
    for (let round = 0; round < 30; round++) {
      for (const [index, peer] of peers.entries()) {
        const length = peer.text.length;
        if (length > 5 && rand() < 0.3) {
          peer.text.delete(Math.floor(rand() * (length - 3)), 3);
        } else {
          peer.text.insert(Math.floor(rand() * (length + 1)), `${index}${round}`);
        }
      }
      // One peer drops off and comes back now and then, editing while away.
      if (round % 10 === 5) peers[1]!.connection.provider.disconnect();
      if (round % 10 === 8) peers[1]!.connection.provider.connect();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor('all peers equal', () =>
      peers.every((p) => p.text.toString() === peers[0]!.text.toString()),
    );
    for (const peer of peers) {
      await waitForStatus(peer, 'saved', (s) => s.save === 'saved');
    }
    // A newcomer loads from the server and sees exactly the same.
    const late = connectClient(server.wsUrl, documentId, session);
    clients.push(late);
    await waitFor('late joiner synced', () => late.text.toString() === peers[0]!.text.toString());
    expect(Y.encodeStateVector(late.doc)).toEqual(Y.encodeStateVector(peers[0]!.doc));
  });

  it('delivers one person’s typing to another', async () => {
    const documentId = await createDocument(session);
    const [a, b] = [
      connectClient(server.wsUrl, documentId, session),
      connectClient(server.wsUrl, documentId, session),
    ];
    clients.push(a, b);
    await waitForStatus(b, 'connected', (s) => s.connection === 'connected');
    await waitForStatus(a, 'connected', (s) => s.connection === 'connected');
    a.text.insert(0, 'é');
    await waitFor('b sees a', () => b.text.toString() === 'é');
  });
});
