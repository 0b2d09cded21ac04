import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { decodeFrame } from '../clients/protocol.ts';
import { RawClient } from '../clients/raw-client.ts';
import { startAccord } from '../servers/accord.ts';
import type { BenchServer, ServerKind } from '../servers/process.ts';
import { storedBody } from '../servers/sqlite.ts';
import { round, summarize, until, waitForQuietMachine } from '../stats.ts';
import { traceDocument } from '../trace.ts';
import { roundSummary, SERVERS, withServer } from './common.ts';
import { seedRoom } from './join-storm.ts';
import { type BenchContext, type Check, defineScenario, metric } from './types.ts';

interface Join {
  /** Join (socket created) → the server's full state received, ms. */
  receivedMs: number;
  /** Join → that state applied to a Y.Doc and its text checked: fully synced, ms. */
  syncedMs: number;
  textEqual: boolean;
}

interface ColdLoadRun {
  cold: Join[];
  warm: Join[];
  /** Accord only: what the store held before the cold starts. */
  stored: { logRows: number; snapshotBytes: number | null } | null;
  stateBytes: number;
}

/** Joins once: step 1 with an empty state vector, waits for step 2, applies it, checks the text. */
async function timedJoin(
  server: BenchServer,
  room: string,
  expected: string,
  context: BenchContext,
): Promise<Join> {
  await waitForQuietMachine([server.pid], {
    maxCores: context.profile.harness.foreignCores / 2,
    maxWaitMs: context.profile.quietWaitMs,
    log: context.log,
  });
  const client = new RawClient(server.syncUrl(room), {
    headers: server.wsHeaders,
    answerStep1: true,
  });
  try {
    const { data, receivedAt } = await client.join(60_000);
    const frame = decodeFrame(data);
    if (frame.type !== 'sync') throw new Error('expected sync step 2');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, frame.payload);
    const textEqual = doc.getText('bench').toString() === expected;
    const syncedAt = performance.now();
    doc.destroy();
    return {
      receivedMs: receivedAt - client.startedAt,
      syncedMs: syncedAt - client.startedAt,
      textEqual,
    };
  } finally {
    await client.close();
  }
}

/**
 * 7. Cold load: the automerge-paper trace (259,778 edits) replayed into a document, sent to
 * Accord as one update, committed, then compacted when the room unloads (as Accord stores it).
 * Each sample starts a fresh Accord process on that store and times one client's join until it
 * is fully synced (state applied, text equal to the trace's endContent). The reference has no
 * persistence: its figure is a join to a warm server that holds the document in memory.
 */
