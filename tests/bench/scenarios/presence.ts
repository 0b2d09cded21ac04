import type { ServerKind } from '../servers/process.ts';
import { summarize } from '../stats.ts';
import {
  measurePoint,
  type PointAttempt,
  pool,
  SERVERS,
  sessionJson,
  withServer,
} from './common.ts';
import { runSession } from './session.ts';
import { type Check, defineScenario, metric } from './types.ts';

interface PresenceRun {
  kept: PointAttempt | null;
  attempts: PointAttempt[];
}

/**
 * 4. Presence storm: every client of a room moves its cursor once a second while some of them
 * type. Edit latency p99 and server CPU; presence latency for context (Accord coalesces presence
 * into one frame per 50 ms, the reference forwards each change at once).
 */
export const presence = defineScenario<PresenceRun>({
  id: 'presence',
  title: 'Presence storm: every cursor moves once a second while others type',
  servers: SERVERS,
  run: (kind, _alternation, context) =>
    withServer(kind, context, {}, async (server) => {
      const p = context.profile.presence;
      const room = await server.createRoom();
      return measurePoint(context, server, 'presence', (profileTo) =>
        runSession({
          profileTo,
          server,
          rooms: [room],
          typistsPerRoom: p.typists,
          observersPerRoom: p.clients - p.typists,
          charsPerSecond: p.charsPerSecond,
          presencePerSecond: p.movesPerSecond,
          warmupMs: p.warmupMs,
          measureMs: p.measureMs,
          log: context.log,
        }),
      );
    }),
  summarize(runs, context) {
    const p = context.profile.presence;
    const sessions = (kind: ServerKind) =>
      runs.filter((r) => r.server === kind && r.data.kept).map((r) => r.data.kept!.session);
    const pooled = { accord: pool(sessions('accord')), reference: pool(sessions('reference')) };
    const presenceLatency = (kind: ServerKind) =>
      summarize(sessions(kind).flatMap((s) => s.presence?.latencies ?? []));
    const value = (kind: ServerKind, f: (x: ReturnType<typeof pool>) => number) =>
      pooled[kind].sessions ? f(pooled[kind]) : null;
    const cpu = metric(
      'presence.cpu',
      'server CPU',
      '% core',
      value('accord', (x) => (x.serverCpuMs / x.windowMs) * 100),
      value('reference', (x) => (x.serverCpuMs / x.windowMs) * 100),
      'lower',
    );
    cpu.target = { text: '≤ 0.5×', met: cpu.ratio === null ? null : cpu.ratio <= 0.5 };
    const checks: Check[] = [];
    for (const kind of SERVERS) {
      const x = pooled[kind];
      const latestMissing = sessions(kind).reduce(
        (sum, s) => sum + (s.presence?.latestMissing ?? 0),
        0,
      );
      checks.push(
        {
          name: `presence ${kind}: every keystroke reached every other client`,
          ok: x.sessions > 0 && x.delivered === x.expected && x.expected > 0,
          detail: `${x.delivered}/${x.expected} delivered, ${x.sessions} valid runs`,
        },
        {
          name: `presence ${kind}: every client saw everyone's latest cursor`,
          ok: x.sessions > 0 && latestMissing === 0,
          detail: `${latestMissing} (receiver, client) pairs missing the latest presence`,
        },
      );
    }
    return {
      params: p,
      metrics: [
        metric(
          'presence.editP50',
          'edit latency p50',
          'ms',
          value('accord', (x) => x.latency.p50),
          value('reference', (x) => x.latency.p50),
          'lower',
        ),
        metric(
          'presence.editP99',
          'edit latency p99',
          'ms',
          value('accord', (x) => x.latency.p99),
          value('reference', (x) => x.latency.p99),
          'lower',
        ),
        cpu,
        metric(
          'presence.presenceP50',
          'presence latency p50',
          'ms',
          pooled.accord.sessions ? presenceLatency('accord').p50 : null,
          pooled.reference.sessions ? presenceLatency('reference').p50 : null,
          'lower',
        ),
        metric(
          'presence.presenceP99',
          'presence latency p99',
          'ms',
          pooled.accord.sessions ? presenceLatency('accord').p99 : null,
          pooled.reference.sessions ? presenceLatency('reference').p99 : null,
          'lower',
        ),
        metric(
          'presence.samples',
          'edit latency samples',
          'n',
          value('accord', (x) => x.latency.n),
          value('reference', (x) => x.latency.n),
          'higher',
        ),
      ],
      checks,
      notes: [
        `${p.clients} clients in one room, each moving its cursor ${p.movesPerSecond}×/s (a ~200-byte Lexical-style presence state); ${p.typists} of them type ${p.charsPerSecond} keystrokes/s.`,
      ],
      runs: runs.map((run) => ({
        server: run.server,
        alternation: run.alternation,
        attempts: run.data.attempts.map(sessionJson),
      })),
      discarded: runs.reduce(
        (sum, run) => sum + run.data.attempts.filter((x) => x.harnessBound).length,
        0,
      ),
    };
  },
});
