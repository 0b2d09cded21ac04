import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { connectClient, type TestClient, waitFor, waitForStatus } from '../support/clients.ts';
import {
  type Comment,
  eventSocket,
  type ReceivedEvent,
  signInDemoPeople,
  startThread,
  type Thread,
  threadsPath,
} from '../support/comments.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { api, apiJson, type TestSession } from '../support/session.ts';

/**
 * Live comment events (sync message 23) through the real server: a change reaches everyone on
 * the document who may see the thread within a second, and an internal thread's changes never
 * reach a socket of another organisation — neither Accord's client nor a raw socket.
 */
let server: ServerProcess;
let claire: TestSession; // city, facilitator
let karim: TestSession; // city, editor
let sophie: TestSession; // Tremplin, editor
let lucas: TestSession; // Tremplin, commenter
let nadia: TestSession; // CCAS, viewer
const clients: TestClient[] = [];
const sockets: { close: () => void }[] = [];

beforeAll(async () => {
  server = await startServerProcess();
  ({ claire, karim, sophie, lucas, nadia } = await signInDemoPeople(server.url));
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  for (const socket of sockets) socket.close();
  await server.kill('SIGKILL');
});

/** Accord's own client (connectDocument), recording every event with its arrival time. */
async function listen(session: TestSession, documentId: string) {
  const client = connectClient(server.wsUrl, documentId, session);
  clients.push(client);
  const events: ReceivedEvent[] = [];
  client.connection.onEvent((event) =>
    events.push({ at: Date.now(), event: event as ReceivedEvent['event'] }),
  );
  await waitForStatus(client, 'connected', (s) => s.connection === 'connected');
  return events;
}

async function listenRaw(session: TestSession, documentId: string) {
  const socket = eventSocket(server.wsUrl, documentId, session.cookie);
  sockets.push(socket);
  await socket.ready;
  return socket.events;
}

const about = (events: ReceivedEvent[], threadId: string) =>
  events.filter((e) => e.event.threadId === threadId);

/** Waits for the `count`-th event about the thread; returns it. */
async function nth(events: ReceivedEvent[], threadId: string, count: number) {
  await waitFor(`event ${count} about ${threadId}`, () => about(events, threadId).length >= count);
  return about(events, threadId)[count - 1]!;
}

