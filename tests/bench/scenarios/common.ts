import path from 'node:path';
import { startServer } from '../servers/index.ts';
import type { ServerOptions } from '../servers/options.ts';
import type { BenchServer, ServerKind } from '../servers/process.ts';
import {
  type HarnessLoad,
  harnessVerdict,
  round,
  type Summary,
  summarize,
  waitForQuietMachine,
} from '../stats.ts';
import type { SessionResult } from './session.ts';
import type { BenchContext, RunOf } from './types.ts';

/** Starts a server for one run and always stops it, whatever the run does. */
export async function withServer<T>(
  kind: ServerKind,
  context: BenchContext,
  extra: ServerOptions,
  body: (server: BenchServer) => Promise<T>,
): Promise<T> {
  const server = await startServer(kind, {
    ...context.serverOptions,
    ...extra,
    env: { ...context.serverOptions.env, ...extra.env },
  });
  try {
    return await body(server);
  } catch (error) {
    context.log(`server output:\n${server.output().slice(-4_000)}`);
    throw error;
  } finally {
    await server.stop();
  }
}

/** A measured point: its session, whether the harness kept up, and a compact JSON form. */
export interface PointAttempt {
  session: SessionResult;
  harnessBound: boolean;
  reason: string | null;
}

/**
 * Measures a point, again (up to `retries` times) while the harness rather than the server was
 * the bottleneck. Returns every attempt; the last one is the kept one when it is valid.
 */
export async function measurePoint(
  context: BenchContext,
  server: BenchServer | null,
  label: string,
  measure: (profileTo: string | undefined) => Promise<SessionResult>,
): Promise<{ kept: PointAttempt | null; attempts: PointAttempt[] }> {
  const attempts: PointAttempt[] = [];
  for (let attempt = 0; attempt <= context.profile.retries; attempt++) {
    await waitForQuietMachine(server ? [server.pid] : [], {
      maxCores: context.profile.harness.foreignCores / 2,
      maxWaitMs: context.profile.quietWaitMs,
      log: context.log,
    });
    const profileTo =
      context.profileWindowsDir && server
        ? path.join(
            context.profileWindowsDir,
            `${label.replace(/[^A-Za-z0-9=]+/g, '-')}-${server.kind}-${Date.now()}.cpuprofile`,
          )
        : undefined;
    const session = await measure(profileTo);
    // The latency the run measured: deliveries, or durable-save acks for write-only runs.
    const measuredLatencies = session.latencies.length
      ? session.latencies
      : (session.acks?.latencies ?? []);
    const p99 = measuredLatencies.length ? summarize(measuredLatencies).p99 : 0;
    const verdict = harnessVerdict(session.harness, p99, context.profile.harness);
    attempts.push({ session, harnessBound: verdict.bound, reason: verdict.reason });
    if (!verdict.bound) return { kept: attempts.at(-1)!, attempts };
    context.log(`${label}: discarded (${verdict.reason}), attempt ${attempt + 1}`);
  }
  return { kept: null, attempts };
}

/** JSON form of a session: figures only, no raw samples. */
export function sessionJson(attempt: PointAttempt) {
  const { session } = attempt;
  return {
    harnessBound: attempt.harnessBound,
    ...(attempt.reason && { reason: attempt.reason }),
    keystrokes: session.keystrokes,
    latencyMs: roundSummary(summarize(session.latencies)),
    delivered: session.delivered,
    expected: session.expected,
    serverCpuMs: round(session.serverCpuMs, 0),
    serverCores: round(session.serverCores),
    harness: roundHarness(session.harness),
    bytes: {
      toTypist: round(session.bytes.toTypist, 1),
      fromTypist: round(session.bytes.fromTypist, 1),
      toObserver: round(session.bytes.toObserver, 1),
    },
    ...(session.acks && {
      acks: {
        acked: session.acks.acked,
        sent: session.acks.sent,
        latencyMs: roundSummary(summarize(session.acks.latencies)),
      },
    }),
    ...(session.presence && {
      presence: {
        sent: session.presence.sent,
        latestMissing: session.presence.latestMissing,
        latencyMs: roundSummary(summarize(session.presence.latencies)),
      },
    }),
  };
}

export function roundSummary(summary: Summary) {
  return {
    n: summary.n,
    p50: round(summary.p50),
    p90: round(summary.p90),
    p99: round(summary.p99),
    max: round(summary.max),
    mean: round(summary.mean),
  };
}

export function roundHarness(load: HarnessLoad) {
  return {
    eldP50Ms: round(load.eldP50Ms),
    eldP99Ms: round(load.eldP99Ms),
    eldMaxMs: round(load.eldMaxMs),
    cpuShare: round(load.cpuShare),
    wallMs: round(load.wallMs, 0),
    foreignCores: round(load.foreignCores),
    machine: {
      idle: round(load.machine.idle),
      softirq: round(load.machine.softirq),
      steal: round(load.machine.steal),
    },
  };
}

/** Pools the kept sessions of each server, across alternations. */
export function poolByServer<T>(
  runs: RunOf<T>[],
  pick: (data: T) => (PointAttempt | null)[],
): Record<ServerKind, SessionResult[]> {
  const pooled: Record<ServerKind, SessionResult[]> = { accord: [], reference: [] };
  for (const run of runs) {
    for (const attempt of pick(run.data)) if (attempt) pooled[run.server].push(attempt.session);
  }
  return pooled;
}

export interface Pooled {
  latency: Summary;
  delivered: number;
  expected: number;
  duplicates: number;
  keystrokes: number;
  serverCpuMs: number;
  windowMs: number;
  sessions: number;
}

export function pool(sessions: readonly SessionResult[]): Pooled {
  const latencies: number[] = [];
  let delivered = 0;
  let expected = 0;
  let duplicates = 0;
  let keystrokes = 0;
  let serverCpuMs = 0;
  let windowMs = 0;
  for (const session of sessions) {
    for (const latency of session.latencies) latencies.push(latency);
    delivered += session.delivered;
    expected += session.expected;
    duplicates += session.duplicates;
    keystrokes += session.keystrokes;
    serverCpuMs += session.serverCpuMs;
    windowMs += session.windowMs;
  }
  return {
    latency: summarize(latencies),
    delivered,
    expected,
    duplicates,
    keystrokes,
    serverCpuMs,
    windowMs,
    sessions: sessions.length,
  };
}

export const SERVERS: readonly ServerKind[] = ['accord', 'reference'];
