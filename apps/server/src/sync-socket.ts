import type { Duplex } from 'node:stream';
import type { ConnectionHandle } from '@accord/sync';
import { WebSocket } from 'ws';
import type { Sessions } from './auth/sessions.ts';
import type { SocketIdentities, SocketIdentity } from './sync-identity.ts';

/**
 * `ws`'s socket for a document, as the server creates it (`new WebSocketServer({ WebSocket:
 * SyncSocket })`). Two costs of a busy or crowded room are cut here:
 *
 * - Memory per idle tab: the listeners are shared functions reading `this`, not closures per socket,
 *   and the socket itself is the sync core's transport (`send`, `close`).
 * - CPU per delivered message: a broadcast hands the same frame to every receiver's socket. The
 *   websocket frame (header + payload) is built once for all of them and written to each TCP
 *   socket in one write, instead of `ws` allocating a header and writing two buffers per receiver.
 */
export class SyncSocket extends WebSocket {
  handle: ConnectionHandle | null = null;
  identity: SocketIdentity | null = null;
  server: { sessions: Sessions; identities: SocketIdentities } | null = null;

  /** Starts relaying frames between this socket and the sync core. */
  attach(
    handle: ConnectionHandle,
    identity: SocketIdentity,
    server: { sessions: Sessions; identities: SocketIdentities },
  ): void {
    this.handle = handle;
    this.identity = identity;
    this.server = server;
    this.on('message', onMessage);
    this.on('close', onClose);
  }

  override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
    if (rest.length === 0 && data instanceof Uint8Array && this.#sendPrepared(data)) return;
    (super.send as (...args: unknown[]) => void).call(this, data, ...rest);
  }

  /**
   * Writes a binary frame straight to the TCP socket when `ws` would do nothing else with it: the
   * socket is open, nothing is queued in `ws`'s sender (it queues only while compressing or reading
   * a Blob, neither of which happens here) and no extension (permessage-deflate) is negotiated.
   * Otherwise returns false and `ws` sends it as usual. Relies on `ws` 8's internals, checked here
   * on every call, so a `ws` that changed them only loses the fast path.
   */
  #sendPrepared(frame: Uint8Array): boolean {
    if (frame.byteLength > PREPARED_MAX_BYTES || this.readyState !== WebSocket.OPEN) return false;
    const {
      _socket: socket,
      _sender: sender,
      _extensions: extensions,
    } = this as unknown as WsInternals;
    if (!socket || sender?._state !== 0 || sender._queue.length > 0) return false;
    for (const _ in extensions) return false;
    socket.write(wireFrame(frame));
    return true;
  }
}

/** What `#sendPrepared` reads of `ws` 8's WebSocket. */
interface WsInternals {
  _socket: Duplex | null;
  _sender: { _state: number; _queue: unknown[] } | null;
  _extensions: Record<string, unknown>;
}

/**
 * Frames larger than this go through `ws` (which writes header and payload without copying): a
 * joiner's full state is sent to one socket, and copying it would cost more than it saves.
 */
const PREPARED_MAX_BYTES = 0xffff;

let lastFrame: Uint8Array | null = null;
let lastWire: Buffer | null = null;

/**
 * The unmasked binary websocket frame (RFC 6455 §5.2) carrying `frame`. A broadcast sends the same
 * frame object to every receiver in a row, so the last one built is kept and reused.
 */
export function wireFrame(frame: Uint8Array): Buffer {
  if (frame === lastFrame && lastWire) return lastWire;
  const length = frame.byteLength;
  const headerLength = length < 126 ? 2 : 4; // up to PREPARED_MAX_BYTES: a 16-bit length
  const wire = Buffer.allocUnsafe(headerLength + length);
  wire[0] = 0x82; // FIN, opcode 2 (binary)
  if (length < 126) wire[1] = length;
  else {
    wire[1] = 126;
    wire.writeUInt16BE(length, 2);
  }
  wire.set(frame, headerLength);
  lastFrame = frame;
  lastWire = wire;
  return wire;
}

// `ws` calls listeners with the socket as `this`; every socket of the server is a SyncSocket.
function onMessage(this: WebSocket, data: Buffer, isBinary: boolean): void {
  const socket = this as SyncSocket;
  const { handle, identity } = socket;
  if (!handle) return;
  if (!isBinary) {
    handle.receiveText();
    return;
  }
  // Typing is activity; presence heartbeats are not (an open tab must not live forever).
  const session = identity?.session;
  if (session && isDocumentUpdate(data)) void socket.server?.sessions.touch(session);
  // ws hands out views into the socket's read buffer: copy, so an update waiting for its commit
  // does not pin a whole chunk of the stream.
  handle.receive(new Uint8Array(data));
}

function onClose(this: WebSocket): void {
  const socket = this as SyncSocket;
  socket.handle?.closed();
  if (socket.identity) socket.server?.identities.release(socket.identity);
  socket.identity = null;
}

/** A sync step 2 or update frame: the person changed the document. */
function isDocumentUpdate(data: Uint8Array): boolean {
  return data.byteLength >= 2 && data[0] === 0 && (data[1] === 1 || data[1] === 2);
}
