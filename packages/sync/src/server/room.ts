import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { RoomBus } from '../bus/bus.ts';
import { type BodyLock, CloseCode, MessageType, SyncMessageType } from '../protocol.ts';
import { validateUpdate } from '../validation/update-validation.ts';
import {
  type AwarenessEntry,
  readAwarenessEntries,
  writeAwarenessEntries,
} from './awareness-guard.ts';
import type { CommitQueue } from './commit-queue.ts';
import type { Connection } from './connection.ts';
import {
  awarenessFrame,
  refusedFrame,
  savedFrame,
  sessionFrame,
  syncStep1Frame,
  syncStep2Frame,
  syncUpdateFrame,
} from './frames.ts';
import type { SyncLimits } from './limits.ts';
import type { StoredDocumentBody } from './persistence.ts';
import { Presence } from './presence.ts';
import type { PresenceStamp } from './presence-stamp.ts';

/** The longest a crowded room waits between presence frames (see SyncLimits.awarenessFlushMs). */
const MAX_AWARENESS_INTERVAL_MS = 250;

/** Origin of updates that came from another server process through the bus. */
const BUS_ORIGIN = Symbol('bus');
/** Origin of the stored state applied when the document is first needed. */
const LOAD_ORIGIN = Symbol('load');

interface RoomDeps {
  limits: SyncLimits;
  commits: CommitQueue;
  bus: RoomBus;
  log: (message: string, error?: unknown) => void;
}

interface PendingBroadcast {
  update: Uint8Array;
  origin: Connection | null;
}

/**
 * One loaded document and the connections editing it. Updates are applied and forwarded to peers
 * at once; storing them goes through the shared group-commit queue, and each sender is told
 * "saved up to k" only after the commit.
 */
export class Room {
  /**
   * The document, built on first use. Until an edit (or a peer process) needs it, the room serves
   * the stored state as bytes: joiners get it as their step 2, the server's own step 1 is read
   * from it, and a room people only read (or open and leave idle) never builds a Y.Doc at all —
   * building a large document takes tens of ms, and a built one takes twice its stored size.
   */
  #doc: Y.Doc | null = null;
  /** The stored state while the document is not built: the parts as loaded, merged on first use. */
  #unapplied: Uint8Array[] | null;
  /** The state vector of the stored bytes: from the store, or read once a joiner needed it. */
  #storedStateVector: Uint8Array | null = null;
  /** Joiners whose step 1 the server answers before sending its own. */
  #awaitingStep1 = new Set<Connection>();
  readonly presence = new Presence();
  readonly connections = new Set<Connection>();
  /** Log rows stored since the last snapshot, to decide when to compact. */
  tailRows: number;
  tailBytes: number;
  lastSeq: number;
  /** Rough size of the document's state: snapshot size plus every update applied since. */
  approximateBytes: number;
  /** The body takes no edits from anyone (see BodyLock); set through `setLock`. */
  #lock: BodyLock | null = null;

  #pendingBroadcast: PendingBroadcast[] = [];
  #broadcastScheduled = false;
  /** Presence changes for the next flush, and who sent each (null: the server, or a peer process). */
  #pendingAwareness = new Map<number, Connection | null>();
  #awarenessTimer: NodeJS.Timeout | null = null;
  #awarenessFlushScheduled = false;
  #lastAwarenessFlush = 0;
  #ackScheduled = new Set<Connection>();
  /**
   * Encoded full state, reused for every client that joins with an empty document (a join storm
   * encodes it once). Held weakly: an idle room does not keep a second copy of its document, and
   * the collector may drop it whenever memory is wanted.
   */
  #fullState: WeakRef<Uint8Array> | null;
  #unsubscribeBus: () => void;

  constructor(
    readonly documentId: string,
    body: StoredDocumentBody,
    private readonly deps: RoomDeps,
  ) {
    const stored = body.snapshot ? [body.snapshot, ...body.updates] : [...body.updates];
    this.#unapplied = stored.length > 0 ? stored : null;
    // With no log rows after it, the snapshot's stored state vector is the room's.
    if (body.snapshot && body.updates.length === 0 && body.snapshotStateVector) {
      this.#storedStateVector = body.snapshotStateVector;
    }
    this.#fullState = null;
    this.tailRows = body.updates.length;
    this.tailBytes = body.tailBytes;
    this.lastSeq = body.lastSeq;
    this.approximateBytes = (body.snapshot?.byteLength ?? 0) + body.tailBytes;
    this.#unsubscribeBus = deps.bus.subscribe(documentId, this.#onBusMessage);
  }

