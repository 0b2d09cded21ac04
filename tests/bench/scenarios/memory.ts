import { performance } from 'node:perf_hooks';
import { awarenessFrame, syncUpdateFrame } from '../clients/protocol.ts';
import { closeAll, RawClient } from '../clients/raw-client.ts';
import type { MemorySample, ServerKind } from '../servers/process.ts';
import { type ReferenceServer, templateState } from '../servers/reference.ts';
import { median, sleep, until } from '../stats.ts';
import { SERVERS, withServer } from './common.ts';
import { type Check, defineScenario, type Metric, metric } from './types.ts';

interface MemoryRun {
  /** Before any room is open (Accord: documents created, not loaded). */
  start: MemorySample;
  /** One connection in every room. */
  oneEach: MemorySample;
  /** Every connection open. */
  loaded: MemorySample;
  /** After every connection closed and the server settled. */
  afterClose: MemorySample;
  roomsAfterClose: number;
  connectionsSeen: number;
  joinedAll: boolean;
}

const heap = (m: MemorySample) => m.heapUsedKiB + m.externalKiB;

/**
 * 5. Memory: 2,000 idle connections over 200 rooms. Every room holds the same content (Accord's
 * notes template) and every client, like an idle browser tab, has synced and published its
 * presence once. Memory is sampled after a forced full GC (through the inspector, the same way for
 * both servers) once the load has settled: RSS from /proc and the V8 heap + external memory.
 * Before the baseline, a warm-up batch of connections opens and closes in rooms of its own, so
 * that what is compiled once (JIT code, and the compilers' scratch memory malloc keeps) is not
 * divided among the measured connections.
 */
