/**
 * Shared by the sync server's tests (not itself a test file): a real SQLite store with every call
 * the sync core makes counted (and optionally held or failed), and in-process clients that speak
 * the y-websocket protocol with real Y.Docs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqliteStore, type Store, type StoredBody } from '@accord/store';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { BodyLock } from '../protocol.ts';
import { MessageType, SyncMessageType } from '../protocol.ts';
import type { SyncLimits } from './limits.ts';
import type { SyncPersistence } from './persistence.ts';
import { SyncServer } from './sync-server.ts';
import { type ConnectionHandle, messagesOf } from './transport.ts';

// ---------------------------------------------------------------------------------------------
// Timing

export interface Deferred<T = void> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Lets every pending immediate (broadcasts, the commit queue's first turn) run. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Polls `condition` every 2 ms; throws with `what` after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean,
  what = 'condition',
  timeoutMs = 2_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

// ---------------------------------------------------------------------------------------------
// Store

type AppendRows = Parameters<SyncPersistence['appendUpdates']>[0];

/** Runs before the real store call; may await (to hold the call) or throw (to fail it). */
type Hook<A extends unknown[]> = ((...args: A) => Promise<void> | void) | undefined;

/**
 * The real SQLite store behind the narrow SyncPersistence contract, adapted as apps/server does,
 * with every call recorded. Hooks run before the real call: tests use them to hold a call on a
 * deferred promise or to make it fail.
 */
export class TestStore {
  readonly store: Store;
  readonly #dir: string;
  readonly calls = {
    documentExists: [] as string[],
    loadBody: [] as string[],
    appendUpdates: [] as AppendRows[],
    compact: [] as { documentId: string; uptoSeq: number }[],
  };
  /** Calls of each kind that have completed successfully. */
  readonly completed = { loadBody: 0, appendUpdates: 0, compact: 0 };
  readonly hooks: {
    loadBody?: Hook<[string]>;
    appendUpdates?: Hook<[AppendRows]>;
    compact?: Hook<[string, number]>;
  } = {};
  readonly persistence: SyncPersistence;
  /** What `documentLock` answers, as a store that keeps agreement states would. */
  readonly locks = new Map<string, BodyLock>();
  #partnership = false;