  /** Whether the Y.Doc exists yet (see #doc): for stats and tests. */
  get built(): boolean {
    return this.#doc !== null;
  }

  /** The room's document, built from the stored state on first use. */
  get doc(): Y.Doc {
    if (this.#doc) return this.#doc;
    const doc = new Y.Doc({ gc: true });
    const stored = this.#unapplied;
    this.#unapplied = null;
    this.#storedStateVector = null;
    for (const update of stored ?? []) Y.applyUpdate(doc, update, LOAD_ORIGIN);
    doc.on('update', this.#onDocUpdate);
    this.#doc = doc;
    return doc;
  }

  /** The stored state as one update, while the document is not built (merged once). */
  #storedUpdate(parts: Uint8Array[]): Uint8Array {
    if (parts.length > 1) parts.splice(0, parts.length, Y.mergeUpdates(parts));
    return parts[0]!;
  }

  /**
   * The server's state vector. While the document is not built it comes with the snapshot, or is
   * read from the stored bytes once (a parse of the whole update: ~10 ms for 300 KB, 50 ms in a
   * fresh process) and kept until the document is built.
   */
  #stateVector(): Uint8Array {
    const stored = this.#unapplied;
    if (!stored) return Y.encodeStateVector(this.#doc ?? this.doc);
    this.#storedStateVector ??= Y.encodeStateVectorFromUpdate(this.#storedUpdate(stored));
    return this.#storedStateVector;
  }

  get lock(): BodyLock | null {
    return this.#lock;
  }

  /**
   * Locks or unlocks the body for everyone. Takes effect for the very next frame read from any
   * socket; every open connection with extensions is told at once with a new session frame, so
   * its editor turns read-only (or writable again) without reconnecting.
   */
  setLock(lock: BodyLock | null): void {
    if (lock === this.#lock) return;
    this.#lock = lock;
    for (const connection of this.connections) this.#sendSession(connection);
  }

  #sendSession(connection: Connection): void {
    if (!connection.extensions) return;
    const { role } = connection;
    const readOnly = connection.readOnly || this.#lock !== null;
    connection.send(
      sessionFrame({
        readOnly,
        ...(role === null ? {} : { role }),
        ...(this.#lock === null ? {} : { lock: this.#lock }),
      }),
    );
  }

  /** Adds a connection and starts the sync handshake. */
  join(connection: Connection): void {
    this.connections.add(connection);
    this.#sendSession(connection);
    if (this.#doc) {
      connection.send(syncStep1Frame(Y.encodeStateVector(this.#doc)));
    } else {
      // The document is not built: answer the joiner's own step 1 from the stored bytes first
      // (see #receiveSync), and ask for the joiner's state only after that.
      this.#awaitingStep1.add(connection);
    }
    if (this.presence.hasStates) connection.send(awarenessFrame(this.presence.encodeAll()));
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.#awaitingStep1.delete(connection);
    this.#ackScheduled.delete(connection);
    this.#presenceRemoved(this.presence.removeOwnedBy(connection, Date.now()));
  }

  /** Removes presences nobody renewed in time (see PRESENCE_TIMEOUT_MS). */
  sweepPresence(now: number): void {
    this.#presenceRemoved(this.presence.sweep(now));
  }

  /** Tells peers (here and in other processes) about presences the server removed. */
  #presenceRemoved(clientIds: number[]): void {
    if (clientIds.length === 0) return;
    for (const id of clientIds) this.#pendingAwareness.set(id, null);
    if (this.deps.bus.remote) {
      this.deps.bus.publish(this.documentId, 'awareness', this.presence.encode(clientIds));
    }
    this.#scheduleAwarenessFlush();
  }

  /** Handles one binary frame; closes the connection with 4400 when it is not well-formed. */
  receive(connection: Connection, frame: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(frame);
      const type = decoding.readVarUint(decoder);
      if (type === MessageType.sync) this.#receiveSync(connection, decoder);
      else if (type === MessageType.awareness) {
        this.#receiveAwareness(connection, decoding.readVarUint8Array(decoder));
      } else if (type === MessageType.queryAwareness) this.#sendAllAwareness(connection);
      // Authentication happens at the upgrade; in-band auth messages are ignored.
      else if (type !== MessageType.auth) {
        connection.close(CloseCode.malformed, `unknown message type ${type}`);
      }
    } catch (error) {
      connection.close(CloseCode.malformed, `malformed message: ${describe(error)}`);
    }
  }

  #receiveSync(connection: Connection, decoder: decoding.Decoder): void {
    const subtype = decoding.readVarUint(decoder);
    if (subtype === SyncMessageType.step1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      connection.send(syncStep2Frame(this.#encodeStateFor(stateVector)));
      if (this.#awaitingStep1.delete(connection)) {
        connection.send(syncStep1Frame(this.#stateVector()));
      }
      return;
    }
    if (subtype !== SyncMessageType.step2 && subtype !== SyncMessageType.update) {
      connection.close(CloseCode.malformed, `unknown sync message ${subtype}`);
      return;
    }
    const update = decoding.readVarUint8Array(decoder);
    const seq = ++connection.receivedUpdates;
    const { limits } = this.deps;
    const check = validateUpdate(update, {
      maxBytes: limits.maxFrameBytes,
      maxStructs: limits.maxUpdateStructs,
      maxClockSpan: limits.maxClockSpan,
    });
    if (!check.ok) {
      connection.close(CloseCode.malformed, `invalid update: ${check.reason}`);
      return;
    }
    if (check.empty) {
      this.#acknowledgeInOrder(connection, seq, null);
      return;
    }
    const refusal = this.#lock ?? (connection.readOnly ? 'read-only' : null);
    if (refusal) {
      // Every step 2 repeats the whole delete set, so "not empty" is not "new": only refuse an
      // update that would change the document.
      if (!Y.snapshotContainsUpdate(Y.snapshot(this.doc), update)) {
        if (connection.extensions) connection.send(refusedFrame(seq, refusal));
      }
      // Nothing to store, but the position still counts as handled for the save indicator.
      this.#acknowledgeInOrder(connection, seq, null);
      return;
    }
    if (this.approximateBytes + update.byteLength > limits.maxDocumentBytes) {
      connection.close(CloseCode.documentTooLarge, 'document over its size quota');
      return;
    }
    this.#acknowledgeInOrder(connection, seq, this.#apply(update, connection));
  }

  /**
   * Applies a client's update and returns what to store: only what changed the document (a
   * reconnecting client's step 2 often brings nothing new), or the raw update when Yjs parked it
   * as pending (it waits for updates it depends on, and must survive a restart too).
   */
  #apply(update: Uint8Array, connection: Connection): Uint8Array | null {
    const { store } = this.doc;
    const pendingBefore = [store.pendingStructs, store.pendingDs];
    const changes: Uint8Array[] = [];
    const collect = (change: Uint8Array, origin: unknown) => {
      if (origin === connection) changes.push(change);
    };
    this.doc.on('update', collect);
    try {
      Y.applyUpdate(this.doc, update, connection);
    } finally {
      this.doc.off('update', collect);
    }
    if (store.pendingStructs !== pendingBefore[0] || store.pendingDs !== pendingBefore[1]) {
      this.approximateBytes += update.byteLength;
      return update;
    }
    if (changes.length === 0) return null;
    const stored = changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes);
    this.approximateBytes += stored.byteLength;
    return stored;
  }

  /** Stores the update (if any) and acknowledges position `seq` once everything before it is. */
  #acknowledgeInOrder(connection: Connection, seq: number, update: Uint8Array | null): void {
    if (!connection.extensions) {
      if (update) this.deps.commits.enqueue(this.documentId, update, noop);
      return;
    }
    this.deps.commits.enqueue(this.documentId, update, () => {
      if (seq <= connection.committed) return;
      connection.committed = seq;
      this.#ackScheduled.add(connection);
    });
  }

  /** Called by the server after each group commit: one ack frame per connection that got one. */
  flushAcks(): void {
    for (const connection of this.#ackScheduled) {
      if (connection.committed > connection.acknowledged) {
        connection.acknowledged = connection.committed;
        connection.send(savedFrame(connection.acknowledged));
      }
    }
    this.#ackScheduled.clear();
  }

  #encodeStateFor(stateVector: Uint8Array): Uint8Array {
    // An empty state vector is one byte (zero clients): the joiner needs everything.
    const everything = stateVector.byteLength === 1 && stateVector[0] === 0;
    const stored = this.#unapplied;
    if (stored) {
      const state = this.#storedUpdate(stored);
      return everything ? state : Y.diffUpdate(state, stateVector);
    }
    if (everything) {
      let state = this.#fullState?.deref();
      if (!state) {
        state = Y.encodeStateAsUpdate(this.doc);
        this.#fullState = new WeakRef(state);
      }
      return state;
    }
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  #onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    // Loading the stored state changes nothing anyone has not got.
    if (origin === LOAD_ORIGIN) return;
    this.#fullState = null;
    const from = typeof origin === 'object' && origin !== null && 'transport' in origin;
    if (origin !== BUS_ORIGIN && this.deps.bus.remote) {
      this.deps.bus.publish(this.documentId, 'update', update);
    }
    this.#pendingBroadcast.push({ update, origin: from ? (origin as Connection) : null });
    if (!this.#broadcastScheduled) {
      this.#broadcastScheduled = true;
      // Everything read from the sockets in this turn of the event loop leaves as one frame.
      setImmediate(this.#flushBroadcast);
    }
  };

  #flushBroadcast = (): void => {
    this.#broadcastScheduled = false;
    const pending = this.#pendingBroadcast;
    this.#pendingBroadcast = [];
    if (pending.length === 0) return;
    const all =
      pending.length === 1 ? pending[0]!.update : Y.mergeUpdates(pending.map((p) => p.update));
    const allFrame = syncUpdateFrame(all);
    const origins = new Set(pending.map((p) => p.origin));
    // Presence waiting for its throttle rides along, behind the edit people wait for: one write
    // per socket where there were two.
    const presence = this.#presenceDueWithEdit() ? this.#takeAwareness() : null;
    const withPresence = presence ? [allFrame, presence.frame] : allFrame;
    for (const connection of this.connections) {
      // Its only author already knows its presence.
      const presenceFrame = presence && connection !== presence.soleOrigin ? presence.frame : null;
      if (!origins.has(connection)) {
        connection.send(presenceFrame ? withPresence : allFrame);
        continue;
      }
      // Never echo a sender's own update back to it: it has it, and the bytes are wasted.
      const others = pending.filter((p) => p.origin !== connection).map((p) => p.update);
      const own =
        others.length === 0
          ? null
          : syncUpdateFrame(others.length === 1 ? others[0]! : Y.mergeUpdates(others));
      const outgoing = own && presenceFrame ? [own, presenceFrame] : (own ?? presenceFrame);
      if (outgoing) connection.send(outgoing);
    }
  };

  /**
   * Whether presence changes waiting for their flush may leave with an edit being broadcast now:
   * at most one presence frame per `awarenessFlushMs`, as when a room is small. In a crowded room
   * the longer throttle saves writes; riding along with an edit costs no write at all.
   */
  #presenceDueWithEdit(): boolean {
    return (
      this.#pendingAwareness.size > 0 &&
      Date.now() - this.#lastAwarenessFlush >= this.deps.limits.awarenessFlushMs
    );
  }

  #receiveAwareness(connection: Connection, update: Uint8Array): void {
    const { presence } = this;
    const stamp = connection.presence;
    const now = Date.now();
    const changed: AwarenessEntry[] = [];
    let accepted = 0;
    for (const entry of readAwarenessEntries(update)) {
      if (longerThan(entry.state, this.deps.limits.maxAwarenessStateBytes)) continue;
      const owner = presence.ownerOf(entry.clientId);
      if (owner !== connection) {
        // Stock clients relay every presence change they receive, removals included: a removal
        // never makes an id yours, or a peer's echo would silence its owner when they come back.
        if (entry.state === 'null') continue;
        // A client id another connection speaks for is forged: drop that entry.
        if (owner !== null) continue;
      }
      let json: string | null = null;
      if (entry.state !== 'null') {
        // Parsed once, to check it and stamp it; only the JSON is kept and forwarded.
        json = stamp ? strippedState(entry.state, stamp) : checkedState(entry.state);
        if (json === null) continue;
      }
      const clock = presence.set(entry.clientId, entry.clock, json, stamp, connection, now);
      this.#pendingAwareness.set(entry.clientId, connection);
      accepted++;
      if (this.deps.bus.remote) {
        const state = json === null ? 'null' : stamp ? stamp.wrap(json) : json;
        changed.push({ clientId: entry.clientId, clock, state });
      }
    }
    if (accepted === 0) return;
    if (changed.length > 0) {
      this.deps.bus.publish(this.documentId, 'awareness', writeAwarenessEntries(changed));
    }
    this.#scheduleAwarenessFlush();
  }

