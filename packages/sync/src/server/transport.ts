/** The one thing the sync core needs from a socket: send bytes, and close with a reason. */
export interface SyncTransport {
  send(frame: Uint8Array): void;
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
