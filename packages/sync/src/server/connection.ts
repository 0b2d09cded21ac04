import type { SyncTransport } from './transport.ts';

let nextConnectionId = 1;

/** Free-form labels of a connection (person, partnership, session), matched by `closeWhere`. */
export type ConnectionTags = Readonly<Record<string, string>>;

export type PresenceStamp = (state: Record<string, unknown>) => Record<string, unknown> | null;

/**
 * One client socket in one room. Holds what the protocol counts per connection: how many document
 * updates it sent (the stream position that acks name) and which awareness client ids it owns.
 */
export class Connection {
  readonly id = nextConnectionId++;
  /** Number of sync step 2 / update messages received so far: the k of "saved up to k". */
  receivedUpdates = 0;
  /** Highest k already acknowledged to the client. */
  acknowledged = 0;
  /** Highest k whose commit completed but whose ack frame is not yet sent. */
  committed = 0;
  /** Awareness client ids this connection announced; nobody else may speak for them. */
  readonly awarenessClients = new Set<number>();
  /** Time of the last frame sent, for keep-alives. */
  lastSentAt = Date.now();
  open = true;

  constructor(
    readonly transport: SyncTransport,
    readonly options: {
      /** The client announced Accord's extensions (acks, refusals, session info). */
      extensions: boolean;
      /** Document updates from this connection are refused (viewers, commenters, locked text). */
      readOnly: boolean;
      /** The person's role where the document lives, told to the client in the session frame. */
      role: string | null;
      /** Who is on the other end, for closing their sockets when their access changes. */
      tags: ConnectionTags;
      /**
       * Rewrites each presence state this connection announces, so that the server — not the
       * client — says who the person is. Returns null to drop the state.
       */
      presence: PresenceStamp | null;
    },
  ) {}

  send(frame: Uint8Array): void {
    if (!this.open) return;
    this.lastSentAt = Date.now();
    this.transport.send(frame);
  }

  /** Closes the socket; the room forgets the connection when the transport reports the close. */
  close(code: number, reason: string): void {
    if (!this.open) return;
    this.open = false;
    this.transport.close(code, reason);
  }
}
