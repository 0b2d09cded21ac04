import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../protocol.ts';
import { deferred, Harness, nextTurn, sleep, type TestClient, waitFor } from './test-support.ts';

let h: Harness;

beforeEach(async () => {
  h = new Harness({ unloadDelayMs: 20 });
  await h.store.createDocument('doc-a', 'Bonjour');
  await h.store.createDocument('doc-b', 'Salut');
});

afterEach(async () => {
  await h.dispose();
});

const closeCode = (client: TestClient) => client.closed?.code ?? null;

describe('joining', () => {
  it('loads a document once for concurrent joins, and every joiner gets session and step 1', async () => {
    const load = deferred();
    h.store.hooks.loadBody = () => load.promise;
    const clients = Array.from({ length: 5 }, () => h.client('doc-a'));
    await sleep(5);
    expect(h.store.calls.loadBody).toEqual(['doc-a']);
    expect(clients.every((c) => c.received.length === 0)).toBe(true);

    load.resolve();
    await waitFor(() => clients.every((c) => c.text() === 'Bonjour'), 'every joiner to sync');
    expect(h.store.calls.loadBody).toEqual(['doc-a']);
    for (const client of clients) {
      expect(client.received[0]).toEqual({ type: 'session', session: { readOnly: false } });
      // On a room just loaded, the joiner's own step 1 is answered from the stored bytes before
      // the document is built; the server's step 1 follows.
      expect(client.of('step1')).toHaveLength(1);
    }
    expect(h.sync.stats()).toMatchObject({ rooms: 1, connections: 5 });

    // A later join finds the room loaded.
    const late = await h.joined('doc-a');
    expect(late.text()).toBe('Bonjour');
    expect(h.store.calls.loadBody).toEqual(['doc-a']);
  });

  it('joins made in the same tick without any delay load once too', async () => {
    const clients = Array.from({ length: 8 }, () => h.client('doc-b'));
    await waitFor(() => clients.every((c) => c.of('step1').length === 1), 'step 1 everywhere');
    expect(h.store.calls.loadBody).toEqual(['doc-b']);
    expect(h.store.calls.documentExists).toEqual(['doc-b']);
  });

  it('answers a joiner with an empty document from the stored snapshot bytes', async () => {
    const stored = await h.store.body('doc-a');
    expect(stored.updates).toEqual([]);
    const client = h.client('doc-a');
    await waitFor(() => client.of('step2').length > 0, 'step 2');
    // Byte for byte what the store holds: nothing was rebuilt or re-encoded to answer.
    expect(client.of('step2')[0]!.update).toEqual(stored.snapshot);
    await waitFor(
      () => client.of('step1').length === 1,
      'the server’s step 1, once the doc is built',
    );
  });

  it('a stock client (no extensions) gets step 1 and no session frame', async () => {
    const stock = h.client('doc-a', { extensions: false });
    await waitFor(() => stock.text() === 'Bonjour', 'sync');
    await waitFor(() => stock.of('step1').length === 1, 'step 1');
    expect(stock.of('session')).toHaveLength(0);
  });

  it('closes an unknown id with 4404 and creates nothing', async () => {
    const clients = [h.client('no-such-doc'), h.client('no-such-doc')];
    await waitFor(() => clients.every((c) => c.closed !== null), 'the closes');
    expect(clients.map(closeCode)).toEqual([CloseCode.notFound, CloseCode.notFound]);
    expect(clients.every((c) => c.received.length === 0)).toBe(true);
    expect(h.store.calls.documentExists).toEqual(['no-such-doc']);
    expect(h.store.calls.loadBody).toEqual([]);
    expect(await h.store.store.getDocument('no-such-doc')).toBeUndefined();
    expect(h.sync.stats()).toEqual({
      rooms: 0,
      documentsBuilt: 0,
      connections: 0,
      pendingCommits: 0,
    });
  });

  it('closes an archived document with 4404 too', async () => {
    await h.store.createDocument('doc-archived', 'old');
    // The store has no archive call yet: flip the flag the way the adapter reads it.
    const { persistence } = h.store;
    const exists = persistence.documentExists;
    persistence.documentExists = async (id) => (id === 'doc-archived' ? false : exists(id));
    const client = h.client('doc-archived');
    await waitFor(() => client.closed !== null, 'the close');
    expect(closeCode(client)).toBe(CloseCode.notFound);
    expect(h.store.calls.loadBody).toEqual([]);
  });

  it.each([
    ['a path', '../x'],
    ['an id of 200 characters', 'a'.repeat(200)],
    ['an empty id', ''],
    ['an id with a space', 'doc a'],
    ['an id with a slash', 'doc-a/x'],
    ['an id with a dot', 'doc-a.'],
  ])('closes %s with 4404 without asking the store', async (_what, id) => {
    const client = h.client(id);
    await waitFor(() => client.closed !== null, 'the close');
    expect(closeCode(client)).toBe(CloseCode.notFound);
    expect(h.store.calls.documentExists).toEqual([]);
    expect(h.store.calls.loadBody).toEqual([]);
    expect(h.sync.stats().rooms).toBe(0);
  });

  it('a failed load closes every waiting joiner with 1011, stores nothing, and the next join loads', async () => {
    // Some history first, so "unchanged" means something: a tail row on top of the snapshot.
    const writer = await h.joined('doc-a');
    writer.type(' le monde');
    await waitFor(() => writer.saved === 2, 'the edit to be saved');
    writer.leave();
    await waitFor(() => h.sync.stats().rooms === 0, 'the unload');
    const before = await h.store.body('doc-a');

    let failures = 1;
    h.store.hooks.loadBody = () => {
      if (failures-- > 0) throw new Error('disk on fire');
    };
    const joiners = [h.client('doc-a'), h.client('doc-a'), h.client('doc-a')];
    await waitFor(() => joiners.every((c) => c.closed !== null), 'the closes');
    expect(joiners.map(closeCode)).toEqual([1011, 1011, 1011]);
    expect(joiners.every((c) => c.of('step1').length === 0)).toBe(true);
    expect(h.sync.stats()).toMatchObject({ rooms: 0, connections: 0 });
    expect(h.logs.some((line) => line.includes('could not load document doc-a'))).toBe(true);
    await nextTurn();
    expect(await h.store.body('doc-a')).toEqual(before);

    const next = await h.joined('doc-a');
    expect(next.text()).toBe('Bonjour le monde');
    expect(await h.store.body('doc-a')).toEqual(before);
  });

  it('a socket closed while its document loads leaves no connection behind', async () => {
    const load = deferred();
    h.store.hooks.loadBody = () => load.promise;
    const client = h.client('doc-a');
    await sleep(2);
    client.leave();
    load.resolve();
    await waitFor(() => h.store.completed.loadBody === 1, 'the load');
    await nextTurn();
    expect(client.received).toEqual([]);
    expect(h.sync.stats().connections).toBe(0);
    // The room that was loaded for nobody unloads after the delay.
    await waitFor(() => h.sync.stats().rooms === 0, 'the unload');
  });
});

