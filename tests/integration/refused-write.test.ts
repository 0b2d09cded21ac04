import type { RefusedEdit } from '@accord/sync/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { connectClient, type TestClient, waitFor, waitForStatus } from '../support/clients.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { apiJson, demo, signIn, type TestSession } from '../support/session.ts';

let server: ServerProcess;
let facilitator: TestSession;
let editor: TestSession;
let partnershipId: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startServerProcess();
  facilitator = await signIn(server.url, demo.facilitator);
  editor = await signIn(server.url, demo.editor);
  const [partnership] = await apiJson<{ id: string }[]>(facilitator, '/api/partnerships');
  partnershipId = partnership!.id;
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.kill('SIGKILL');
});

function client(session: TestSession, documentId: string): TestClient {
  const c = connectClient(server.wsUrl, documentId, session);
  clients.push(c);
  return c;
}

function setRole(personId: string, role: 'editor' | 'viewer') {
  return apiJson(facilitator, `/api/partnerships/${partnershipId}/members/${personId}`, {
    method: 'PATCH',
    body: { role },
  });
}

function append(c: TestClient, text: string): void {
  c.text.insert(c.text.length, text);
}

/** What the server holds now: a client that joins with an empty document gets all of it. */
async function serverText(documentId: string): Promise<string> {
  const reader = client(facilitator, documentId);
  await waitForStatus(reader, 'reader synced', (s) => s.connection === 'connected');
  const text = reader.text.toString();
  reader.destroy();
  return text;
}

describe('refused writes through the real server', () => {
  it('an offline edit that arrives after the role became viewer is refused, reaches nobody, and never merges', async () => {
    const documentId = await createDocument(facilitator);
    const peer = client(facilitator, documentId);
    const karim = client(editor, documentId);
    await waitForStatus(peer, 'peer connected', (s) => s.connection === 'connected');
    await waitForStatus(
      karim,
      'editor connected',
      (s) => s.connection === 'connected' && s.role === 'editor' && !s.readOnly,
    );
    append(karim, 'Objectif partagé.');
    await waitForStatus(karim, 'first edit saved', (s) => s.save === 'saved');
    await waitFor('the first edit at the peer', () => peer.text.toString() === 'Objectif partagé.');

    const refusals: RefusedEdit[] = [];
    karim.connection.onRefused((refused) => refusals.push(refused));

    // Karim's connection drops; he keeps typing. Meanwhile the facilitator makes him a viewer.
    karim.connection.provider.disconnect();
    append(karim, ' Écrit hors ligne.');
    await setRole(editor.personId, 'viewer');
    // Back online: the reconnect's sync step 2 carries the offline edit to a read-only socket.
    karim.connection.provider.connect();

    await waitFor('the refusal', () => refusals.length > 0);
    expect(refusals).toEqual([{ reason: 'read-only' }]);
    expect(karim.connection.getStatus()).toMatchObject({
      connection: 'connected',
      readOnly: true,
      role: 'viewer',
      refused: { reason: 'read-only' },
    });
    // The socket stays open: Karim still receives the others' edits.
    append(peer, ' Relu.');
    await waitFor('the peer’s edit at Karim', () => karim.text.toString().includes(' Relu.'));

    expect(peer.text.toString()).toBe('Objectif partagé. Relu.');
    await waitForStatus(peer, 'peer saved', (s) => s.save === 'saved');
    expect(await serverText(documentId)).toBe('Objectif partagé. Relu.');

    // Karim becomes an editor again: his socket closes with 4500 and reconnects with the new
    // role. His spent document must not deliver the refused edit now.
    await setRole(editor.personId, 'editor');
    await waitForStatus(
      karim,
      'editor again',
      (s) => s.connection === 'connected' && s.role === 'editor' && !s.readOnly,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(peer.text.toString()).toBe('Objectif partagé. Relu.');
    expect(await serverText(documentId)).toBe('Objectif partagé. Relu.');
    expect(refusals).toHaveLength(1);

    // What the app does: drop the spent document and resync a fresh one from the server.
    karim.destroy();
    const fresh = client(editor, documentId);
    await waitForStatus(fresh, 'fresh synced', (s) => s.connection === 'connected');
    expect(fresh.text.toString()).toBe('Objectif partagé. Relu.');
    append(fresh, ' Validé.');
    await waitForStatus(fresh, 'fresh edit saved', (s) => s.save === 'saved');
    await waitFor(
      'the fresh edit at the peer',
      () => peer.text.toString() === 'Objectif partagé. Relu. Validé.',
    );
    expect(fresh.connection.getStatus().refused).toBeNull();
  });
});
