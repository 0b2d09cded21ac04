import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  analyseDeliveries,
  analysePresence,
  KeystrokeLog,
  PresenceLog,
  Typist,
} from '../clients/keystrokes.ts';
import { awarenessFrame, decodeFrame, syncUpdateFrame } from '../clients/protocol.ts';
import { closeAll, RawClient } from '../clients/raw-client.ts';
import { type BenchServer, startCpuProfile } from '../servers/process.ts';
import { type HarnessLoad, HarnessMonitor, sleep, summarize } from '../stats.ts';
import type { TraceOp } from '../trace.ts';

/**
 * One measured session in one or more rooms of a running server: typists type at a steady rate,
 * observers watch, everyone optionally moves a cursor; afterwards every receiver's frames are
 * decoded and each keystroke is matched with its send time. All clients live in this process, so
 * sender and receiver share one clock.
 */
export interface SessionSpec {
  server: BenchServer;
  rooms: readonly string[];
  typistsPerRoom: number;
  observersPerRoom: number;
  /** Keystrokes per second of each typist. */
  charsPerSecond: number;
  /** Cursor moves per second of every client (typists and observers). */
  presencePerSecond?: number;
  warmupMs: number;
  measureMs: number;
  /** Typists replay this trace (inserts and deletes) instead of appending characters. */
  trace?: readonly TraceOp[];
  /** Decode deliveries (latency, all delivered). Off for pure write-throughput runs. */
  analyse?: boolean;
  /** Return each typist's final text (what the server must hold). */
  collectTexts?: boolean;
  /** After the last keystroke, wait this long before the harness monitor stops. */
  quietMs?: number;
  /** Wait at most this long for every keystroke to arrive everywhere. */
  drainTimeoutMs?: number;
  log?: (message: string) => void;
  /** Write a CPU profile of the server over the window (and drain) to this file. */
  profileTo?: string;
}

export interface SessionResult {
  windowMs: number;
  /** Keystrokes typed in the measurement window, all rooms. */
  keystrokes: number;
  /** Delivery latency of every keystroke of the window to every other client of its room, ms. */
  latencies: number[];
  delivered: number;
  expected: number;
  duplicates: number;
  /** Server CPU from window start until everything was delivered, ms. */
  serverCpuMs: number;
  /** Server CPU ÷ wall time over the harness monitor's window (cores). */
  serverCores: number;
  harness: HarnessLoad;
  /** Wire bytes per keystroke of the window. */
  bytes: {
    /** Received by the typist who typed it (echo, acks…), averaged over typists. */
    toTypist: number;
    /** Sent by the typist. */
    fromTypist: number;
    /** Received by each pure observer. */
    toObserver: number;
  };
  /** Accord only: durable-save acks of the window's updates. */
  acks: { latencies: number[]; acked: number; sent: number } | null;
  presence: { latencies: number[]; latestMissing: number; sent: number } | null;
  /** Sync update frames every receiver got during the window and drain. */
  updateFrames: number;
  /** With collectTexts: every typist's text, by room index and Y.Text name. */
  texts: { room: number; name: string; text: string }[];
  /** Updates typists sent during the window (deletions included), all rooms. */
  updatesInWindow: number;
}

interface SessionClient {
  client: RawClient;
  typist: Typist | null;
  room: number;
  awarenessId: number;
  awarenessClock: number;
  ack: AckState;
}

interface AckState {
  /** Send time of each stream position (Accord acks name positions). */
  positions: number[];
  acked: number;
  latencies: number[];
}

let nextClientId = 1_000;

function presenceState(id: number, clock: number): unknown {
  // The shape Lexical's CollaborationPlugin publishes: a name, a colour, and the caret as Yjs
  // relative positions.
  const position = { type: null, tname: null, item: { client: id, clock }, assoc: 0 };
  return {
    name: `Personne ${id}`,
    color: `#${(id * 2654435761).toString(16).slice(-6).padStart(6, '0')}`,
    focusing: true,
    anchorPos: position,
    focusPos: position,
    awarenessData: {},
  };
}