  #sendAllAwareness(connection: Connection): void {
    connection.send(awarenessFrame(this.presence.encodeAll()));
  }

  /** Presence is throttled: the first change leaves at once, later ones are coalesced. */
  #scheduleAwarenessFlush(): void {
    if (this.#awarenessFlushScheduled) return;
    this.#awarenessFlushScheduled = true;
    const wait = this.#lastAwarenessFlush + this.#awarenessInterval() - Date.now();
    if (wait <= 0) setImmediate(this.#flushAwareness);
    else this.#awarenessTimer = setTimeout(this.#flushAwareness, wait);
  }

  /** See SyncLimits.awarenessFlushMs: one ms per connection in a crowded room, at most 250. */
  #awarenessInterval(): number {
    const base = this.deps.limits.awarenessFlushMs;
    return Math.max(base, Math.min(MAX_AWARENESS_INTERVAL_MS, this.connections.size));
  }

  #flushAwareness = (): void => {
    const presence = this.#takeAwareness();
    if (!presence) return;
    for (const connection of this.connections) {
      if (connection !== presence.soleOrigin) connection.send(presence.frame);
    }
  };

  /**
   * The frame of every pending presence change, which ends the wait for the next flush. The only
   * author of every change in it (`soleOrigin`) already knows its own presence: it is not sent
   * the frame.
   */
  #takeAwareness(): { frame: Uint8Array; soleOrigin: Connection | null } | null {
    if (this.#awarenessTimer) clearTimeout(this.#awarenessTimer);
    this.#awarenessTimer = null;
    this.#awarenessFlushScheduled = false;
    this.#lastAwarenessFlush = Date.now();
    const pending = this.#pendingAwareness;
    if (pending.size === 0) return null;
    this.#pendingAwareness = new Map();
    const frame = awarenessFrame(this.presence.encode(pending.keys()));
    let soleOrigin: Connection | null | undefined;
    for (const from of pending.values()) {
      if (soleOrigin === undefined) soleOrigin = from;
      else if (soleOrigin !== from) soleOrigin = null;
    }
    return { frame, soleOrigin: soleOrigin ?? null };
  }

  #onBusMessage = (kind: 'update' | 'awareness', payload: Uint8Array): void => {
    if (kind === 'update') {
      Y.applyUpdate(this.doc, payload, BUS_ORIGIN);
      return;
    }
    const now = Date.now();
    let changed = false;
    for (const entry of readAwarenessEntries(payload)) {
      if (!this.presence.applyRemote(entry, now)) continue;
      this.#pendingAwareness.set(entry.clientId, null);
      changed = true;
    }
    if (changed) this.#scheduleAwarenessFlush();
  };

  /** Everything pending for peers leaves now (used before shutdown). */
  flushOutgoing(): void {
    this.#flushBroadcast();
    this.#flushAwareness();
  }

  destroy(): void {
    this.#unsubscribeBus();
    if (this.#awarenessTimer) clearTimeout(this.#awarenessTimer);
    this.#doc?.off('update', this.#onDocUpdate);
    this.#doc?.destroy();
  }
}

function noop(): void {}

/** One JSON presence state without the fields the stamp writes; null drops the entry. */
function strippedState(json: string, stamp: PresenceStamp): string | null {
  const parsed = parseObject(json);
  return parsed ? stamp.strip(parsed) : null;
}

/** The state as sent when it is a JSON object; null drops the entry. */
function checkedState(json: string): string | null {
  return parseObject(json) ? json : null;
}

/** Throws on a state that is not JSON: the frame is malformed (the socket closes with 4400). */
function parseObject(json: string): Record<string, unknown> | null {
  const parsed: unknown = JSON.parse(json);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null;
}

/** Whether `text` takes more than `maxBytes` in UTF-8, measuring only when it matters. */
function longerThan(text: string, maxBytes: number): boolean {
  // One UTF-16 unit takes one to three UTF-8 bytes.
  if (text.length * 3 <= maxBytes) return false;
  if (text.length > maxBytes) return true;
  return Buffer.byteLength(text, 'utf8') > maxBytes;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
