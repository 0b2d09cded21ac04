import * as Y from 'yjs';
import type { TraceOp } from '../trace.ts';
import { awarenessEntries, decodeFrame, updateClockRanges } from './protocol.ts';

const ALPHABET = 'etaoin shrdlu cmfwyp vbgkqjxz ';

/**
 * A person typing: a real Y.Doc that edits its own Y.Text (its own paragraph) and hands out the
 * Yjs update each keystroke produced. By default it appends one character per keystroke; with a
 * trace it replays the trace's edits in order (inserts and deletes at real positions). A
 * one-character insert adds exactly one to the client's clock, so (clientId, clock) names that
 * keystroke everywhere it travels, merged with others or not.
 */
export class Typist {
  readonly doc: Y.Doc;
  readonly text: Y.Text;
  /** Clock of the next inserted character (= characters inserted so far). */
  clock = 0;
  #next = 0;
  #last: Uint8Array | null = null;

  constructor(
    readonly clientId: number,
    options: { textName?: string; trace?: readonly TraceOp[] } = {},
  ) {
    this.doc = new Y.Doc();
    this.doc.clientID = clientId;
    this.text = this.doc.getText(options.textName ?? 'bench');
    this.trace = options.trace ?? null;
    this.doc.on('update', (update: Uint8Array) => {
      this.#last = update;
    });
  }

  readonly trace: readonly TraceOp[] | null;

  /** Types one keystroke; returns the clock of the character it inserted (null: a deletion). */
  keystroke(): { clock: number | null; update: Uint8Array } {
    const op = this.trace?.[this.#next];
    this.#next++;
    let clock: number | null = null;
    if (op) {
      const [pos, del, ins] = op;
      this.doc.transact(() => {
        if (del > 0) this.text.delete(pos, del);
        if (ins) this.text.insert(pos, ins);
      });
      if (ins.length === 1) clock = this.clock;
      this.clock += ins.length;
    } else {
      clock = this.clock++;
      this.text.insert(this.text.length, ALPHABET[clock % ALPHABET.length]!);
    }
    const update = this.#last;
    if (!update) throw new Error('typing produced no update');
    this.#last = null;
    return { clock, update };
  }

  destroy(): void {
    this.doc.destroy();
  }
}

/** Send times of every keystroke by (client, clock), in performance.now() ms. */
export class KeystrokeLog {
  readonly #sent = new Map<number, number[]>();
  count = 0;

  record(clientId: number, clock: number, sentAt: number): void {
    let times = this.#sent.get(clientId);
    if (!times) {
      times = [];
      this.#sent.set(clientId, times);
    }
    times[clock] = sentAt;
    this.count++;
  }

  sentAt(clientId: number, clock: number): number | undefined {
    return this.#sent.get(clientId)?.[clock];
  }

  /** Keystrokes sent in [from, to), excluding those of `exceptClient`. */
  countSent(from: number, to: number, exceptClient?: number): number {
    let count = 0;
    for (const [client, times] of this.#sent) {
      if (client === exceptClient) continue;
      for (const t of times) if (t !== undefined && t >= from && t < to) count++;
    }
    return count;
  }

