import { performance } from 'node:perf_hooks';
import { FrameSocket } from './frame-socket.ts';
import { isStep1, isStep2, syncStep1Frame, syncStep2Frame, wireBytes } from './protocol.ts';

export interface RawClientOptions {
  /** Keep every received frame with its arrival time, for analysis after the run. */
  record?: boolean;
  /** Answer the server's sync step 1 with an empty step 2, as a real client with no offline edits. */
  answerStep1?: boolean;
  /** Called for every received frame, before recording. Keep it cheap. */
  onFrame?: (data: Buffer, receivedAt: number) => void;
  /** Handshake headers (e.g. a session cookie). */
  headers?: Record<string, string>;
}

interface Waiter {
  matches: (data: Buffer) => boolean;
  resolve: (frame: { data: Buffer; receivedAt: number }) => void;
}

/**
 * A y-websocket client that speaks the protocol with lib0 frames and no Y.Doc: it timestamps and
 * counts what arrives, and keeps the frames for decoding after the measurement window, so the
 * harness spends as little as possible while the server is being measured.
 */
export class RawClient {
  readonly socket: FrameSocket;
  /** performance.now() when the socket was created (the join started). */
  readonly startedAt: number;
  openedAt = Number.NaN;
  /** Arrival times and frames, parallel arrays (when recording). */
  times: number[] = [];
  frames: Buffer[] = [];
  /** Wire bytes (payload + websocket header) and frames, both directions. */
  bytesIn = 0;
  framesIn = 0;
  bytesOut = 0;
  framesOut = 0;
  /** Sync step 2 and update frames sent: the stream positions Accord's acks name. */
  updatesSent = 0;
  closeCode: number | null = null;
  recording: boolean;
  readonly #waiters = new Set<Waiter>();
  readonly #opened: Promise<void>;
  readonly #closed: Promise<void>;

  constructor(url: string, options: RawClientOptions = {}) {
    this.recording = options.record ?? false;
    this.startedAt = performance.now();
    const answerStep1 = options.answerStep1 ?? false;
    const onFrame = options.onFrame;
    let opened!: () => void;
    let failed!: (error: Error) => void;
    let closed!: () => void;
    this.#opened = new Promise<void>((resolve, reject) => {
      opened = resolve;
      failed = reject;
    });
    // A failed handshake rejects `opened()`; the close code tells the rest of the story.
    this.#opened.catch(() => {});
    this.#closed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    this.socket = new FrameSocket(url, options.headers ?? {}, {
      onOpen: () => {
        this.openedAt = performance.now();
        opened();
      },
      onError: failed,
      onClose: (code) => {
        this.closeCode = code;
        closed();
      },
      onMessage: (raw, receivedAt) => {
        this.framesIn++;
        this.bytesIn += wireBytes(raw.byteLength, false);
        if (answerStep1 && isStep1(raw)) this.send(syncStep2Frame());
        onFrame?.(raw, receivedAt);
        if (this.recording) {
          this.times.push(receivedAt);
          this.frames.push(raw);
        }
        if (this.#waiters.size === 0) return;
        for (const waiter of this.#waiters) {
          if (!waiter.matches(raw)) continue;
          this.#waiters.delete(waiter);
          waiter.resolve({ data: raw, receivedAt });
        }
      },
    });
  }

  opened(): Promise<void> {
    return this.#opened;
  }

  get open(): boolean {
    return this.socket.isOpen;
  }

  send(frame: Uint8Array): void {
    this.framesOut++;
    this.bytesOut += wireBytes(frame.byteLength, true);
    if (frame[0] === 0 && (frame[1] === 1 || frame[1] === 2)) this.updatesSent++;
    this.socket.send(frame);
  }

  /** Resolves with the next frame that matches (frames already received are not looked at). */
  waitFor(
    what: string,
    matches: (data: Buffer) => boolean,
    timeoutMs = 30_000,
  ): Promise<{ data: Buffer; receivedAt: number }> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        matches,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** Opens, sends step 1 with an empty state vector and waits for the server's full state. */
  async join(timeoutMs = 30_000): Promise<{ data: Buffer; receivedAt: number }> {
    const step2 = this.waitFor('sync step 2', isStep2, timeoutMs);
    await this.opened();
    this.send(syncStep1Frame());
    return step2;
  }

  /** Hands over the recorded frames and starts a new recording. */
  takeFrames(): { times: number[]; frames: Buffer[] } {
    const taken = { times: this.times, frames: this.frames };
    this.times = [];
    this.frames = [];
    return taken;
  }

  resetCounters(): void {
    this.bytesIn = 0;
    this.framesIn = 0;
    this.bytesOut = 0;
    this.framesOut = 0;
  }

  /** Closes with 1000 and waits for the close handshake (terminates after `timeoutMs`). */
  async close(timeoutMs = 5_000): Promise<void> {
    if (this.socket.isClosed) return;
    this.socket.close(1000);
    const timer = setTimeout(() => this.socket.terminate(), timeoutMs);
    await this.#closed;
    clearTimeout(timer);
  }
}

/** Opens `count` clients, `concurrency` handshakes at a time, each joined (step 2 received). */
export async function joinMany(
  count: number,
  url: (index: number) => string,
  options: (index: number) => RawClientOptions,
  concurrency = 50,
): Promise<RawClient[]> {
  const clients: RawClient[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const client = new RawClient(url(index), options(index));
      clients[index] = client;
      await client.join();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return clients;
}

export async function closeAll(clients: readonly RawClient[]): Promise<void> {
  await Promise.all(clients.map((client) => client.close()));
}