describe('unloading', () => {
  it('unloads after the last client leaves: the log is compacted and a re-join sees the same text', async () => {
    const a = await h.joined('doc-a');
    const b = await h.joined('doc-a');
    a.type(' tout');
    b.type(' le monde');
    await waitFor(() => a.saved === 2 && b.saved === 2, 'both edits saved');
    const text = a.text();
    expect(b.text()).toBe(text);
    expect((await h.store.body('doc-a')).updates.length).toBeGreaterThan(0);

    a.leave();
    await sleep(40);
    // One client is still there: the room stays.
    expect(h.sync.stats()).toMatchObject({ rooms: 1, connections: 1 });
    b.leave();
    expect(h.sync.stats()).toMatchObject({ rooms: 1, connections: 0 });
    await waitFor(() => h.sync.stats().rooms === 0, 'the unload');

    const body = await h.store.body('doc-a');
    expect(body.snapshot).not.toBeNull();
    expect(body.updates).toEqual([]);
    expect(await h.store.text('doc-a')).toBe(text);

    const again = await h.joined('doc-a');
    expect(again.text()).toBe(text);
    expect(h.store.calls.loadBody).toEqual(['doc-a', 'doc-a']);
  });

  it('a join within the unload delay keeps the room warm (no second load)', async () => {
    const a = await h.joined('doc-a');
    a.leave();
    const b = await h.joined('doc-a');
    await sleep(40);
    expect(h.sync.stats()).toMatchObject({ rooms: 1, connections: 1 });
    expect(b.text()).toBe('Bonjour');
    expect(h.store.calls.loadBody).toEqual(['doc-a']);
  });

  it('a join during the unload waits for it, then loads the stored content', async () => {
    const compaction = deferred();
    h.store.hooks.compact = () => compaction.promise;
    const a = await h.joined('doc-a');
    a.type(' à tous');
    await waitFor(() => a.saved === 2, 'the edit saved');
    a.leave();
    await waitFor(() => h.store.calls.compact.length === 1, 'the unload to start compacting');

    const b = h.client('doc-a');
    await sleep(10);
    expect(b.received).toEqual([]);
    expect(h.store.calls.loadBody).toEqual(['doc-a']);

    compaction.resolve();
    await waitFor(() => b.text() === 'Bonjour à tous', 'the re-join to see the text');
    expect(h.store.calls.loadBody).toEqual(['doc-a', 'doc-a']);
    expect(await h.store.body('doc-a')).toMatchObject({ updates: [] });
  });

  it('a failed compaction on unload loses nothing: the log still holds the edits', async () => {
    h.store.hooks.compact = () => {
      throw new Error('no space left');
    };
    const a = await h.joined('doc-a');
    a.type('!');
    await waitFor(() => a.saved === 2, 'the edit saved');
    a.leave();
    await waitFor(() => h.sync.stats().rooms === 0, 'the unload');
    expect(h.logs.some((l) => l.includes('could not compact document doc-a on unload'))).toBe(true);
    expect((await h.store.body('doc-a')).updates).toHaveLength(1);

    h.store.hooks.compact = undefined;
    const b = await h.joined('doc-a');
    expect(b.text()).toBe('Bonjour!');
  });

  // BUG: sync-server.ts #afterCommit only updates lastSeq/tailRows of rooms in state 'ready'.
  // When the unload starts (entry 'unloading') while the room's last commit is still running,
  // that commit's result is dropped: tailRows stays 0 and #unload skips the compaction (or
  // compacts with a stale uptoSeq), so the log is not compacted on unload as documented.
  it('compacts on unload even when the last commit finishes during the unload', async () => {
    const a = await h.joined('doc-a');
    const commit = deferred();
    h.store.hooks.appendUpdates = () => commit.promise;
    a.type(' encore');
    await waitFor(() => h.store.calls.appendUpdates.length === 1, 'the commit to start');
    a.leave();
    await sleep(40); // past the unload delay: the unload now waits for the commit queue
    commit.resolve();
    await waitFor(() => h.sync.stats().rooms === 0, 'the unload');
    expect(await h.store.text('doc-a')).toBe('Bonjour encore');
    expect((await h.store.body('doc-a')).updates).toEqual([]);
  });
  // BUG (liveness): sync-server.ts #unload awaits this.#commits.drain() before anything else and
  // #acquire makes every join wait for entry.done. While the store keeps refusing the room's
  // last commit (retried with backoff forever), a new socket for the document gets nothing at
  // all: no step 1, no close code, although the text is in memory. shutdown() hangs the same
  // way. Fix: let #acquire take back a room whose unload has not destroyed it yet (cancel the
  // unload), and/or bound the wait and close with 1011.
  it('serves a join while the unload waits for a commit the store keeps refusing', async () => {
    const a = await h.joined('doc-a');
    let refuse = true;
    h.store.hooks.appendUpdates = () => {
      if (refuse) throw new Error('disk full');
    };
    a.type('!');
    await waitFor(() => h.store.calls.appendUpdates.length >= 1, 'the first attempt');
    a.leave();
    await sleep(40); // the unload has started and waits for the commit queue
    const b = h.client('doc-a');
    try {
      await waitFor(() => b.text() === 'Bonjour!', 'the joiner to be served', 150);
    } finally {
      refuse = false;
    }
  });
});

