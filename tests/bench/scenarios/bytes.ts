import type { ServerKind } from '../servers/process.ts';
import { measurePoint, type PointAttempt, SERVERS, sessionJson, withServer } from './common.ts';
import { runSession } from './session.ts';
import { type Check, defineScenario, metric } from './types.ts';

interface BytesRun {
  kept: PointAttempt | null;
  attempts: PointAttempt[];
}

/**
 * 3. Bytes on the wire per keystroke: what the writer receives back (the reference echoes every
 * update to its sender; Accord sends a durable-save ack instead), what the writer sends, and what
 * each observer receives. Websocket framing included, TCP/IP headers not.
 */
export const bytes = defineScenario<BytesRun>({
  id: 'bytes',
  title: 'Bytes on the wire per keystroke',
  servers: SERVERS,
  run: (kind, _alternation, context) =>
    withServer(kind, context, {}, async (server) => {
      const p = context.profile.bytes;
      const room = await server.createRoom();
      return measurePoint(context, server, 'bytes', (profileTo) =>
        runSession({
          profileTo,
          server,
          rooms: [room],
          typistsPerRoom: 1,
          observersPerRoom: p.observers,
          charsPerSecond: p.charsPerSecond,
          warmupMs: p.warmupMs,
          measureMs: p.measureMs,
          log: context.log,
        }),
      );
    }),
  summarize(runs, context) {
    const p = context.profile.bytes;
    const totals = (kind: ServerKind) => {
      const sessions = runs
        .filter((r) => r.server === kind && r.data.kept)
        .map((r) => r.data.kept!.session);
      if (sessions.length === 0) return null;
      const mean = (f: (s: (typeof sessions)[number]) => number) =>
        sessions.reduce((sum, s) => sum + f(s), 0) / sessions.length;
      return {
        toTypist: mean((s) => s.bytes.toTypist),
        fromTypist: mean((s) => s.bytes.fromTypist),
        toObserver: mean((s) => s.bytes.toObserver),
        delivered: sessions.reduce((sum, s) => sum + s.delivered, 0),
        expected: sessions.reduce((sum, s) => sum + s.expected, 0),
      };
    };
    const a = totals('accord');
    const r = totals('reference');
    const toWriter = metric(
      'bytes.toWriter',
      'to the writer, per keystroke',
      'B',
      a?.toTypist ?? null,
      r?.toTypist ?? null,
      'lower',
    );
    toWriter.target = {
      text: '≤ 0.5×',
      met: toWriter.ratio === null ? null : toWriter.ratio <= 0.5,
    };
    const checks: Check[] = SERVERS.map((kind) => {
      const t = kind === 'accord' ? a : r;
      return {
        name: `bytes ${kind}: every keystroke reached every observer`,
        ok: t !== null && t.delivered === t.expected && t.expected > 0,
        detail: t ? `${t.delivered}/${t.expected} delivered` : 'no valid run',
      };
    });
    return {
      params: p,
      metrics: [
        toWriter,
        metric(
          'bytes.toObserver',
          'to each observer, per keystroke',
          'B',
          a?.toObserver ?? null,
          r?.toObserver ?? null,
          'lower',
        ),
        metric(
          'bytes.fromWriter',
          'from the writer, per keystroke',
          'B',
          a?.fromTypist ?? null,
          r?.fromTypist ?? null,
          'lower',
        ),
      ],
      checks,
      notes: [
        `One writer at ${p.charsPerSecond} keystrokes/s, ${p.observers} observers; websocket payload + frame header (client frames also carry a 4-byte mask), no TCP/IP. Accord clients use ?accord=1, so the writer's bytes are its durable-save acks.`,
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
