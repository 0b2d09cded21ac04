import { CloseCode } from '@accord/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { connectClient, type TestClient, waitForStatus } from '../support/clients.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { demo, signIn, type TestSession } from '../support/session.ts';

let server: ServerProcess;
let karim: TestSession;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startServerProcess({ env: { ACCORD_MAX_SOCKETS_PER_PERSON: '2' } });
  karim = await signIn(server.url, demo.editor);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.kill('SIGKILL');
});

describe('sockets per person', () => {
  it('closes a person’s socket past the limit with 4429; others are not affected', async () => {
    const documentId = await createDocument(karim);
    const open = (session: TestSession) => {
      const c = connectClient(server.wsUrl, documentId, session);
      clients.push(c);
      return c;
    };
    const [first, second] = [open(karim), open(karim)];
    await waitForStatus(first, 'first connected', (s) => s.connection === 'connected');
    await waitForStatus(second, 'second connected', (s) => s.connection === 'connected');
    const third = open(karim);
    await waitForStatus(third, 'third closed', (s) => s.connection === 'closed');
    expect(third.connection.getStatus().closeCode).toBe(CloseCode.tooMany);
    // Someone else is counted on their own.
    const sophie = open(await signIn(server.url, demo.editorOtherOrganisation));
    await waitForStatus(sophie, 'another person connects', (s) => s.connection === 'connected');
    expect(first.connection.getStatus().connection).toBe('connected');
  });
});
