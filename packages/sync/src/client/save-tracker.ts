import { MessageType, SyncMessageType } from '../protocol.ts';

interface SocketState {
  /** Document updates sent on this socket: the server counts them the same way. */
  sent: number;
  /** The position whose ack proves every local change carried so far is committed. */
  required: number;
  /** Highest position the server acknowledged as committed. */
  acked: number;
  /** Whether this socket has sent its sync step 2 (the full difference the server lacked). */
  step2Sent: boolean;
}

/**
 * Decides from the server's durable acks whether local edits are saved. Counts, per socket, the
 * document updates the client sends exactly as the server does (every sync step 2 or update
 * message is one). Knows nothing of y-websocket: the provider glue feeds it.
 *
 * An update message carries one local change; a step 2 carries every change the server lacks. A
 * change made while no socket had sent its step 2 (offline, connecting) can only be proven saved
 * by the ack of a later step 2.
 */
export class SaveTracker {
  /** A local change that no update message has carried yet. */
  #pendingChange = false;
  /** Local changes that only the next sync step 2 will carry. */
  #needsStep2 = false;
  #sockets = new Map<object, SocketState>();
  #current: SocketState | null = null;

  /** A change made here (not received from the server). Call before the provider sends it. */
  localChange(): void {
    this.#pendingChange = true;
    if (!this.#current?.step2Sent) this.#needsStep2 = true;
  }

  socketOpened(socket: object): void {
    const state: SocketState = { sent: 0, required: 0, acked: 0, step2Sent: false };
    this.#sockets.set(socket, state);
    this.#current = state;
  }

  /** Inspects an outgoing frame; returns true when it counted as a document update. */
  sent(socket: object, frame: Uint8Array): boolean {
    const state = this.#sockets.get(socket);
    // Message types and sync sub-types are varUints below 128: one byte each.
    if (!state || frame[0] !== MessageType.sync) return false;
    if (frame[1] === SyncMessageType.update) {
      state.sent++;
      if (this.#pendingChange) state.required = state.sent;
      this.#pendingChange = false;
      return true;
    }
    if (frame[1] === SyncMessageType.step2) {
      state.sent++;
      state.step2Sent = true;
      if (this.#pendingChange || this.#needsStep2) state.required = state.sent;
      this.#pendingChange = false;
      this.#needsStep2 = false;
      return true;
    }
    return false;
  }

  acked(socket: object, upTo: number): void {
    const state = this.#sockets.get(socket);
    if (state) state.acked = Math.max(state.acked, upTo);
  }

  /** The socket is gone: whatever it carried without an ack must be carried again. */
  socketClosed(socket: object): void {
    const state = this.#sockets.get(socket);
    this.#sockets.delete(socket);
    if (state && this.#current === state) this.#current = null;
    if (this.#pendingChange || (state && state.required > state.acked)) this.#needsStep2 = true;
    this.#pendingChange = false;
  }

  /** True while some local change is not known to be committed on the server. */
  get unsaved(): boolean {
    if (this.#pendingChange || this.#needsStep2) return true;
    for (const state of this.#sockets.values()) {
      if (state.required > state.acked) return true;
    }
    return false;
  }
}