  constructor() {
    this.#dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-sync-'));
    this.store = createSqliteStore({ path: path.join(this.#dir, 'accord.db') });
    const { store, calls, hooks, completed } = this;
    this.persistence = {
      documentExists: async (id) => {
        calls.documentExists.push(id);
        return (await store.getDocument(id))?.archived === false;
      },
      loadBody: async (id) => {
        calls.loadBody.push(id);
        await hooks.loadBody?.(id);
        const body = await store.loadBody(id);
        completed.loadBody++;
        return body;
      },
      appendUpdates: async (rows) => {
        calls.appendUpdates.push(rows);
        await hooks.appendUpdates?.(rows);
        const result = await store.appendUpdates(rows);
        completed.appendUpdates++;
        return result;
      },
      compact: async (id, state, uptoSeq) => {
        calls.compact.push({ documentId: id, uptoSeq });
        await hooks.compact?.(id, uptoSeq);
        await store.compact(id, state, uptoSeq);
        completed.compact++;
      },
      documentLock: async (id) => this.locks.get(id) ?? null,
    };
  }

  /** Creates a document whose `body` text is `text` (as the server's template step would). */
  async createDocument(id: string, text = ''): Promise<void> {
    if (!this.#partnership) {
      await this.store.createPartnership({
        id: 'p1',
        name: 'Partnership',
        purpose: 'Tests',
        language: 'fr',
        createdAt: 1_700_000_000_000,
      });
      this.#partnership = true;
    }
    const doc = new Y.Doc();
    if (text) doc.getText('body').insert(0, text);
    await this.store.createDocument(
      {
        id,
        partnershipId: 'p1',
        title: `Document ${id}`,
        kind: 'notes',
        language: 'fr',
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_000,
        archived: false,
      },
      Y.encodeStateAsUpdate(doc),
    );
  }

  /** What is stored, read directly from the store (not counted). */
  body(id: string): Promise<StoredBody> {
    return this.store.loadBody(id);
  }

  /** The stored text, rebuilt as a load would: snapshot, then the tail in order. */
  async text(id: string): Promise<string> {
    const body = await this.body(id);
    const doc = new Y.Doc();
    if (body.snapshot) Y.applyUpdate(doc, body.snapshot);
    for (const update of body.updates) Y.applyUpdate(doc, update);
    return doc.getText('body').toString();
  }

  /** Rows appended for `documentId` through the sync core. */
  rowsFor(documentId: string): Uint8Array[] {
    return this.calls.appendUpdates.flatMap((rows) =>
      rows.filter((row) => row.documentId === documentId).map((row) => row.update),
    );
  }

  async close(): Promise<void> {
    await this.store.close();
    fs.rmSync(this.#dir, { recursive: true, force: true });
  }
}

export interface TestServer {
  sync: SyncServer;
  /** Everything the server logged. */
  logs: string[];
}

export function createTestServer(
  store: TestStore,
  options: { limits?: Partial<SyncLimits>; unloadDelayMs?: number } = {},
): TestServer {
  const logs: string[] = [];
  const sync = new SyncServer({
    persistence: store.persistence,
    limits: options.limits,
    unloadDelayMs: options.unloadDelayMs ?? 20,
    // Protocol tests wait for acks under a 2 s deadline on loaded machines: commit as soon as
    // possible here (commit-queue.test.ts covers the interval; the real server uses its default).
    commitIntervalMs: 0,
    log: (message, error) => {
      logs.push(error instanceof Error ? `${message}: ${error.message}` : message);
    },
  });
  return { sync, logs };
}

// ---------------------------------------------------------------------------------------------
// Frames

export interface AwarenessEntryView {
  clientId: number;
  clock: number;
  state: unknown;
}

export type Received =
  | { type: 'step1'; stateVector: Uint8Array }
  | { type: 'step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array; entries: AwarenessEntryView[] }
  | { type: 'saved'; upTo: number }
  | { type: 'refused'; update: number; reason: string }
  | { type: 'session'; session: unknown }
  | { type: 'event'; event: unknown }
  | { type: 'other'; messageType: number };

/** Decodes a frame the server sent, independently of the server's own encoders. */
export function decodeFrame(frame: Uint8Array): Received {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync: {
      const subtype = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (subtype === SyncMessageType.step1) return { type: 'step1', stateVector: payload };
      if (subtype === SyncMessageType.step2) return { type: 'step2', update: payload };
      return { type: 'update', update: payload };
    }
    case MessageType.awareness: {
      const update = decoding.readVarUint8Array(decoder);
      return { type: 'awareness', update, entries: decodeAwareness(update) };
    }
    case MessageType.saved:
      return { type: 'saved', upTo: decoding.readVarUint(decoder) };
    case MessageType.refused: {
      const update = decoding.readVarUint(decoder);
      return { type: 'refused', update, reason: decoding.readVarString(decoder) };
    }
    case MessageType.session:
      return { type: 'session', session: JSON.parse(decoding.readVarString(decoder)) };
    case MessageType.event:
      return { type: 'event', event: JSON.parse(decoding.readVarString(decoder)) };
    default:
      return { type: 'other', messageType: type };
  }
}

export function decodeAwareness(update: Uint8Array): AwarenessEntryView[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntryView[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(decoder)) });
  }
  return entries;
}

export function syncFrame(subtype: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, subtype);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness update written by hand, e.g. to speak for a client id one does not own. */
export function rawAwarenessUpdate(entries: AwarenessEntryView[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

/** A text edit on a separate doc, as an update: appends `text` to the `body` of `doc`. */
export function appendText(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const body = doc.getText('body');
  body.insert(body.length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

// ---------------------------------------------------------------------------------------------
// Clients

export interface TestClientOptions {
  extensions?: boolean;
  readOnly?: boolean;
  /** The role the server states in the session frame. */
  role?: string;
  /** Labels matched by `closeWhere` and `sendEvent`. */
  tags?: Record<string, string>;
  /** Reuse a doc (a reconnecting provider keeps its doc and client id). */
  doc?: Y.Doc;
  awareness?: awarenessProtocol.Awareness;
  /**
   * Behave like a y-websocket client: send step 1 (and presence) on open, answer step 1 with
   * step 2, send every local edit as an update. @default true
   */
  auto?: boolean;
  /**
   * Re-send every awareness change, remote ones included, as y-websocket's provider does.
   * @default true
   */
  relayAwareness?: boolean;
}

/** Marks what the server sent, so it is not sent back as a local edit. */
const FROM_SERVER = Symbol('server');

/** One socket of a y-websocket-like client, driven in-process. */
export class TestClient {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly received: Received[] = [];
  /** What each of the server's writes to this socket carried (several messages may share one). */
  readonly writes: Received[][] = [];
  /** Frames this client sent, in order. */
  readonly sent: Uint8Array[] = [];
  /** Sync step 2 and update frames sent: the k the server's acks name. */
  sentUpdates = 0;
  closed: { code: number; reason: string } | null = null;
  readonly handle: ConnectionHandle;
  readonly #auto: boolean;
  readonly #relayAwareness: boolean;
  #gone = false;

  constructor(sync: SyncServer, documentId: string, options: TestClientOptions = {}) {
    this.doc = options.doc ?? new Y.Doc();
    if (options.awareness) this.awareness = options.awareness;
    else {
      this.awareness = new awarenessProtocol.Awareness(this.doc);
      this.awareness.setLocalState(null);
    }
    this.#auto = options.auto ?? true;
    this.#relayAwareness = options.relayAwareness ?? true;
    this.doc.on('update', this.#onDocUpdate);
    this.awareness.on('update', this.#onAwarenessUpdate);
    this.handle = sync.connect({
      documentId,
      extensions: options.extensions ?? true,
      readOnly: options.readOnly ?? false,
      ...(options.role !== undefined && { role: options.role }),
      ...(options.tags !== undefined && { tags: options.tags }),
      transport: {
        send: (outgoing) => {
          const first = this.received.length;
          for (const frame of messagesOf(outgoing)) this.#receive(frame);
          this.writes.push(this.received.slice(first));
        },
        close: (code, reason) => {
          this.closed = { code, reason };
          // ws reports the close after the closing handshake, never from inside close().
          setImmediate(() => this.leave());
        },
      },
    });
    if (this.#auto) {
      this.sendStep1();
      if (this.awareness.getLocalState() !== null) {
        this.sendAwareness(
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
        );
      }
    }
  }

  /** The socket is gone (closed by the client, or the close the server asked for completed). */
  leave(): void {
    if (this.#gone) return;
    this.#gone = true;
    this.doc.off('update', this.#onDocUpdate);
    this.awareness.off('update', this.#onAwarenessUpdate);
    this.handle.closed();
  }

  /** Stops the client's awareness timer (the doc is left to the test). */
  destroy(): void {
    this.leave();
    this.awareness.destroy();
  }

  send(frame: Uint8Array): void {
    if (this.#gone) return;
    this.sent.push(frame);
    this.handle.receive(frame);
  }

  sendStep1(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(encoding.toUint8Array(encoder));
  }

  sendStep2(update: Uint8Array): void {
    this.sentUpdates++;
    this.send(syncFrame(SyncMessageType.step2, update));
  }

  sendUpdate(update: Uint8Array): void {
    this.sentUpdates++;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeUpdate(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  }

  sendAwareness(update: Uint8Array): void {
    this.send(awarenessMessage(update));
  }

  /** Appends to the `body` text; in auto mode the edit leaves as an update frame. */
  type(text: string): void {
    const body = this.doc.getText('body');
    body.insert(body.length, text);
  }

  setPresence(state: Record<string, unknown> | null): void {
    this.awareness.setLocalState(state);
  }

  text(): string {
    return this.doc.getText('body').toString();
  }

  of<T extends Received['type']>(type: T): Extract<Received, { type: T }>[] {
    return this.received.filter((m): m is Extract<Received, { type: T }> => m.type === type);
  }

  /** Highest `saved(k)` received, 0 when none. */
  get saved(): number {
    return Math.max(0, ...this.of('saved').map((m) => m.upTo));
  }

  /** Presence states other clients have, as this client sees them. */
  peers(): Map<number, unknown> {
    const states = new Map<number, unknown>(this.awareness.getStates());
    states.delete(this.doc.clientID);
    return states;
  }

  #receive(frame: Uint8Array): void {
    const message = decodeFrame(frame);
    this.received.push(message);
    if (this.#gone) return;
    if (message.type === 'step1') {
      if (this.#auto) this.sendStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector));
    } else if (message.type === 'step2' || message.type === 'update') {
      Y.applyUpdate(this.doc, message.update, FROM_SERVER);
    } else if (message.type === 'awareness') {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, FROM_SERVER);
    }
  }

  #onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== FROM_SERVER && this.#auto) this.sendUpdate(update);
  };

  #onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (!this.#auto) return;
    if (origin === FROM_SERVER && !this.#relayAwareness) return;
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    this.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
  };
}

// ---------------------------------------------------------------------------------------------
// Harness

/** A store, a server on it, and the clients a test opened; `dispose` cleans everything up. */
export class Harness {
  readonly store = new TestStore();
  readonly sync: SyncServer;
  readonly logs: string[];
  readonly clients: TestClient[] = [];

  constructor(options: { limits?: Partial<SyncLimits>; unloadDelayMs?: number } = {}) {
    const server = createTestServer(this.store, options);
    this.sync = server.sync;
    this.logs = server.logs;
  }

  client(documentId: string, options?: TestClientOptions): TestClient {
    const client = new TestClient(this.sync, documentId, options);
    this.clients.push(client);
    return client;
  }

  /** A client that has finished the handshake: step 2 sent and acknowledged. */
  async joined(documentId: string, options?: TestClientOptions): Promise<TestClient> {
    const client = this.client(documentId, options);
    await waitFor(() => client.of('step2').length > 0, `${documentId}: step 2 from the server`);
    if (options?.extensions !== false) {
      await waitFor(() => client.saved >= client.sentUpdates, `${documentId}: handshake ack`);
    }
    return client;
  }

  /** Resolves once nothing is queued or being committed. */
  async idle(): Promise<void> {
    await nextTurn();
    await waitFor(
      () =>
        this.sync.stats().pendingCommits === 0 &&
        this.store.calls.appendUpdates.length === this.store.completed.appendUpdates,
      'the commit queue to drain',
    );
    await nextTurn();
  }

  async dispose(): Promise<void> {
    for (const client of this.clients) client.destroy();
    await this.sync.shutdown();
    await this.store.close();
  }
}