export async function runSession(spec: SessionSpec): Promise<SessionResult> {
  const { server, rooms } = spec;
  const analyse = spec.analyse ?? true;
  const logs = rooms.map(() => new KeystrokeLog());
  const presenceLogs = rooms.map(() => new PresenceLog());
  const clients: SessionClient[] = [];
  let windowFrom = Number.POSITIVE_INFINITY;
  let windowTo = Number.POSITIVE_INFINITY;

  const makeClient = (room: number, types: boolean): SessionClient => {
    const id = nextClientId++;
    const ack: AckState = { positions: [], acked: 0, latencies: [] };
    const onAck = (data: Buffer, receivedAt: number) => {
      if (data[0] !== 20) return;
      const frame = decodeFrame(data);
      if (frame.type !== 'saved') return;
      for (let position = ack.acked + 1; position <= frame.upTo; position++) {
        const sentAt = ack.positions[position];
        if (sentAt !== undefined && sentAt >= windowFrom && sentAt < windowTo) {
          ack.latencies.push(receivedAt - sentAt);
        }
      }
      ack.acked = Math.max(ack.acked, frame.upTo);
    };
    return {
      client: new RawClient(server.syncUrl(rooms[room]!), {
        headers: server.wsHeaders,
        record: analyse,
        answerStep1: true,
        ...(types && { onFrame: onAck }),
      }),
      typist: types ? new Typist(id, { textName: `bench-${id}`, trace: spec.trace }) : null,
      room,
      awarenessId: id,
      awarenessClock: 0,
      ack,
    };
  };

  for (let room = 0; room < rooms.length; room++) {
    for (let i = 0; i < spec.typistsPerRoom; i++) clients.push(makeClient(room, true));
    for (let i = 0; i < spec.observersPerRoom; i++) clients.push(makeClient(room, false));
  }
  try {
    // Join at most 50 at a time, as people arriving rather than a join storm.
    for (let i = 0; i < clients.length; i += 50) {
      await Promise.all(clients.slice(i, i + 50).map(({ client }) => client.join()));
    }
    const sendPresence = (entry: SessionClient) => {
      const clock = entry.awarenessClock++;
      const sentAt = performance.now();
      entry.client.send(
        awarenessFrame(entry.awarenessId, clock, presenceState(entry.awarenessId, clock)),
      );
      presenceLogs[entry.room]!.record(entry.awarenessId, clock, sentAt);
    };
    if (spec.presencePerSecond) {
      for (const entry of clients) sendPresence(entry);
    }
    await sleep(300);
    for (const { client } of clients) client.takeFrames();
    // The harness's own full GC happens now, not in the window, where its pause would delay the
    // timestamps of whatever arrives meanwhile (`pnpm bench` runs with --expose-gc).
    globalThis.gc?.();

    const start = performance.now() + 20;
    windowFrom = start + spec.warmupMs;
    windowTo = windowFrom + spec.measureMs;
    const timers = new Set<NodeJS.Timeout>();
    const every = (intervalMs: number, phaseMs: number, action: () => void) => {
      let k = 0;
      const tick = () => {
        const due = start + phaseMs + k * intervalMs;
        if (due >= windowTo) return;
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            action();
            k++;
            tick();
          },
          Math.max(0, due - performance.now()),
        );
        timers.add(timer);
      };
      tick();
    };
    const typists = clients.filter((c) => c.typist);
    const typeInterval = 1000 / spec.charsPerSecond;
    typists.forEach((entry, index) => {
      const typist = entry.typist!;
      const log = logs[entry.room]!;
      every(typeInterval, (index / typists.length) * typeInterval, () => {
        const { clock, update } = typist.keystroke();
        const frame = syncUpdateFrame(update);
        const sentAt = performance.now();
        entry.client.send(frame);
        entry.ack.positions[entry.client.updatesSent] = sentAt;
        if (clock !== null) log.record(typist.clientId, clock, sentAt);
      });
    });
    if (spec.presencePerSecond) {
      const moveInterval = 1000 / spec.presencePerSecond;
      clients.forEach((entry, index) => {
        every(moveInterval, (index / clients.length) * moveInterval, () => sendPresence(entry));
      });
    }

    await sleep(windowFrom - performance.now());
    const profiler =
      spec.profileTo && server.inspectorUrl ? await startCpuProfile(server.inspectorUrl) : null;
    const monitor = new HarnessMonitor([server.pid]);
    const cpuFrom = server.cpuMs();
    for (const { client } of clients) client.resetCounters();
    await sleep(windowTo - performance.now());
    await sleep(spec.quietMs ?? 300);
    const harness = monitor.stop();
    const serverCores = (server.cpuMs() - cpuFrom) / harness.wallMs;
    for (const timer of timers) clearTimeout(timer);

    // Every keystroke of the window must reach every other client of its room.
    let latencies: number[] = [];
    let delivered = 0;
    let expected = 0;
    let duplicates = 0;
    let updateFrames = 0;
    const deadline = performance.now() + (spec.drainTimeoutMs ?? 15_000);
    if (analyse) {
      for (;;) {
        latencies = [];
        delivered = 0;
        expected = 0;
        duplicates = 0;
        updateFrames = 0;
        for (const entry of clients) {
          const result = analyseDeliveries(
            { times: entry.client.times, frames: entry.client.frames },
            logs[entry.room]!,
            { from: windowFrom, to: windowTo },
            entry.typist?.clientId,
          );
          for (const latency of result.latencies) latencies.push(latency);
          delivered += result.delivered;
          expected += result.expected;
          duplicates += result.duplicates;
          updateFrames += result.updateFrames;
        }
        if (delivered >= expected || performance.now() > deadline) break;
        spec.log?.(`waiting for ${expected - delivered} deliveries`);
        await sleep(500);
      }
    }
    // Accord acknowledges every update once committed: wait for the last ones too.
    if (server.kind === 'accord') {
      while (
        typists.some((t) => t.ack.acked < t.client.updatesSent) &&
        performance.now() < deadline
      ) {
        await sleep(50);
      }
    }
    const serverCpuMs = server.cpuMs() - cpuFrom;
    if (profiler && spec.profileTo) {
      mkdirSync(path.dirname(spec.profileTo), { recursive: true });
      writeFileSync(spec.profileTo, await profiler.stop());
    }

    let keystrokes = 0;
    for (const log of logs) keystrokes += log.countSent(windowFrom, windowTo);
    // Keystrokes by position (deletions included) for bytes and acks.
    let updatesInWindow = 0;
    for (const entry of typists) {
      for (const sentAt of entry.ack.positions) {
        if (sentAt !== undefined && sentAt >= windowFrom && sentAt < windowTo) updatesInWindow++;
      }
    }
    const observers = clients.filter((c) => !c.typist);
    const perTypistUpdates = updatesInWindow / Math.max(1, typists.length);
    const mean = (values: number[]) =>
      values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
    const bytes = {
      toTypist: mean(typists.map((t) => t.client.bytesIn)) / perTypistUpdates,
      fromTypist: mean(typists.map((t) => t.client.bytesOut)) / perTypistUpdates,
      toObserver: mean(observers.map((o) => o.client.bytesIn)) / updatesInWindow,
    };

    let presence: SessionResult['presence'] = null;
    if (spec.presencePerSecond) {
      const presenceLatencies: number[] = [];
      let latestMissing = 0;
      let sent = 0;
      for (const entry of clients) {
        const result = analysePresence(
          { times: entry.client.times, frames: entry.client.frames },
          presenceLogs[entry.room]!,
          { from: windowFrom, to: windowTo },
          entry.awarenessId,
        );
        for (const latency of result.latencies) presenceLatencies.push(latency);
        latestMissing += result.latestMissing;
      }
      for (const entry of clients) sent += entry.awarenessClock;
      presence = { latencies: presenceLatencies, latestMissing, sent };
    }

    const acks =
      server.kind === 'accord'
        ? {
            latencies: typists.flatMap((t) => t.ack.latencies),
            acked: typists.reduce((sum, t) => sum + Math.min(t.ack.acked, t.client.updatesSent), 0),
            sent: typists.reduce((sum, t) => sum + t.client.updatesSent, 0),
          }
        : null;

    return {
      windowMs: spec.measureMs,
      keystrokes: analyse ? keystrokes : updatesInWindow,
      latencies,
      delivered,
      expected,
      duplicates,
      serverCpuMs,
      serverCores,
      harness,
      bytes,
      acks,
      presence,
      updateFrames,
      texts: spec.collectTexts
        ? typists.map((t) => ({
            room: t.room,
            name: `bench-${t.typist!.clientId}`,
            text: t.typist!.text.toString(),
          }))
        : [],
      updatesInWindow,
    };
  } finally {
    await closeAll(clients.map((c) => c.client));
    for (const { typist } of clients) typist?.destroy();
  }
}

/** Latency summary in ms, rounded for reports. */
export function latencySummary(latencies: readonly number[]) {
  return summarize(latencies);
}