export const coldLoad = defineScenario<ColdLoadRun>({
  id: 'cold-load',
  title: 'Cold load of a large document (automerge-paper trace)',
  servers: SERVERS,
  async run(kind, _alternation, context) {
    const p = context.profile.coldLoad;
    const document = traceDocument(p.traceOps);
    const expected = document.texts.bench!;
    // Warm the harness's own Yjs decoding, so no sample pays for the client's JIT.
    for (let i = 0; i < 5; i++) Y.applyUpdate(new Y.Doc(), document.state);

    if (kind === 'reference') {
      return withServer(kind, context, {}, async (server) => {
        const room = await server.createRoom();
        const seed = await seedRoom(server, room, document.state);
        await seed.close();
        const warm: Join[] = [];
        const joins = p.coldStartsPerAlternation + p.warmJoinsPerAlternation;
        for (let i = 0; i < joins; i++) warm.push(await timedJoin(server, room, expected, context));
        return { cold: [], warm, stored: null, stateBytes: document.state.byteLength };
      });
    }

    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'accord-bench-cold-'));
    // A short unload delay so the room compacts right after the seed leaves.
    const options = { dataDir, keepDataDir: true, env: { ACCORD_UNLOAD_DELAY_MS: '100' } };
    try {
      const { room, stored } = await withServer(kind, context, options, async (server) => {
        const room = await server.createRoom();
        const seed = await seedRoom(server, room, document.state);
        await seed.close();
        const unloaded = await until(async () => (await server.health()).rooms === 0, 30_000, 50);
        if (!unloaded) throw new Error('the room did not unload');
        return { room, stored: storedBody(path.join(dataDir, 'accord.sqlite'), room) };
      });
      const cold: Join[] = [];
      const warm: Join[] = [];
      for (let i = 0; i < p.coldStartsPerAlternation; i++) {
        const server = await startAccord({ ...context.serverOptions, ...options });
        try {
          cold.push(await timedJoin(server, room, expected, context));
          // Later joins find the room loaded (within the unload delay, or while the doc is
          // still there): Accord's warm figure, comparable to the reference's.
          if (i === 0) {
            for (let j = 0; j < p.warmJoinsPerAlternation; j++) {
              const holder = new RawClient(server.syncUrl(room), { headers: server.wsHeaders });
              await holder.join();
              warm.push(await timedJoin(server, room, expected, context));
              await holder.close();
            }
          }
        } finally {
          await server.stop();
        }
      }
      return {
        cold,
        warm,
        stored: { logRows: stored.logRows, snapshotBytes: stored.snapshotBytes },
        stateBytes: document.state.byteLength,
      };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  summarize(runs, context) {
    const p = context.profile.coldLoad;
    const joins = (kind: ServerKind, which: 'cold' | 'warm') =>
      runs.filter((r) => r.server === kind).flatMap((r) => r.data[which]);
    const stat = (list: Join[], f: (j: Join) => number) =>
      list.length ? summarize(list.map(f)) : null;
    const coldSynced = stat(joins('accord', 'cold'), (j) => j.syncedMs);
    const coldReceived = stat(joins('accord', 'cold'), (j) => j.receivedMs);
    const warmA = stat(joins('accord', 'warm'), (j) => j.syncedMs);
    const warmR = stat(joins('reference', 'warm'), (j) => j.syncedMs);
    const warmReceivedA = stat(joins('accord', 'warm'), (j) => j.receivedMs);
    const warmReceivedR = stat(joins('reference', 'warm'), (j) => j.receivedMs);
    const coldMetric = metric(
      'coldLoad.synced',
      'join → fully synced (Accord cold; reference warm), p50',
      'ms',
      coldSynced?.p50 ?? null,
      warmR?.p50 ?? null,
      'lower',
    );
    coldMetric.target = {
      text: `Accord ≤ ${p.targetMs} ms (cold, max)`,
      met: coldSynced ? coldSynced.max <= p.targetMs : null,
    };
    const checks: Check[] = SERVERS.map((kind) => {
      const all = [...joins(kind, 'cold'), ...joins(kind, 'warm')];
      return {
        name: `cold load ${kind}: every join got the whole document, text equal to the trace`,
        ok: all.length > 0 && all.every((j) => j.textEqual),
        detail: `${all.filter((j) => j.textEqual).length}/${all.length} equal`,
      };
    });
    const stored = runs.find((r) => r.data.stored)?.data.stored ?? null;
    checks.push({
      name: 'cold load accord: the document was stored compacted (snapshot, no log rows)',
      ok: runs
        .filter((r) => r.server === 'accord')
        .every((r) => r.data.stored?.logRows === 0 && (r.data.stored.snapshotBytes ?? 0) > 0),
      detail: stored ? `${stored.logRows} log rows, snapshot ${stored.snapshotBytes} B` : 'none',
    });
    return {
      params: p,
      metrics: [
        coldMetric,
        metric(
          'coldLoad.syncedMax',
          'join → fully synced (Accord cold; reference warm), max',
          'ms',
          coldSynced?.max ?? null,
          warmR?.max ?? null,
          'lower',
        ),
        metric(
          'coldLoad.received',
          'join → state received (Accord cold; reference warm), p50',
          'ms',
          coldReceived?.p50 ?? null,
          warmReceivedR?.p50 ?? null,
          'lower',
        ),
        metric(
          'coldLoad.warmSynced',
          'join → fully synced, both warm, p50',
          'ms',
          warmA?.p50 ?? null,
          warmR?.p50 ?? null,
          'lower',
        ),
        metric(
          'coldLoad.warmReceived',
          'join → state received, both warm, p50',
          'ms',
          warmReceivedA?.p50 ?? null,
          warmReceivedR?.p50 ?? null,
          'lower',
        ),
      ],
      checks,
      notes: [
        `${p.traceOps.toLocaleString('en-US')} edits replayed into one Y.Text; state ${round((runs[0]?.data.stateBytes ?? 0) / 1024, 0)} KiB sent as one update (ACCORD_MAX_FRAME_BYTES raised to 8 MiB); stored snapshot ${stored?.snapshotBytes ?? '?'} B after the unload compaction (ACCORD_UNLOAD_DELAY_MS=100). Accord samples: ${joins('accord', 'cold').length} cold starts (a fresh process each, first join loads from SQLite); reference: ${joins('reference', 'warm').length} warm joins (no persistence, so no cold load to compare).`,
        'Fully synced includes the client applying the state to a Y.Doc and comparing the text (the same client work for both servers).',
      ],
      runs: runs.map((run) => ({
        server: run.server,
        alternation: run.alternation,
        stored: run.data.stored,
        cold: run.data.cold.map((j) => ({
          receivedMs: round(j.receivedMs),
          syncedMs: round(j.syncedMs),
          textEqual: j.textEqual,
        })),
        warm: roundSummary(summarize(run.data.warm.map((j) => j.syncedMs))),
      })),
      discarded: 0,
    };
  },
});
