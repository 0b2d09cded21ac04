import { CloseCode } from '../protocol.ts';
import type { SyncLimits } from './limits.ts';
import type { PresenceStamp } from './presence-stamp.ts';
import type { Room } from './room.ts';
import type { ConnectionHandle, Outgoing, SyncTransport } from './transport.ts';

/**
 * Free-form labels of a connection (person, partnership, session), matched by `closeWhere`.
 * `documentId` is always a tag too: the room's, so connections need not repeat it.
 */
export type ConnectionTags = Readonly<Record<string, string>>;

/** What a connection needs from the server that accepted it; one object per server. */
export interface ConnectionHost {
  readonly limits: Pick<SyncLimits, 'maxQueuedMessages' | 'maxQueuedBytes'>;
  /** The socket is gone: the room may be released. */
  left(connection: Connection, room: Room): void;
}

/**
 * One client socket in one room. Holds what the protocol counts per connection: how many document
 * updates it sent (the stream position that acks name), and the frames that arrive before its
 * document is loaded. It is also the handle the websocket glue feeds: an idle browser tab costs one
 * object here, with its methods on the prototype rather than closures of its own.
 */
export class Connection implements ConnectionHandle {
  /** Number of sync step 2 / update messages received so far: the k of "saved up to k". */
  receivedUpdates = 0;
  /** Highest k already acknowledged to the client. */
  acknowledged = 0;
  /** Highest k whose commit completed but whose ack frame is not yet sent. */
  committed = 0;
  /** Time of the last frame sent, for keep-alives. */
  lastSentAt = Date.now();
  open = true;
  /** The room, once the document is loaded and the connection joined it. */
  room: Room | null = null;
  /** Frames received before the room was ready; null once joined (or given up). */
  #queue: Uint8Array[] | null = [];
  #queuedBytes = 0;

  /** The client announced Accord's extensions (acks, refusals, session info). */
  readonly extensions: boolean;
  /** Document updates from this connection are refused (viewers, commenters, locked text). */
  readonly readOnly: boolean;
  /** The person's role where the document lives, told to the client in the session frame. */
  readonly role: string | null;
  /** Who is on the other end, for closing their sockets when their access changes. */
  readonly tags: ConnectionTags;
  /** Written over each presence state this connection announces: the server, not the client, says who the person is. */
  readonly presence: PresenceStamp | null;

  constructor(
    readonly transport: SyncTransport,
    options: {
      extensions: boolean;
      readOnly: boolean;
      role: string | null;
      tags: ConnectionTags;
      presence: PresenceStamp | null;
    },
    private readonly host: ConnectionHost,
    /** The document asked for; `room.documentId` once joined. */
    private readonly documentId: string,
  ) {
    // Fields of their own rather than an options object: one object less per idle tab.
    this.extensions = options.extensions;
    this.readOnly = options.readOnly;
    this.role = options.role;
    this.tags = options.tags;
    this.presence = options.presence;
  }

  /** The value of a tag; `documentId` is the room's (or the one asked for, before it is loaded). */
  tag(key: string): string | undefined {
    return key === 'documentId' ? (this.room?.documentId ?? this.documentId) : this.tags[key];
  }

  /** Whether every tag of `wanted` has the given value. */
  matches(wanted: readonly (readonly [string, string])[]): boolean {
    for (const [key, value] of wanted) if (this.tag(key) !== value) return false;
    return true;
  }

  send(outgoing: Outgoing): void {
    if (!this.open) return;
    this.lastSentAt = Date.now();
    this.transport.send(outgoing);
  }

  /** Closes the socket; the room forgets the connection when the transport reports the close. */
  close(code: number, reason: string): void {
    if (!this.open) return;
    this.open = false;
    this.transport.close(code, reason);
  }

  /** Joins the loaded room, then handles what arrived meanwhile, in order. */
  join(room: Room): void {
    this.room = room;
    room.join(this);
    const waiting = this.#queue ?? [];
    this.#queue = null;
    for (const frame of waiting) {
      if (!this.open) break;
      room.receive(this, frame);
    }
  }

  receive(frame: Uint8Array): void {
    if (!this.open) return;
    if (this.room) {
      this.room.receive(this, frame);
      return;
    }
    const queue = this.#queue;
    if (!queue) return;
    queue.push(frame);
    this.#queuedBytes += frame.byteLength;
    const { maxQueuedMessages, maxQueuedBytes } = this.host.limits;
    if (queue.length > maxQueuedMessages || this.#queuedBytes > maxQueuedBytes) {
      this.#queue = null;
      this.close(CloseCode.tooMany, 'too many messages before the document was ready');
    }
  }

  receiveText(): void {
    this.close(CloseCode.malformed, 'text frames are not part of the protocol');
  }

  closed(): void {
    this.open = false;
    this.#queue = null;
    const { room } = this;
    if (!room) return;
    room.leave(this);
    this.host.left(this, room);
  }
}
