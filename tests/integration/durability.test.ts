import { afterEach, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { connectClient, type TestClient, waitFor, waitForStatus } from '../support/clients.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { demo, signIn, type TestSession } from '../support/session.ts';

const servers: ServerProcess[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await Promise.all(servers.splice(0).map((server) => server.kill('SIGKILL')));
});

async function start(options?: Parameters<typeof startServerProcess>[0]) {
  const server = await startServerProcess(options);
  servers.push(server);
  return server;
}
let session: TestSession;
function client(wsUrl: string, documentId: string) {
  const c = connectClient(wsUrl, documentId, session);
  clients.push(c);
  return c;
}
const portOf = (url: string) => new URL(url).port;

describe('durability through the real server process', () => {
  it('keeps content across a graceful restart (SIGTERM stores everything)', async () => {
    const first = await start();
    session = await signIn(first.url, demo.editor);
    const documentId = await createDocument(session);
    const writer = client(first.wsUrl, documentId);
    await waitForStatus(writer, 'connected', (s) => s.connection === 'connected');
    writer.text.insert(0, 'Bonjour à tous');
    await waitForStatus(writer, 'saved', (s) => s.save === 'saved' && !s.unsaved);
    expect(await first.kill('SIGTERM')).toBe(0);
    writer.destroy();

    const second = await start({ dataDir: first.dataDir });
    const reader = client(second.wsUrl, documentId);
    await waitFor('text after restart', () => reader.text.toString() === 'Bonjour à tous');
  });

  it('never loses an acknowledged edit when the server is SIGKILLed right after the ack', async () => {
    const first = await start();
    session = await signIn(first.url, demo.editor);
    const documentId = await createDocument(session);
    const writer = client(first.wsUrl, documentId);
    await waitForStatus(writer, 'connected', (s) => s.connection === 'connected');
    const acked: string[] = [];
    for (let i = 0; i < 20; i++) {
      const word = `mot${i} `;
      writer.text.insert(writer.text.length, word);
      await waitForStatus(writer, `ack of edit ${i}`, (s) => s.save === 'saved');
      acked.push(word);
    }
    // The kill comes the instant the last ack is seen: nothing gets a chance to flush later.
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    writer.destroy();

    const second = await start({ dataDir: first.dataDir });
    const reader = client(second.wsUrl, documentId);
    await waitFor(
      'acknowledged text after SIGKILL',
      () => reader.text.toString() === acked.join(''),
    );
  });

  it('re-sends an unacknowledged edit on reconnect, and it lands exactly once', async () => {
    const first = await start();
    session = await signIn(first.url, demo.editor);
    const documentId = await createDocument(session);
    const writer = client(first.wsUrl, documentId);
    await waitForStatus(writer, 'connected', (s) => s.connection === 'connected');
    writer.text.insert(0, 'avant ');
    await waitForStatus(writer, 'saved', (s) => s.save === 'saved');

    // Freeze the server: the edit leaves the client but is never read, stored or acknowledged.
    first.child.kill('SIGSTOP');
    writer.text.insert(writer.text.length, 'pendant');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(writer.connection.getStatus().unsaved).toBe(true);
    expect(writer.connection.getStatus().save).not.toBe('saved');
    first.child.kill('SIGKILL');
    await first.exited;
    await waitForStatus(writer, 'offline', (s) => s.connection === 'reconnecting');
    expect(writer.connection.getStatus().save).toBe('offline-pending');

    // Same port, so the client's own reconnect loop finds the new process.
    const second = await start({ dataDir: first.dataDir, env: { ACCORD_PORT: portOf(first.url) } });
    await waitForStatus(
      writer,
      'saved after reconnect',
      (s) => s.connection === 'connected' && s.save === 'saved',
      20_000,
    );

    const reader = client(second.wsUrl, documentId);
    await waitFor('reader synced', () => reader.text.toString().length > 0);
    expect(reader.text.toString()).toBe('avant pendant');
    // And it is in the store, not only in memory: restart once more and read again.
    writer.destroy();
    reader.destroy();
    expect(await second.kill('SIGTERM')).toBe(0);
    const third = await start({ dataDir: first.dataDir });
    const late = client(third.wsUrl, documentId);
    await waitFor('text after second restart', () => late.text.toString() === 'avant pendant');
  });
});