  clients(): IterableIterator<number> {
    return this.#sent.keys();
  }
}

export interface DeliveryAnalysis {
  /** Latency of every keystroke sent in the window that reached this receiver, ms. */
  latencies: number[];
  /** Keystrokes sent in the window that reached this receiver (each counted once). */
  delivered: number;
  /** Keystrokes sent in the window by others. */
  expected: number;
  /** Sync update frames received (any content). */
  updateFrames: number;
  duplicates: number;
}

/**
 * Decodes a receiver's recorded frames after the run: every sync update/step 2 is parsed for the
 * clock ranges it carries, and each keystroke found there is matched with its send time.
 */
export function analyseDeliveries(
  recorded: { times: number[]; frames: Buffer[] },
  log: KeystrokeLog,
  window: { from: number; to: number },
  self?: number,
): DeliveryAnalysis {
  const seen = new Map<number, Uint8Array>();
  const latencies: number[] = [];
  let delivered = 0;
  let updateFrames = 0;
  let duplicates = 0;
  for (let i = 0; i < recorded.frames.length; i++) {
    const data = recorded.frames[i]!;
    if (data[0] !== 0) continue;
    const frame = decodeFrame(data);
    if (frame.type !== 'sync' || frame.syncType === 0) continue;
    updateFrames++;
    const receivedAt = recorded.times[i]!;
    for (const [client, [from, to]] of updateClockRanges(frame.payload)) {
      if (client === self) continue;
      for (let clock = from; clock < to; clock++) {
        const sentAt = log.sentAt(client, clock);
        if (sentAt === undefined || sentAt < window.from || sentAt >= window.to) continue;
        let marks = seen.get(client);
        if (!marks || marks.length <= clock) {
          const grown = new Uint8Array(Math.max(64, (clock + 1) * 2));
          if (marks) grown.set(marks);
          marks = grown;
          seen.set(client, marks);
        }
        if (marks[clock]) {
          duplicates++;
          continue;
        }
        marks[clock] = 1;
        delivered++;
        latencies.push(receivedAt - sentAt);
      }
    }
  }
  return {
    latencies,
    delivered,
    expected: log.countSent(window.from, window.to, self),
    updateFrames,
    duplicates,
  };
}

/** Presence changes: send times by (awareness client id, clock). */
export class PresenceLog {
  readonly #sent = new Map<number, number[]>();
  readonly #last = new Map<number, number>();

  record(clientId: number, clock: number, sentAt: number): void {
    let times = this.#sent.get(clientId);
    if (!times) {
      times = [];
      this.#sent.set(clientId, times);
    }
    times[clock] = sentAt;
    this.#last.set(clientId, clock);
  }

  sentAt(clientId: number, clock: number): number | undefined {
    return this.#sent.get(clientId)?.[clock];
  }

  lastClocks(): ReadonlyMap<number, number> {
    return this.#last;
  }
}

/**
 * Presence as a receiver saw it: latency of each change sent in the window that reached it, and
 * whether the latest change of every other client arrived (a throttling server may coalesce
 * intermediate ones; the latest must always arrive).
 */
export function analysePresence(
  recorded: { times: number[]; frames: Buffer[] },
  log: PresenceLog,
  window: { from: number; to: number },
  self: number,
): { latencies: number[]; latestMissing: number; frames: number } {
  const latest = new Map<number, number>();
  const latencies: number[] = [];
  let frames = 0;
  for (let i = 0; i < recorded.frames.length; i++) {
    const data = recorded.frames[i]!;
    if (data[0] !== 1) continue;
    const frame = decodeFrame(data);
    if (frame.type !== 'awareness') continue;
    frames++;
    for (const entry of awarenessEntries(frame.payload)) {
      const { clientId } = entry;
      if (clientId === self) continue;
      // The change's own number, as its sender wrote it into the state: a server may renumber
      // the awareness clock (Accord keeps its own, so an owner's change is always the newest).
      const clock = sentClock(entry.state);
      if (clock === null) continue;
      // Each change counts once: the first frame that brings a newer clock.
      if (clock <= (latest.get(clientId) ?? -1)) continue;
      latest.set(clientId, clock);
      const sentAt = log.sentAt(clientId, clock);
      if (sentAt === undefined || sentAt < window.from || sentAt >= window.to) continue;
      latencies.push(recorded.times[i]! - sentAt);
    }
  }
  let latestMissing = 0;
  for (const [clientId, clock] of log.lastClocks()) {
    if (clientId !== self && (latest.get(clientId) ?? -1) < clock) latestMissing++;
  }
  return { latencies, latestMissing, frames };
}

/** The sender's change number carried in a harness presence state (its caret's item clock). */
function sentClock(state: string): number | null {
  if (state === 'null') return null;
  const parsed = JSON.parse(state) as { anchorPos?: { item?: { clock?: unknown } } };
  const clock = parsed.anchorPos?.item?.clock;
  return typeof clock === 'number' ? clock : null;
}
