import type { ServerKind } from '../servers/process.ts';
import {
  measurePoint,
  type PointAttempt,
  pool,
  poolByServer,
  SERVERS,
  sessionJson,
  withServer,
} from './common.ts';
import { runSession } from './session.ts';
import { type Check, defineScenario, type Metric, metric } from './types.ts';

interface FanoutRun {
  points: { observers: number; kept: PointAttempt | null; attempts: PointAttempt[] }[];
}

/**
 * 1. Fan-out: one writer types 10 characters a second to N observers of one room. Delivery
 * latency p50/p99 (sender and receivers share this process's clock), all delivered, and server
 * CPU per delivered message (one keystroke reaching one observer).
 */
export const fanout = defineScenario<FanoutRun>({
  id: 'fanout',
  title: 'Fan-out: one writer, N observers',
  servers: SERVERS,
  run: (kind, _alternation, context) =>
    withServer(kind, context, {}, async (server) => {
      const p = context.profile.fanout;
      const points: FanoutRun['points'] = [];
      for (const observers of p.observers) {
        // Long enough for the samples a latency point needs, at least measureMs.
        const measureMs = Math.max(
          p.measureMs,
          Math.ceil((p.minSamplesPerRun / (observers * p.charsPerSecond)) * 1000),
        );
        const room = await server.createRoom();
        const measured = await measurePoint(context, server, `fanout N=${observers}`, (profileTo) =>
          runSession({
            profileTo,
            server,
            rooms: [room],
            typistsPerRoom: 1,
            observersPerRoom: observers,
            charsPerSecond: p.charsPerSecond,
            warmupMs: p.warmupMs,
            measureMs,
            log: context.log,
          }),
        );
        points.push({ observers, ...measured });
      }
      return { points };
    }),
  summarize(runs, context) {
    const p = context.profile.fanout;
    const metrics: Metric[] = [];
    const checks: Check[] = [];
    let allMet: boolean | null = true;
    for (const observers of p.observers) {
      const byServer = poolByServer(runs, (data) =>
        data.points.filter((pt) => pt.observers === observers).map((pt) => pt.kept),
      );
      const pooled = {
        accord: pool(byServer.accord),
        reference: pool(byServer.reference),
      } satisfies Record<ServerKind, ReturnType<typeof pool>>;
      const value = (kind: ServerKind, f: (x: ReturnType<typeof pool>) => number) =>
        pooled[kind].sessions ? f(pooled[kind]) : null;
      const p99a = value('accord', (x) => x.latency.p99);
      const p99r = value('reference', (x) => x.latency.p99);
      const met = p99a !== null && p99r !== null ? p99a <= p99r : null;
      if (met === false) allMet = false;
      if (met === null && allMet) allMet = null;
      metrics.push(
        metric(
          `fanout.n${observers}.p50`,
          `N=${observers}: latency p50`,
          'ms',
          value('accord', (x) => x.latency.p50),
          value('reference', (x) => x.latency.p50),
          'lower',
        ),
        metric(
          `fanout.n${observers}.p99`,
          `N=${observers}: latency p99`,
          'ms',
          p99a,
          p99r,
          'lower',
          {
            text: '≤ 1.0×',
            met,
          },
        ),
        metric(
          `fanout.n${observers}.cpuPerMessage`,
          `N=${observers}: server CPU per delivered message`,
          'µs',
          value('accord', (x) => (x.serverCpuMs * 1000) / x.delivered),
          value('reference', (x) => (x.serverCpuMs * 1000) / x.delivered),
          'lower',
        ),
        metric(
          `fanout.n${observers}.samples`,
          `N=${observers}: latency samples`,
          'n',
          value('accord', (x) => x.latency.n),
          value('reference', (x) => x.latency.n),
          'higher',
        ),
      );
      for (const kind of SERVERS) {
        const x = pooled[kind];
        checks.push({
          name: `fanout N=${observers} ${kind}: every keystroke reached every observer`,
          ok: x.sessions > 0 && x.delivered === x.expected && x.expected > 0,
          detail: `${x.delivered}/${x.expected} delivered, ${x.duplicates} duplicates, ${x.sessions} valid runs`,
        });
      }
    }
    const discarded = runs.reduce(
      (sum, run) =>
        sum +
        run.data.points.reduce((s, pt) => s + pt.attempts.filter((a) => a.harnessBound).length, 0),
      0,
    );
    return {
      params: p,
      metrics,
      checks,
      notes: [
        `Fan-out p99 target (≤ 1.0× reference at every N): ${allMet === null ? 'n/a' : allMet ? 'met' : 'missed'}.`,
        'Server CPU per delivered message = server process CPU (utime+stime from /proc) from window start until every keystroke arrived, ÷ (keystrokes × observers).',
      ],
      runs: runs.map((run) => ({
        server: run.server,
        alternation: run.alternation,
        points: run.data.points.map((pt) => ({
          observers: pt.observers,
          attempts: pt.attempts.map(sessionJson),
        })),
      })),
      discarded,
    };
  },
});
