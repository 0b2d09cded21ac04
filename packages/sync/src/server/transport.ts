/**
 * What the server sends a socket at once: one message, or several that leave in one write, in
 * order (a presence frame riding along with an edit costs its bytes, not a second system call).
 */
export type Outgoing = Uint8Array | readonly Uint8Array[];

/** The messages of `outgoing`, in order. */
export function messagesOf(outgoing: Outgoing): readonly Uint8Array[] {
  return outgoing instanceof Uint8Array ? [outgoing] : outgoing;
}

/** The one thing the sync core needs from a socket: send bytes, and close with a reason. */
export interface SyncTransport {
  send(outgoing: Outgoing): void;
  close(code: number, reason: string): void;
}

/** What the websocket glue feeds back into the core. */
export interface ConnectionHandle {
  /** A binary frame from the client. */
  receive(frame: Uint8Array): void;
  /** A text frame: not part of the protocol. */
  receiveText(): void;
  /** The socket is gone (closed by either side). */
  closed(): void;
}
