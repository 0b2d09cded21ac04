import { type AwarenessEntry, writeAwarenessEntries } from './awareness-guard.ts';
import type { Connection } from './connection.ts';
import type { PresenceStamp } from './presence-stamp.ts';

/**
 * A presence nobody renewed for this long is gone: y-protocols' `outdatedTimeout`. Clients renew
 * theirs every 15 s; a tab that stops (frozen, crashed behind a live socket) fades out.
 */
export const PRESENCE_TIMEOUT_MS = 30_000;

/** How long the clock of a departed client is remembered, so that its return is newer for peers. */
const TOMBSTONE_MS = 10 * 60_000;

interface PresenceEntry {
  /** The server's clock for this client: peers ignore any change not newer than the last. */
  clock: number;
  /**
   * The state's JSON, or null once the presence is removed. With a stamp, the client's own part
   * only (stamped fields stripped): the stamp, shared by a person's connections, is added when it
   * is sent, so the room does not keep the person's identity once per client.
   */
  json: string | null;
  stamp: PresenceStamp | null;
  updatedAt: number;
  /** The connection that speaks for this client id; null when it left or lives in another process. */
  owner: Connection | null;
}

/**
 * The presence (awareness) states of one room, kept as the JSON the room forwards. The server only
 * relays presence: it never reads a state after stamping it, so it keeps no parsed copy (y-protocols'
 * `Awareness` keeps one per client, plus a timer per room). Ownership lives here too: the
 * connection that announced a client id is the only one that may change or remove it.
 */
export class Presence {
  readonly #entries = new Map<number, PresenceEntry>();

  /** The connection that owns `clientId`; null if nobody here does (left, or remote). */
  ownerOf(clientId: number): Connection | null {
    return this.#entries.get(clientId)?.owner ?? null;
  }

  get hasStates(): boolean {
    for (const entry of this.#entries.values()) if (entry.json !== null) return true;
    return false;
  }

  /**
   * Sets (or with `json` null, removes) a client's presence on behalf of `owner`. The server keeps
   * the clock: whatever the client counted (a reconnecting client restarts below what peers last
   * saw of it), its owner's change is always the newest. Returns the clock given to the change.
   */
  set(
    clientId: number,
    clientClock: number,
    json: string | null,
    stamp: PresenceStamp | null,
    owner: Connection | null,
    now: number,
  ): number {
    const entry = this.#entries.get(clientId);
    const clock = Math.max(clientClock, (entry?.clock ?? 0) + 1);
    if (entry) {
      entry.clock = clock;
      entry.json = json;
      entry.stamp = stamp;
      entry.updatedAt = now;
      entry.owner = owner;
    } else {
      this.#entries.set(clientId, { clock, json, stamp, updatedAt: now, owner });
    }
    return clock;
  }

  /**
   * Applies a change relayed from another process with y-protocols' rule: only a newer clock
   * counts (or the same clock removing a live state). Returns whether it changed anything.
   */
  applyRemote({ clientId, clock, state }: AwarenessEntry, now: number): boolean {
    const entry = this.#entries.get(clientId);
    const json = state === 'null' ? null : state;
    if (entry) {
      const newer =
        entry.clock < clock || (entry.clock === clock && json === null && entry.json !== null);
      if (!newer || entry.owner !== null) return false;
      entry.clock = clock;
      entry.json = json;
      entry.stamp = null;
      entry.updatedAt = now;
      return true;
    }
    this.#entries.set(clientId, { clock, json, stamp: null, updatedAt: now, owner: null });
    return true;
  }

  /** Removes every presence `connection` owns (it left); returns their ids. */
  removeOwnedBy(connection: Connection, now: number): number[] {
    const removed: number[] = [];
    for (const [clientId, entry] of this.#entries) {
      if (entry.owner !== connection) continue;
      entry.owner = null;
      if (entry.json === null) continue;
      this.#remove(entry, now);
      removed.push(clientId);
    }
    return removed;
  }

  /**
   * Removes presences nobody renewed within PRESENCE_TIMEOUT_MS and forgets old departures.
   * Returns the ids removed, for peers to be told.
   */
  sweep(now: number): number[] {
    const removed: number[] = [];
    for (const [clientId, entry] of this.#entries) {
      if (entry.json === null) {
        if (now - entry.updatedAt >= TOMBSTONE_MS) this.#entries.delete(clientId);
      } else if (now - entry.updatedAt >= PRESENCE_TIMEOUT_MS) {
        this.#remove(entry, now);
        removed.push(clientId);
      }
    }
    return removed;
  }

  /** An awareness update of these clients' current states (a removal for a removed one). */
  encode(clientIds: Iterable<number>): Uint8Array {
    const entries: AwarenessEntry[] = [];
    for (const clientId of clientIds) {
      const entry = this.#entries.get(clientId);
      if (entry) entries.push({ clientId, clock: entry.clock, state: stateOf(entry) });
    }
    return writeAwarenessEntries(entries);
  }

  /** An awareness update of every live presence: what a joiner needs. */
  encodeAll(): Uint8Array {
    const live: number[] = [];
    for (const [clientId, entry] of this.#entries) if (entry.json !== null) live.push(clientId);
    return this.encode(live);
  }

  #remove(entry: PresenceEntry, now: number): void {
    entry.clock++;
    entry.json = null;
    entry.stamp = null;
    entry.updatedAt = now;
  }
}

/** The state as peers receive it: stamped, or `null` for a removal. */
function stateOf(entry: PresenceEntry): string {
  if (entry.json === null) return 'null';
  return entry.stamp ? entry.stamp.wrap(entry.json) : entry.json;
}