describe('compaction', () => {
  it('compacts past compactAfterRows, keeps every edit, and resets the log tail', async () => {
    await h.dispose();
    h = new Harness({ unloadDelayMs: 20, limits: { compactAfterRows: 3 } });
    await h.store.createDocument('doc-a', 'x');
    const a = await h.joined('doc-a');
    const b = await h.joined('doc-a');
    for (let i = 0; i < 8; i++) {
      a.type(String(i));
      await waitFor(() => a.saved === a.sentUpdates, `edit ${i} saved`);
    }
    expect(h.store.calls.compact.length).toBeGreaterThanOrEqual(2);
    const body = await h.store.body('doc-a');
    expect(body.updates.length).toBeLessThan(3);
    expect(body.snapshot).not.toBeNull();
    expect(await h.store.text('doc-a')).toBe('x01234567');
    expect(b.text()).toBe('x01234567');
    // Each compaction covered exactly the rows committed so far.
    expect(h.store.calls.compact.map((c) => c.uptoSeq)).toEqual([3, 6]);

    // A fresh joiner after the room is reloaded sees everything.
    a.leave();
    b.leave();
    await waitFor(() => h.sync.stats().rooms === 0, 'the unload');
    const c = await h.joined('doc-a');
    expect(c.text()).toBe('x01234567');
  });

  it('compacts past compactAfterBytes', async () => {
    await h.dispose();
    h = new Harness({ unloadDelayMs: 20, limits: { compactAfterBytes: 200 } });
    await h.store.createDocument('doc-a');
    const a = await h.joined('doc-a');
    a.type('a'.repeat(150));
    await waitFor(() => a.saved === 2, 'first edit');
    expect(h.store.calls.compact).toEqual([]);
    a.type('b'.repeat(150));
    await waitFor(() => a.saved === 3, 'second edit');
    await waitFor(() => h.store.completed.compact === 1, 'the compaction');
    expect((await h.store.body('doc-a')).updates).toEqual([]);
    expect(await h.store.text('doc-a')).toBe('a'.repeat(150) + 'b'.repeat(150));
  });
});

