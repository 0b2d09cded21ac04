import { decodeFrame, syncUpdateFrame } from '../clients/protocol.ts';
import { closeAll, RawClient } from '../clients/raw-client.ts';
import type { BenchServer, ServerKind } from '../servers/process.ts';
import {
  type HarnessLoad,
  HarnessMonitor,
  harnessVerdict,
  round,
  summarize,
  until,
  waitForQuietMachine,
} from '../stats.ts';
import { largeDocument, verifyState } from '../trace.ts';
import { roundHarness, roundSummary, SERVERS, withServer } from './common.ts';
import { type Check, defineScenario, metric } from './types.ts';

interface Storm {
  /** Join → full state received, per client, ms. */
  times: number[];
  serverCpuMs: number;
  harness: HarnessLoad;
  harnessBound: boolean;
  reason: string | null;
  /** Distinct step-2 payloads seen, and how many of them failed the text check. */
  distinctStates: number;
  wrongStates: number;
  failedJoins: number;
}

interface JoinStormRun {
  documentBytes: number;
  storms: Storm[];
}

/**
 * Holds a room open with a large document: a first client sends the whole state as one update and
 * stays. Accord acknowledges it once committed; the reference is asked for its state back.
 */
export async function seedRoom(
  server: BenchServer,
  room: string,
  state: Uint8Array,
): Promise<RawClient> {
  const seed = new RawClient(server.syncUrl(room), {
    headers: server.wsHeaders,
    answerStep1: true,
  });
  await seed.opened();
  if (server.kind === 'accord') {
    let acked = 0;
    const done = seed.waitFor('save ack of the seed', (data) => {
      if (data[0] !== 20) return false;
      const frame = decodeFrame(data);
      if (frame.type === 'saved') acked = frame.upTo;
      return acked >= seed.updatesSent;
    });
    seed.send(syncUpdateFrame(state));
    await done;
  } else {
    seed.send(syncUpdateFrame(state));
  }
  const { data } = await seed.join();
  if (data.byteLength < state.byteLength) throw new Error('the seeded room lacks the document');
  return seed;
}

/**
 * 6. Join storm: 100 clients join a room holding a 300 KB document at the same moment. Time from
 * each client's join (socket created) to its fully synced state (the server's sync step 2 with the
 * whole document received; its content is checked against the expected text afterwards, outside
 * the timed path, so the harness applying 100 × 300 KB does not delay the timestamps).
 */