export const memory = defineScenario<MemoryRun>({
  id: 'memory',
  title: 'Memory: idle connections over many rooms',
  servers: SERVERS,
  run: (kind, _alternation, context) =>
    withServer(kind, context, { inspect: true }, async (server) => {
      const p = context.profile.memory;
      const reference = kind === 'reference' ? (server as ReferenceServer) : null;
      // Accord's documents exist in its store (not loaded); the reference's rooms exist once
      // someone joins, and the first joiner brings the template.
      const createRooms = async (count: number) => {
        const created: string[] = [];
        for (let i = 0; i < count; i++) {
          created.push(reference ? reference.emptyRoom() : await server.createRoom());
        }
        return created;
      };
      let presenceId = 1;
      /** Opens `perRoom` idle tabs in every room, 50 at a time; the first of a room brings the content. */
      const openIdle = async (rooms: string[], perRoom: { from: number; to: number }) => {
        const opened: RawClient[] = [];
        const open = async (room: string, first: boolean) => {
          const client = new RawClient(server.syncUrl(room), {
            headers: server.wsHeaders,
            answerStep1: true,
          });
          opened.push(client);
          await client.opened();
          if (first && reference) client.send(syncUpdateFrame(templateState()));
          const synced = client.join();
          const id = presenceId++;
          client.send(
            awarenessFrame(id, 0, {
              name: `Personne ${id}`,
              color: '#3060c0',
              focusing: false,
              anchorPos: null,
              focusPos: null,
              awarenessData: {},
            }),
          );
          await synced;
        };
        const jobs: (() => Promise<void>)[] = [];
        for (let c = perRoom.from; c < perRoom.to; c++) {
          for (const room of rooms) jobs.push(() => open(room, c === 0));
        }
        for (let i = 0; i < jobs.length; i += 50) {
          await Promise.all(jobs.slice(i, i + 50).map((job) => job()));
        }
        return opened;
      };
      const closeAndSettle = async (clients: RawClient[]) => {
        await closeAll(clients);
        const closedAt = performance.now();
        await until(async () => (await server.health()).connections === 0, 10_000, 100);
        await sleep(Math.max(0, p.afterCloseMs - (performance.now() - closedAt)));
      };

      const warmRooms = await createRooms(p.warmUp.rooms);
      await closeAndSettle(await openIdle(warmRooms, { from: 0, to: p.warmUp.connectionsPerRoom }));
      const rooms = await createRooms(p.rooms);
      await sleep(p.settleMs);
      const start = await server.memoryAfterGc();

      const clients = await openIdle(rooms, { from: 0, to: 1 });
      await sleep(p.settleMs);
      const oneEach = await server.memoryAfterGc();
      clients.push(...(await openIdle(rooms, { from: 1, to: p.connectionsPerRoom })));
      await sleep(p.settleMs);
      const loaded = await server.memoryAfterGc();
      const { connections: connectionsSeen } = await server.health();

      await closeAndSettle(clients);
      const afterClose = await server.memoryAfterGc();
      const { rooms: roomsAfterClose } = await server.health();
      return {
        start,
        oneEach,
        loaded,
        afterClose,
        roomsAfterClose,
        connectionsSeen,
        joinedAll: clients.every((c) => c.closeCode === 1000 || c.closeCode === 1005),
      };
    }),
  summarize(runs, context) {
    const p = context.profile.memory;
    const extraConnections = p.rooms * (p.connectionsPerRoom - 1);
    const figures = (kind: ServerKind) => {
      const own = runs.filter((r) => r.server === kind).map((r) => r.data);
      if (own.length === 0) return null;
      const per = (f: (run: MemoryRun) => number) => median(own.map(f));
      const perConnection = (m: (s: MemorySample) => number) =>
        per((r) => (m(r.loaded) - m(r.oneEach)) / extraConnections);
      const perRoom = (m: (s: MemorySample) => number) =>
        per((r) => (m(r.oneEach) - m(r.start)) / p.rooms) - perConnection(m);
      const afterClose = (m: (s: MemorySample) => number) =>
        per((r) => ((m(r.afterClose) - m(r.start)) / m(r.start)) * 100);
      return {
        connRss: perConnection((s) => s.rssKiB),
        connHeap: perConnection(heap),
        roomRss: perRoom((s) => s.rssKiB),
        roomHeap: perRoom(heap),
        closeRss: afterClose((s) => s.rssKiB),
        closeHeap: afterClose(heap),
        startRss: per((r) => r.start.rssKiB),
        startHeap: per((r) => heap(r.start)),
        loadedRss: per((r) => r.loaded.rssKiB),
        loadedHeap: per((r) => heap(r.loaded)),
      };
    };
    const a = figures('accord');
    const r = figures('reference');
    const pick = (x: ReturnType<typeof figures>, key: keyof NonNullable<typeof a>) =>
      x ? x[key] : null;
    const ratioTarget = (m: Metric): Metric => ({
      ...m,
      target: { text: '≤ 1.0×', met: m.ratio === null ? null : m.ratio <= 1 },
    });
    const within10 = (m: Metric): Metric => ({
      ...m,
      target: {
        text: 'Accord ≤ +10% of start',
        met: m.accord === null ? null : m.accord <= 10,
      },
    });
    const metrics: Metric[] = [
      ratioTarget(
        metric(
          'memory.connHeap',
          'heap per idle connection',
          'KiB',
          pick(a, 'connHeap'),
          pick(r, 'connHeap'),
          'lower',
        ),
      ),
      ratioTarget(
        metric(
          'memory.connRss',
          'RSS per idle connection',
          'KiB',
          pick(a, 'connRss'),
          pick(r, 'connRss'),
          'lower',
        ),
      ),
      ratioTarget(
        metric(
          'memory.roomHeap',
          'heap per room',
          'KiB',
          pick(a, 'roomHeap'),
          pick(r, 'roomHeap'),
          'lower',
        ),
      ),
      ratioTarget(
        metric(
          'memory.roomRss',
          'RSS per room',
          'KiB',
          pick(a, 'roomRss'),
          pick(r, 'roomRss'),
          'lower',
        ),
      ),
      within10(
        metric(
          'memory.closeHeap',
          'heap after all closed, vs start',
          '%',
          pick(a, 'closeHeap'),
          pick(r, 'closeHeap'),
          'lower',
        ),
      ),
      within10(
        metric(
          'memory.closeRss',
          'RSS after all closed, vs start',
          '%',
          pick(a, 'closeRss'),
          pick(r, 'closeRss'),
          'lower',
        ),
      ),
      metric(
        'memory.startHeap',
        'heap at start',
        'KiB',
        pick(a, 'startHeap'),
        pick(r, 'startHeap'),
        'lower',
      ),
      metric(
        'memory.loadedHeap',
        'heap with every connection open',
        'KiB',
        pick(a, 'loadedHeap'),
        pick(r, 'loadedHeap'),
        'lower',
      ),
      metric(
        'memory.startRss',
        'RSS at start',
        'KiB',
        pick(a, 'startRss'),
        pick(r, 'startRss'),
        'lower',
      ),
      metric(
        'memory.loadedRss',
        'RSS with every connection open',
        'KiB',
        pick(a, 'loadedRss'),
        pick(r, 'loadedRss'),
        'lower',
      ),
    ];
    const expectedConnections = p.rooms * p.connectionsPerRoom;
    const checks: Check[] = SERVERS.map((kind) => {
      const own = runs.filter((run) => run.server === kind).map((run) => run.data);
      return {
        name: `memory ${kind}: every connection joined, synced and was counted by the server`,
        ok:
          own.length > 0 &&
          own.every((x) => x.connectionsSeen === expectedConnections && x.joinedAll),
        detail: own.map((x) => `${x.connectionsSeen}/${expectedConnections}`).join(', '),
      };
    });
    return {
      params: p,
      metrics,
      checks,
      notes: [
        `${p.rooms} rooms × ${p.connectionsPerRoom} connections. Per room = (one connection in every room − start) ÷ rooms − one connection; per connection = (all − one per room) ÷ ${extraConnections}. Medians over the runs.`,
        `Before the baseline, ${p.warmUp.rooms * p.warmUp.connectionsPerRoom} connections (${p.warmUp.rooms} rooms of their own × ${p.warmUp.connectionsPerRoom}) open, sync and close, the same for both servers: the code every connection runs is compiled then, so JIT code and the compilers' scratch memory malloc keeps are not counted per connection.`,
        'Heap = V8 heap used + external (Buffers/ArrayBuffers, e.g. cached encodings), after two forced full GCs through the inspector (--inspect on loopback: the same method for both servers, no server hook needed).',
        `Rooms still loaded after close — accord: ${runs
          .filter((x) => x.server === 'accord')
          .map((x) => x.data.roomsAfterClose)
          .join(', ')}; reference: ${runs
          .filter((x) => x.server === 'reference')
          .map((x) => x.data.roomsAfterClose)
          .join(', ')} (the reference keeps every room's doc for good when it has no persistence).`,
      ],
      runs: runs.map((run) => ({ server: run.server, alternation: run.alternation, ...run.data })),
      discarded: 0,
    };
  },
});
