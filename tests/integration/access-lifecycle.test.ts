import { CloseCode } from '@accord/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { connectClient, type TestClient, waitFor, waitForStatus } from '../support/clients.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { api, apiJson, demo, sessionFrom, signIn, type TestSession } from '../support/session.ts';

/** A server whose sessions expire after three idle seconds. */
let server: ServerProcess;
let claire: TestSession;
let partnershipId: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startServerProcess({ env: { ACCORD_SESSION_IDLE_MINUTES: '0.05' } });
  claire = await signIn(server.url, demo.facilitator);
  const [partnership] = await apiJson<{ id: string }[]>(claire, '/api/partnerships');
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

/** Keeps a session alive with a request every second (activity moves the idle expiry). */
function keepAlive(session: TestSession): () => void {
  const timer = setInterval(() => void api(session, '/api/auth/session'), 1_000);
  return () => clearInterval(timer);
}

describe('session expiry', () => {
  it('closes an idle session’s sockets with 4401, and the API answers 401', async () => {
    const karim = await signIn(server.url, demo.editor);
    const stop = keepAlive(claire);
    try {
      const documentId = await createDocument(claire);
      const c = client(karim, documentId);
      await waitForStatus(c, 'connected', (s) => s.connection === 'connected');
      await waitForStatus(c, 'closed by expiry', (s) => s.connection === 'closed', 15_000);
      expect(c.connection.getStatus().closeCode).toBe(CloseCode.unauthenticated);
      expect((await api(karim, '/api/auth/session')).status).toBe(401);
    } finally {
      stop();
    }
  });
});

describe('an organisation leaves, a document is archived', () => {
  it('closes the sockets of the organisation’s people with 4403, and of an archived document with 4404', async () => {
    const stop = keepAlive(claire);
    try {
      const organisation = await apiJson<{ id: string }>(
        claire,
        `/api/partnerships/${partnershipId}/organisations`,
        {
          method: 'POST',
          body: {
            organisation: { name: 'Université de Val-de-Sèvre', sector: 'academic' },
            colour: '#0f766e',
          },
        },
      );
      const { token } = await apiJson<{ token: string }>(
        claire,
        `/api/partnerships/${partnershipId}/invitations`,
        {
          method: 'POST',
          body: { organisationId: organisation.id, role: 'editor' },
        },
      );
      const response = await fetch(`${server.url}/api/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Chercheuse',
          email: `chercheuse-${Date.now()}@univ.fr`,
          password: 'un mot de passe sûr',
          invitationToken: token,
        }),
      });
      const researcher = await sessionFrom(server.url, response);
      const stopResearcher = keepAlive(researcher);
      const documentId = await createDocument(claire);
      const hers = client(researcher, documentId);
      const claires = client(claire, documentId);
      await waitForStatus(hers, 'connected', (s) => s.connection === 'connected');
      await waitForStatus(claires, 'connected', (s) => s.connection === 'connected');

      const left = await apiJson<{ removedPersonIds: string[] }>(
        claire,
        `/api/partnerships/${partnershipId}/organisations/${organisation.id}`,
        { method: 'DELETE' },
      );
      expect(left.removedPersonIds).toEqual([researcher.personId]);
      await waitForStatus(hers, 'closed 4403', (s) => s.connection === 'closed', 3_000);
      expect(hers.connection.getStatus().closeCode).toBe(CloseCode.forbidden);
      expect((await api(researcher, `/api/partnerships/${partnershipId}`)).status).toBe(404);
      stopResearcher();

      await apiJson(claire, `/api/documents/${documentId}/archive`, {
        method: 'POST',
        body: { archived: true },
      });
      await waitForStatus(claires, 'closed 4404', (s) => s.connection === 'closed', 3_000);
      expect(claires.connection.getStatus().closeCode).toBe(CloseCode.notFound);
    } finally {
      stop();
    }
  });
});

describe('presence limits', () => {
  it('drops an oversized presence state; the socket stays open', async () => {
    const stop = keepAlive(claire);
    try {
      const documentId = await createDocument(claire);
      const watcher = client(claire, documentId);
      const karim = await signIn(server.url, demo.editor);
      const stopKarim = keepAlive(karim);
      const big = client(karim, documentId);
      await waitForStatus(big, 'connected', (s) => s.connection === 'connected');
      big.connection.provider.awareness.setLocalState({ note: 'x'.repeat(10_000) });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const seen = [...watcher.connection.provider.awareness.getStates().values()];
      expect(seen.some((state) => typeof state.note === 'string')).toBe(false);
      big.connection.provider.awareness.setLocalState({ note: 'court' });
      await waitFor('small state arrives', () =>
        [...watcher.connection.provider.awareness.getStates().values()].some(
          (s) => s.note === 'court',
        ),
      );
      expect(big.connection.getStatus().connection).toBe('connected');
      stopKarim();
    } finally {
      stop();
    }
  });
});