export const joinStorm = defineScenario<JoinStormRun>({
  id: 'join-storm',
  title: 'Join storm: many clients join a room holding a large document at once',
  servers: SERVERS,
  run: (kind, _alternation, context) =>
    withServer(kind, context, {}, async (server) => {
      const p = context.profile.joinStorm;
      const document = largeDocument(p.documentBytes);
      const room = await server.createRoom();
      const seed = await seedRoom(server, room, document.state);
      const storms: Storm[] = [];
      try {
        for (let s = 0; s < p.storms; s++) {
          await waitForQuietMachine([server.pid], {
            maxCores: context.profile.harness.foreignCores / 2,
            maxWaitMs: context.profile.quietWaitMs,
            log: context.log,
          });
          const monitor = new HarnessMonitor([server.pid]);
          const cpuFrom = server.cpuMs();
          const clients: RawClient[] = [];
          const joins: Promise<{ data: Buffer; receivedAt: number } | null>[] = [];
          for (let i = 0; i < p.clients; i++) {
            const client = new RawClient(server.syncUrl(room), {
              headers: server.wsHeaders,
              answerStep1: true,
            });
            clients.push(client);
            joins.push(client.join(60_000).catch(() => null));
          }
          const results = await Promise.all(joins);
          const harness = monitor.stop();
          const serverCpuMs = server.cpuMs() - cpuFrom;
          const times: number[] = [];
          const states: Buffer[] = [];
          let failedJoins = 0;
          results.forEach((result, i) => {
            if (!result) {
              failedJoins++;
              return;
            }
            times.push(result.receivedAt - clients[i]!.startedAt);
            if (!states.some((known) => known.equals(result.data))) states.push(result.data);
          });
          // Identical bytes hold identical content: check each distinct state once.
          let wrongStates = 0;
          for (const state of states) {
            const frame = decodeFrame(state);
            if (frame.type !== 'sync' || verifyState(frame.payload, document.texts).length > 0) {
              wrongStates++;
            }
          }
          await closeAll(clients);
          await until(async () => (await server.health()).connections <= 1, 10_000, 50);
          const verdict = harnessVerdict(harness, summarize(times).p99, context.profile.harness);
          if (verdict.bound) context.log(`join storm discarded: ${verdict.reason}`);
          storms.push({
            times,
            serverCpuMs,
            harness,
            harnessBound: verdict.bound,
            reason: verdict.reason,
            distinctStates: states.length,
            wrongStates,
            failedJoins,
          });
          // Let the room settle (sockets gone, caches warm as they would be) before the next storm.
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      } finally {
        await seed.close();
      }
      return { documentBytes: document.state.byteLength, storms };
    }),
  summarize(runs, context) {
    const p = context.profile.joinStorm;
    const storms = (kind: ServerKind) =>
      runs.filter((r) => r.server === kind).flatMap((r) => r.data.storms);
    const valid = (kind: ServerKind) => storms(kind).filter((s) => !s.harnessBound);
    const times = (kind: ServerKind) => summarize(valid(kind).flatMap((s) => s.times));
    const cpuPerJoin = (kind: ServerKind) => {
      const v = valid(kind);
      const joins = v.reduce((sum, s) => sum + s.times.length, 0);
      return joins ? v.reduce((sum, s) => sum + s.serverCpuMs, 0) / joins : null;
    };
    const has = (kind: ServerKind) => valid(kind).length > 0;
    const checks: Check[] = SERVERS.map((kind) => {
      const all = storms(kind);
      const failed = all.reduce((sum, s) => sum + s.failedJoins, 0);
      const wrong = all.reduce((sum, s) => sum + s.wrongStates, 0);
      return {
        name: `join storm ${kind}: every client got the whole document, text equal`,
        ok: all.length > 0 && failed === 0 && wrong === 0,
        detail: `${failed} joins failed, ${wrong} wrong states, ${all.reduce((sum, s) => sum + s.times.length, 0)} joins`,
      };
    });
    const documentBytes = runs[0]?.data.documentBytes ?? 0;
    return {
      params: { ...p, actualDocumentBytes: documentBytes },
      metrics: [
        metric(
          'joinStorm.p50',
          'time to fully synced p50',
          'ms',
          has('accord') ? times('accord').p50 : null,
          has('reference') ? times('reference').p50 : null,
          'lower',
        ),
        metric(
          'joinStorm.p99',
          'time to fully synced p99',
          'ms',
          has('accord') ? times('accord').p99 : null,
          has('reference') ? times('reference').p99 : null,
          'lower',
        ),
        metric(
          'joinStorm.cpuPerJoin',
          'server CPU per join',
          'ms',
          cpuPerJoin('accord'),
          cpuPerJoin('reference'),
          'lower',
        ),
        metric(
          'joinStorm.samples',
          'joins measured',
          'n',
          has('accord') ? times('accord').n : null,
          has('reference') ? times('reference').n : null,
          'higher',
        ),
      ],
      checks,
      notes: [
        `${p.clients} clients at once, ${p.storms} storms per run, on a room holding a ${round(documentBytes / 1024, 0)} KiB document (the automerge-paper trace replayed character by character, then again until ≥ ${round(p.documentBytes / 1024, 0)} KiB) with its first client still connected.`,
      ],
      runs: runs.map((run) => ({
        server: run.server,
        alternation: run.alternation,
        storms: run.data.storms.map((s) => ({
          harnessBound: s.harnessBound,
          ...(s.reason && { reason: s.reason }),
          timesMs: roundSummary(summarize(s.times)),
          serverCpuMs: s.serverCpuMs,
          harness: roundHarness(s.harness),
          distinctStates: s.distinctStates,
          wrongStates: s.wrongStates,
          failedJoins: s.failedJoins,
        })),
      })),
      discarded: SERVERS.reduce((sum, kind) => sum + storms(kind).length - valid(kind).length, 0),
    };
  },
});