describe('shutdown', () => {
  it('forwards pending frames, closes every socket with 4503, stores everything and compacts', async () => {
    const a = await h.joined('doc-a');
    const b = await h.joined('doc-a');
    const c = await h.joined('doc-b');
    const commit = deferred();
    h.store.hooks.appendUpdates = () => commit.promise;
    a.type(' A');
    b.type(' B');
    c.type(' C');
    // Not even a turn of the event loop: the broadcast and the commit are both still pending.
    const stopping = h.sync.shutdown();
    setTimeout(() => commit.resolve(), 10);
    await stopping;

    expect([a, b, c].map(closeCode)).toEqual([4503, 4503, 4503]);
    // Pending updates were forwarded before the close.
    expect(a.text()).toBe(b.text());
    expect(a.text()).toContain(' A');
    expect(a.text()).toContain(' B');
    expect(h.sync.stats()).toEqual({
      rooms: 0,
      documentsBuilt: 0,
      connections: 0,
      pendingCommits: 0,
    });

    for (const id of ['doc-a', 'doc-b']) {
      const body = await h.store.body(id);
      expect(body.updates).toEqual([]);
      expect(body.snapshot).not.toBeNull();
    }
    expect(await h.store.text('doc-a')).toBe(a.text());
    expect(await h.store.text('doc-b')).toBe('Salut C');

    const late = h.client('doc-a');
    await waitFor(() => late.closed !== null, 'the refusal');
    expect(closeCode(late)).toBe(CloseCode.shuttingDown);
    expect(h.store.calls.loadBody).toEqual(['doc-a', 'doc-b']);
  });

  // BUG: sync-server.ts shutdown() only handles entries in state 'ready'. A join whose load is
  // still running is skipped; when the load finishes, start() joins it to a fresh room after
  // shutdown resolved (the #closing check happens only before #acquire), so the socket stays
  // open and the room stays loaded, with the store about to be closed.
  it('closes with 4503 a socket whose document was still loading', async () => {
    const load = deferred();
    h.store.hooks.loadBody = () => load.promise;
    const client = h.client('doc-a');
    await sleep(2);
    const stopping = h.sync.shutdown();
    setTimeout(() => load.resolve(), 5);
    await stopping;
    await sleep(10);
    expect(closeCode(client)).toBe(CloseCode.shuttingDown);
    expect(h.sync.stats().rooms).toBe(0);
  });

  // BUG: sync-server.ts shutdown() ignores entries in state 'unloading': it resolves while an
  // unload is still compacting, so apps/server closes the store under it ("could not compact").
  it('waits for an unload that is already compacting', async () => {
    const compaction = deferred();
    h.store.hooks.compact = () => compaction.promise;
    const a = await h.joined('doc-a');
    a.type('!');
    await waitFor(() => a.saved === 2, 'the edit saved');
    a.leave();
    await waitFor(() => h.store.calls.compact.length === 1, 'the unload to compact');
    let stopped = false;
    const stopping = h.sync.shutdown().then(() => {
      stopped = true;
    });
    await sleep(20);
    const stoppedBeforeCompaction = stopped;
    compaction.resolve();
    await stopping;
    expect(stoppedBeforeCompaction).toBe(false);
  });

  // BUG: sync-server.ts shutdown() unloads rooms whose unload timer is pending but never clears
  // that timer (#releaseIfEmpty set it before #closing). It fires after shutdown and runs
  // #unload again on the destroyed room: a second compaction (on a store apps/server has
  // closed by then) and a second room.destroy(). Room.tailRows is also never reset by #unload.
  it('leaves no unload timer running after shutdown', async () => {
    await h.dispose();
    h = new Harness({ unloadDelayMs: 60 });
    await h.store.createDocument('doc-a', 'Bonjour');
    const a = await h.joined('doc-a');
    a.type('!');
    await waitFor(() => a.saved === 2, 'the edit saved');
    a.leave(); // the unload timer starts
    await h.sync.shutdown();
    const compactions = h.store.calls.compact.length;
    expect(compactions).toBe(1);
    await sleep(100);
    expect(h.store.calls.compact.length).toBe(compactions);
  });
});

describe('keep-alive', () => {
  it('sends an empty awareness update to a connection that received nothing for keepAliveMs', async () => {
    await h.dispose();
    h = new Harness({ limits: { keepAliveMs: 40 } });
    await h.store.createDocument('doc-a');
    const a = await h.joined('doc-a');
    const before = a.received.length;
    await waitFor(() => a.received.length > before, 'a keep-alive', 500);
    expect(a.received.at(-1)).toEqual({
      type: 'awareness',
      update: new Uint8Array([0]),
      entries: [],
    });
  });
});
