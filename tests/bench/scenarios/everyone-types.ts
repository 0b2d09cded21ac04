import type { ServerKind } from '../servers/process.ts';
import { median, summarize } from '../stats.ts';
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

interface Point {
  people: number;
  kept: PointAttempt | null;
  attempts: PointAttempt[];
  p99: number | null;
}

interface EveryoneRun {
  points: Point[];
  /** First N whose p99 passed the threshold; null when none did. */
  threshold: number | null;
  /** Why the search stopped without passing: the harness, or maxPeople. */
  stoppedBy: 'passed' | 'harness' | 'max';
  largestValid: number;
}

/**
 * 2. Everyone types: N people in one room, each typing 2 characters a second; every keystroke
 * reaches the N − 1 others. p99 latency and server CPU at fixed N, then N grows in steps until p99
 * passes 50 ms: that N is the room size the server sustains.
 */
export const everyoneTypes = defineScenario<EveryoneRun>({
  id: 'everyone-types',
  title: 'Everyone types: N people typing in one room',
  servers: SERVERS,
  run: (kind, _alternation, context) =>
    withServer(kind, context, {}, async (server) => {
      const p = context.profile.everyoneTypes;
      const points: Point[] = [];
      let threshold: number | null = null;
      let stoppedBy: EveryoneRun['stoppedBy'] = 'max';
      let largestValid = 0;
      const sizes = [...p.fixed];
      for (let n = Math.max(...p.fixed) + p.step; n <= p.maxPeople; n += p.step) sizes.push(n);
      for (const people of sizes) {
        const searching = people > Math.max(...p.fixed);
        if (searching && threshold !== null) break;
        const room = await server.createRoom();
        const measured = await measurePoint(context, server, `everyone N=${people}`, (profileTo) =>
          runSession({
            profileTo,
            server,
            rooms: [room],
            typistsPerRoom: people,
            observersPerRoom: 0,
            charsPerSecond: p.charsPerSecond,
            warmupMs: p.warmupMs,
            measureMs: p.measureMs,
            log: context.log,
          }),
        );
        const p99 = measured.kept ? summarize(measured.kept.session.latencies).p99 : null;
        points.push({ people, ...measured, p99 });
        context.log(
          `everyone N=${people} ${kind}: p99 ${p99 === null ? 'harness-bound' : `${p99.toFixed(1)} ms`}`,
        );
        if (p99 === null) {
          // The harness, not the server, limits this N: the search cannot go further.
          if (searching) {
            stoppedBy = 'harness';
            break;
          }
          continue;
        }
        largestValid = Math.max(largestValid, people);
        if (p99 > p.thresholdMs && threshold === null) {
          threshold = people;
          stoppedBy = 'passed';
        }
      }
      return { points, threshold, stoppedBy, largestValid };
    }),
  summarize(runs, context) {
    const p = context.profile.everyoneTypes;
    const metrics: Metric[] = [];
    const checks: Check[] = [];
    for (const people of p.fixed) {
      const byServer = poolByServer(runs, (data) =>
        data.points.filter((pt) => pt.people === people).map((pt) => pt.kept),
      );
      const pooled = { accord: pool(byServer.accord), reference: pool(byServer.reference) };
      const value = (kind: ServerKind, f: (x: ReturnType<typeof pool>) => number) =>
        pooled[kind].sessions ? f(pooled[kind]) : null;
      metrics.push(
        metric(
          `everyone.n${people}.p50`,
          `N=${people}: latency p50`,
          'ms',
          value('accord', (x) => x.latency.p50),
          value('reference', (x) => x.latency.p50),
          'lower',
        ),
        metric(
          `everyone.n${people}.p99`,
          `N=${people}: latency p99`,
          'ms',
          value('accord', (x) => x.latency.p99),
          value('reference', (x) => x.latency.p99),
          'lower',
        ),
        metric(
          `everyone.n${people}.cpu`,
          `N=${people}: server CPU`,
          '% core',
          value('accord', (x) => (x.serverCpuMs / x.windowMs) * 100),
          value('reference', (x) => (x.serverCpuMs / x.windowMs) * 100),
          'lower',
        ),
        metric(
          `everyone.n${people}.cpuPerMessage`,
          `N=${people}: server CPU per delivered message`,
          'µs',
          value('accord', (x) => (x.serverCpuMs * 1000) / x.delivered),
          value('reference', (x) => (x.serverCpuMs * 1000) / x.delivered),
          'lower',
        ),
        metric(
          `everyone.n${people}.samples`,
          `N=${people}: latency samples`,
          'n',
          value('accord', (x) => x.latency.n),
          value('reference', (x) => x.latency.n),
          'higher',
        ),
      );
      for (const kind of SERVERS) {
        const x = pooled[kind];
        checks.push({
          name: `everyone N=${people} ${kind}: every keystroke reached every other person`,
          ok: x.sessions > 0 && x.delivered === x.expected && x.expected > 0,
          detail: `${x.delivered}/${x.expected} delivered, ${x.duplicates} duplicates, ${x.sessions} valid runs`,
        });
      }
    }
    // Room size at which p99 passes the threshold: median over alternations. A run that never
    // passed counts as "beyond" its largest valid N (a lower bound).
    const thresholds = (kind: ServerKind) =>
      runs
        .filter((r) => r.server === kind)
        .map((r) => r.data.threshold ?? r.data.largestValid + p.step);
    const lowerBound = (kind: ServerKind) =>
      runs.some((r) => r.server === kind && r.data.threshold === null);
    const nAccord = thresholds('accord').length ? median(thresholds('accord')) : null;
    const nReference = thresholds('reference').length ? median(thresholds('reference')) : null;
    const ratio = nAccord !== null && nReference !== null ? nAccord / nReference : null;
    const boundNote = (kind: ServerKind) =>
      lowerBound(kind)
        ? ` (${kind}: some runs never passed ${p.thresholdMs} ms before ${runs.find((r) => r.server === kind && r.data.threshold === null)?.data.stoppedBy === 'harness' ? 'the harness became the bottleneck' : `N=${p.maxPeople}`}: a lower bound)`
        : '';
    metrics.push(
      metric(
        'everyone.threshold',
        `N at which p99 passes ${p.thresholdMs} ms (median)`,
        'people',
        nAccord,
        nReference,
        'higher',
        {
          text: '≥ 1.5×',
          met: ratio === null ? null : ratio >= 1.5,
        },
      ),
    );
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
        `Search: N = ${p.fixed.join(', ')}, then +${p.step} until p99 > ${p.thresholdMs} ms (max ${p.maxPeople}); per-run thresholds — accord: ${thresholds('accord').join(', ')}; reference: ${thresholds('reference').join(', ')}.${boundNote('accord')}${boundNote('reference')}`,
      ],
      runs: runs.map((run) => ({
        server: run.server,
        alternation: run.alternation,
        threshold: run.data.threshold,
        stoppedBy: run.data.stoppedBy,
        points: run.data.points.map((pt) => ({
          people: pt.people,
          attempts: pt.attempts.map(sessionJson),
        })),
      })),
      discarded,
    };
  },
});