describe('live comment events', () => {
  let documentId: string;
  let karimEvents: ReceivedEvent[];
  let lucasEvents: ReceivedEvent[];
  let nadiaRaw: ReceivedEvent[];
  let sophieRaw: ReceivedEvent[];
  let internal: Thread;
  let shared: Thread;

  beforeAll(async () => {
    documentId = await createDocument(claire);
    karimEvents = await listen(karim, documentId);
    lucasEvents = await listen(lucas, documentId);
    nadiaRaw = await listenRaw(nadia, documentId);
    sophieRaw = await listenRaw(sophie, documentId);
  });

  it('an internal thread reaches its organisation at once, and nobody else', async () => {
    internal = await startThread(sophie, documentId, {
      body: 'Entre nous : nous ne tiendrons pas juin.',
      visibility: 'organisation',
    });
    // `nth` waits with a generous deadline: that it arrives is the test, how fast is the bench's.
    const event = await nth(lucasEvents, internal.id, 1);
    expect(event.event).toMatchObject({
      type: 'thread.changed',
      change: 'created',
      documentId,
      threadId: internal.id,
      actorId: sophie.personId,
      thread: { id: internal.id, visibility: 'organisation' },
    });
    await nth(sophieRaw, internal.id, 1);

    // A shared thread right after: once the others have it, they would have had the internal
    // one before (frames on a socket keep their order) — and they did not.
    shared = await startThread(sophie, documentId, { body: 'Pouvons-nous décaler à juillet ?' });
    await nth(karimEvents, shared.id, 1);
    await nth(nadiaRaw, shared.id, 1);
    expect(about(karimEvents, internal.id)).toEqual([]);
    expect(about(nadiaRaw, internal.id)).toEqual([]);
  });

  it('every change of a shared thread reaches everyone live, in order', async () => {
    const url = `${threadsPath(documentId)}/${shared.id}`;
    const steps: { change: string; run: () => Promise<unknown> }[] = [];
    let comment: Comment | undefined;
    steps.push({
      change: 'replied',
      run: async () => {
        ({ comment } = await apiJson<{ comment: Comment }>(lucas, `${url}/comments`, {
          method: 'POST',
          body: { body: 'Juillet nous va.' },
        }));
      },
    });
    steps.push({
      change: 'edited',
      run: () =>
        api(lucas, `${url}/comments/${comment!.id}`, {
          method: 'PATCH',
          body: { body: 'Juillet nous va très bien.' },
        }),
    });
    steps.push({
      change: 'deleted',
      run: () => api(lucas, `${url}/comments/${comment!.id}`, { method: 'DELETE' }),
    });
    steps.push({
      change: 'resolved',
      run: () => api(karim, url, { method: 'PATCH', body: { status: 'resolved' } }),
    });
    steps.push({
      change: 'reopened',
      run: () => api(sophie, url, { method: 'PATCH', body: { status: 'open' } }),
    });

    for (const [index, step] of steps.entries()) {
      await step.run();
      // The creation was event 1.
      for (const events of [karimEvents, lucasEvents, nadiaRaw, sophieRaw]) {
        const event = await nth(events, shared.id, index + 2);
        expect(event.event.change).toBe(step.change);
      }
    }
    // The events carry the thread as it is after each change: the deletion left a trace.
    const deleted = about(karimEvents, shared.id)[3]!.event.thread!;
    expect(deleted.comments.map((c) => c.body)).toEqual(['Pouvons-nous décaler à juillet ?', '']);
    const resolved = about(nadiaRaw, shared.id)[4]!.event.thread!;
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: karim.personId });
  });

  it('no change of an internal thread ever reaches another organisation', async () => {
    const url = `${threadsPath(documentId)}/${internal.id}`;
    const { comment } = await apiJson<{ comment: Comment }>(lucas, `${url}/comments`, {
      method: 'POST',
      body: { body: 'Alors demandons juillet.' },
    });
    await api(lucas, `${url}/comments/${comment.id}`, {
      method: 'PATCH',
      body: { body: 'Alors demandons juillet, discrètement.' },
    });
    await api(lucas, `${url}/comments/${comment.id}`, { method: 'DELETE' });
    await api(sophie, url, { method: 'PATCH', body: { status: 'resolved' } });
    await api(sophie, url, { method: 'PATCH', body: { status: 'open' } });
    const internalChanges = ['created', 'replied', 'edited', 'deleted', 'resolved', 'reopened'];
    for (const events of [lucasEvents, sophieRaw]) {
      await nth(events, internal.id, internalChanges.length);
      expect(about(events, internal.id).map((e) => e.event.change)).toEqual(internalChanges);
    }

    // A marker on the shared thread: once the others have it, nothing internal came before.
    const marker = await startThread(karim, documentId, { body: 'Marqueur' });
    for (const events of [karimEvents, nadiaRaw]) {
      await nth(events, marker.id, 1);
      expect(about(events, internal.id)).toEqual([]);
      const text = JSON.stringify(events);
      expect(text).not.toContain('Entre nous');
      expect(text).not.toContain('discrètement');
    }
  });

  it('a Ville internal note reaches Claire’s socket but not Tremplin’s', async () => {
    const claireEvents = await listen(claire, documentId);
    const note = await startThread(karim, documentId, {
      body: 'Note de la Ville',
      visibility: 'organisation',
    });
    await nth(claireEvents, note.id, 1);
    await nth(karimEvents, note.id, 1);
    const marker = await startThread(claire, documentId, { body: 'Marqueur 2' });
    for (const events of [lucasEvents, nadiaRaw, sophieRaw]) {
      await nth(events, marker.id, 1);
      expect(about(events, note.id)).toEqual([]);
    }
  });

  it('a stock y-websocket client (no extensions) never gets an event frame', async () => {
    const stock = eventSocket(server.wsUrl, documentId, karim.cookie, { extensions: false });
    sockets.push(stock);
    await stock.ready;
    const thread = await startThread(karim, documentId, { body: 'Pour les clients ordinaires' });
    await nth(nadiaRaw, thread.id, 1);
    // Sent in the same turn as nadia's: give the stock socket time to receive anything at all.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stock.types.length).toBeGreaterThan(0);
    expect(stock.types.filter((type) => type === 23)).toEqual([]);
  });

  it('events stay on their document', async () => {
    const elsewhere = await createDocument(claire);
    const lucasElsewhere = await listen(lucas, elsewhere);
    const thread = await startThread(sophie, elsewhere, { body: 'Ailleurs' });
    await nth(lucasElsewhere, thread.id, 1);
    const marker = await startThread(sophie, documentId, { body: 'Ici' });
    await nth(karimEvents, marker.id, 1);
    expect(about(karimEvents, thread.id)).toEqual([]);
    expect(about(lucasEvents, thread.id)).toEqual([]);
    expect(about(lucasElsewhere, marker.id)).toEqual([]);
  });
});
