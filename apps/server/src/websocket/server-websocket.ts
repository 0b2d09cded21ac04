import { isUtf8 } from 'node:buffer';
import type { Socket } from 'node:net';
import {
  binaryFrame,
  binaryFrames,
  closeFrame,
  frameHeader,
  isValidCloseCode,
  Opcode,
  SMALL_FRAME_BYTES,
  WebSocketCloseCode,
  wholeFrame,
} from './wire.ts';

/** What every socket of one server shares (one object, not fields per socket). */
export interface WebSocketLimits {
  /** Largest message, whole (fragments added up); a larger one closes the socket with 1009. */
  maxMessageBytes: number;
  /**
   * Bytes written to a peer that does not read them, beyond which the socket is dropped: a tab
   * that cannot keep up resynchronises when it reconnects, instead of the server holding its
   * backlog.
   */
  maxBufferedBytes: number;
  /** How long a close waits for the peer's own close frame before dropping the connection. */
  closeTimeoutMs: number;
}

/**
 * Frames one message may be split into. Browsers never split what they send; a client sending
 * thousands of (possibly empty) fragments only makes the server hold them.
 */
const MAX_FRAGMENTS = 1_024;
/**
 * Pongs the server may owe a peer that does not read them: past this, it is flooding pings and is
 * dropped (each pong queued behind an unread backlog costs memory the byte count does not show).
 */
const MAX_UNFLUSHED_PONGS = 64;

enum State {
  Open,
  /** The server sent its close frame and reads on, waiting for the peer's. */
  Closing,
  /** Nothing more is read: the close handshake is done or the peer broke the protocol. */
  Ending,
  Closed,
}

/** The socket's websocket, for the listeners below: shared functions, not closures per socket. */
const owner = Symbol('websocket');
type OwnedSocket = Socket & { [owner]: ServerWebSocket };

/**
 * The server side of a websocket (RFC 6455) over a socket whose upgrade was accepted: binary and
 * text messages, fragmentation, ping → pong, the close handshake, and the checks a server owes
 * (masked frames, reserved bits, control frame sizes, close codes, UTF-8 text, message size). No
 * extension, no subprotocol. What a peer can make the server hold is bounded: a message's size and
 * fragments, an incomplete frame (one buffer of its declared size, itself bounded), the backlog of
 * a peer that does not read, the pongs owed to one that floods pings.
 *
 * Why not `ws`: an idle `ws` socket is a WebSocket, a Receiver (a Writable stream with its own
 * state and bound callback), a Sender and their listeners, about 1.2 KiB of heap, most of what an
 * idle tab costs the server (`pnpm bench memory`). This is one object over the TCP socket; the
 * parsing works on the chunks Node reads, copying only what spans two of them.
 */
export abstract class ServerWebSocket {
  readonly #socket: OwnedSocket;
  readonly #limits: WebSocketLimits;
  #state = State.Open;
  /**
   * An incomplete frame: once its header is known, a buffer of the frame's size being filled;
   * before that, the few bytes of header read so far.
   */
  #partial: Buffer | null = null;
  #partialBytes = 0;
  /** Bytes the incomplete frame needs, once its header is known (0 while it is not). */
  #needed = 0;
  /** The pieces of a fragmented message (copies), and its first frame's opcode. */
  #fragments: Buffer[] | null = null;
  #fragmentsBytes = 0;
  #fragmentsOpcode = 0;
  #unflushedPongs = 0;
  #closeTimer: NodeJS.Timeout | null = null;

  /**
   * Takes over a socket after the 101 response was written. `head` holds what the client sent
   * after its handshake; it is read once the constructor has returned, like everything after it.
   */
  constructor(socket: Socket, head: Buffer, limits: WebSocketLimits) {
    this.#socket = socket as OwnedSocket;
    this.#socket[owner] = this;
    this.#limits = limits;
    socket.setTimeout(0);
    socket.setNoDelay(true);
    if (head.byteLength > 0) socket.unshift(head);
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('close', onClose);
    socket.on('error', ignore);
  }

  /** A whole message from the peer. `data` is a view into what was read: copy what you keep. */
  protected abstract received(data: Buffer, binary: boolean): void;

  /** The connection is gone (after a close handshake or not); called once. */
  protected abstract closed(): void;

  get isOpen(): boolean {
    return this.#state === State.Open;
  }

  /**
   * Sends a binary message, or several in one write (see Outgoing in the sync core); nothing once
   * the socket is closing.
   */
  send(data: Uint8Array | readonly Uint8Array[]): void {
    if (this.#state !== State.Open) return;
    const socket = this.#socket;
    if (socket.writableLength > this.#limits.maxBufferedBytes) {
      this.terminate();
      return;
    }
    if (data instanceof Uint8Array) {
      this.#sendMessage(data);
      return;
    }
    const frames = binaryFrames(data);
    if (frames) {
      socket.write(frames);
      return;
    }
    socket.cork();
    for (const message of data) this.#sendMessage(message);
    socket.uncork();
  }

  #sendMessage(data: Uint8Array): void {
    const socket = this.#socket;
    if (data.byteLength <= SMALL_FRAME_BYTES) {
      socket.write(binaryFrame(data));
      return;
    }
    // A large message (a joiner's whole document): its header, then its bytes, not copied.
    socket.cork();
    socket.write(frameHeader(Opcode.binary, data.byteLength));
    socket.write(data);
    socket.uncork();
  }

  /** Starts the close handshake: the peer answers, or the connection drops after a timeout. */
  close(code: number, reason: string): void {
    if (this.#state !== State.Open) return;
    this.#state = State.Closing;
    this.#socket.write(closeFrame(code, reason));
    this.#closeTimer = setTimeout(destroy, this.#limits.closeTimeoutMs, this.#socket);
  }

  /** Drops the connection at once, without a close handshake; nothing more is read. */
  terminate(): void {
    this.#stopReading();
    this.#socket.destroy();
  }

  /** @internal Called by the socket's `data` listener. */
  read(chunk: Buffer): void {
    if (this.#state >= State.Ending) return;
    let data = chunk;
    const partial = this.#partial;
    if (partial && this.#needed > 0) {
      // The frame's buffer is filled, then parsed alone; what follows it is parsed after.
      const taken = Math.min(chunk.byteLength, this.#needed - this.#partialBytes);
      chunk.copy(partial, this.#partialBytes, 0, taken);
      this.#partialBytes += taken;
      if (this.#partialBytes < this.#needed) return;
      this.#partial = null;
      this.#parse(partial);
      if (taken === chunk.byteLength || this.#state >= State.Ending) return;
      data = chunk.subarray(taken);
    } else if (partial) {
      // At most 13 bytes of header so far.
      data = Buffer.concat([partial.subarray(0, this.#partialBytes), chunk]);
      this.#partial = null;
    }
    const rest = this.#parse(data);
    if (rest === data.byteLength || this.#state >= State.Ending) return;
    // The incomplete frame is copied out: the chunk it came in may be much larger.
    const size = this.#needed > 0 ? this.#needed : data.byteLength - rest;
    this.#partial = Buffer.allocUnsafe(size);
    this.#partialBytes = data.copy(this.#partial, 0, rest);
  }

  /** Handles every complete frame of `data`; returns where the incomplete one starts. */
  #parse(data: Buffer): number {
    let at = 0;
    this.#needed = 0;
    while (this.#state < State.Ending) {
      const available = data.byteLength - at;
      if (available < 2) break;
      const first = data[at]!;
      const second = data[at + 1]!;
      const fin = (first & 0x80) !== 0;
      const opcode = first & 0x0f;
      let headerBytes = 2;
      let length = second & 0x7f;
      if (length === 126) {
        if (available < 4) break;
        length = data.readUInt16BE(at + 2);
        headerBytes = 4;
      } else if (length === 127) {
        if (available < 10) break;
        const high = data.readUInt32BE(at + 2);
        // Past 2^53 a length is not even a number; far past any limit anyway.
        length =
          high > 0x1fffff ? Number.POSITIVE_INFINITY : high * 2 ** 32 + data.readUInt32BE(at + 6);
        headerBytes = 10;
      }
      const refusal = this.#check(first, second, opcode, fin, length);
      if (refusal) {
        this.#fail(refusal.code, refusal.reason);
        break;
      }
      headerBytes += 4; // the mask
      if (available < headerBytes + length) {
        this.#needed = headerBytes + length;
        break;
      }
      const payload = data.subarray(at + headerBytes, at + headerBytes + length);
      unmask(payload, data, at + headerBytes - 4);
      at += headerBytes + length;
      this.#frame(opcode, fin, payload);
    }
    return at;
  }

  /** What is wrong with a frame header, if anything (RFC 6455 §5.2, §5.4, §5.5). */
  #check(
    first: number,
    second: number,
    opcode: number,
    fin: boolean,
    length: number,
  ): { code: number; reason: string } | null {
    const protocolError = (reason: string) => ({ code: WebSocketCloseCode.protocolError, reason });
    if ((second & 0x80) === 0) return protocolError('client frames must be masked');
    if ((first & 0x70) !== 0) return protocolError('reserved bits set, no extension agreed');
    if (opcode >= 0x8) {
      if (opcode > Opcode.pong) return protocolError(`unknown opcode ${opcode}`);
      // The 7-bit length itself: a control frame may not use the longer forms at all.
      if (!fin || (second & 0x7f) > 125) {
        return protocolError('control frames are single and short');
      }
      return null;
    }
    if (opcode > Opcode.binary) return protocolError(`unknown opcode ${opcode}`);
    if (opcode === Opcode.continuation && !this.#fragments) {
      return protocolError('continuation frame without a message');
    }
    if (opcode !== Opcode.continuation && this.#fragments) {
      return protocolError('new message before the last one ended');
    }
    if (length + this.#fragmentsBytes > this.#limits.maxMessageBytes) {
      return { code: WebSocketCloseCode.messageTooBig, reason: 'message too big' };
    }
    if (this.#fragments && this.#fragments.length >= MAX_FRAGMENTS) {
      return { code: WebSocketCloseCode.policyViolation, reason: 'message in too many fragments' };
    }
    return null;
  }

  #frame(opcode: number, fin: boolean, payload: Buffer): void {
    switch (opcode) {
      case Opcode.ping:
        this.#pong(payload);
        return;
      case Opcode.pong:
        return;
      case Opcode.close:
        this.#peerClosed(payload);
        return;
    }
    if (opcode !== Opcode.continuation) {
      if (fin) {
        this.#deliver(payload, opcode === Opcode.binary);
        return;
      }
      // Copies: a view would keep the whole chunk it came in until the message ends.
      this.#fragments = [Buffer.from(payload)];
      this.#fragmentsBytes = payload.byteLength;
      this.#fragmentsOpcode = opcode;
      return;
    }
    this.#fragments!.push(Buffer.from(payload));
    this.#fragmentsBytes += payload.byteLength;
    if (!fin) return;
    const whole = Buffer.concat(this.#fragments!, this.#fragmentsBytes);
    this.#fragments = null;
    this.#fragmentsBytes = 0;
    this.#deliver(whole, this.#fragmentsOpcode === Opcode.binary);
  }

  #deliver(data: Buffer, binary: boolean): void {
    // After its close frame the server takes nothing more from the peer.
    if (this.#state !== State.Open) return;
    if (!binary && !isUtf8(data)) {
      this.#fail(WebSocketCloseCode.invalidPayload, 'text message is not UTF-8');
      return;
    }
    this.received(data, binary);
  }

  /** Answers a ping, unless the peer keeps pinging while reading nothing (then it is dropped). */
  #pong(payload: Buffer): void {
    if (this.#state !== State.Open) return;
    const socket = this.#socket;
    if (socket.writableLength === 0) this.#unflushedPongs = 0;
    else if (++this.#unflushedPongs > MAX_UNFLUSHED_PONGS) {
      this.terminate();
      return;
    }
    socket.write(wholeFrame(Opcode.pong, payload));
  }

  #peerClosed(payload: Buffer): void {
    let code: number = WebSocketCloseCode.noStatus;
    if (payload.byteLength > 0) {
      // A 1-byte payload has half a code: as invalid as a bad one.
      code = payload.byteLength === 1 ? 0 : payload.readUInt16BE(0);
      if (!isValidCloseCode(code)) {
        this.#fail(WebSocketCloseCode.protocolError, 'invalid close code');
        return;
      }
      if (!isUtf8(payload.subarray(2))) {
        this.#fail(WebSocketCloseCode.invalidPayload, 'close reason is not UTF-8');
        return;
      }
    }
    // Echo the peer's close (RFC 6455 §5.5.1) unless ours went first; then the server ends TCP.
    if (this.#state === State.Open) this.#socket.write(closeFrame(code, ''));
    this.#end();
  }

  /** The peer broke the protocol: tell it why, read nothing more, end the connection. */
  #fail(code: number, reason: string): void {
    if (this.#state === State.Open) this.#socket.write(closeFrame(code, reason));
    this.#end();
  }

  /** Ends TCP from this side; a peer that never ends its own is dropped after the timeout. */
  #end(): void {
    this.#stopReading();
    this.#socket.end();
    this.#closeTimer ??= setTimeout(destroy, this.#limits.closeTimeoutMs, this.#socket);
  }

  #stopReading(): void {
    if (this.#state < State.Ending) this.#state = State.Ending;
    this.#partial = null;
    this.#fragments = null;
  }

  /** @internal The peer ended its side, with a close frame before it or not. */
  peerEnded(): void {
    if (this.#state < State.Closed) this.#end();
  }

  /** @internal The TCP connection is closed. */
  socketClosed(): void {
    if (this.#state === State.Closed) return;
    this.#state = State.Closed;
    if (this.#closeTimer) clearTimeout(this.#closeTimer);
    this.#closeTimer = null;
    this.#partial = null;
    this.#fragments = null;
    this.closed();
  }
}

/** Unmasks `payload` in place with the 4-byte key at `data[maskAt]` (RFC 6455 §5.3). */
function unmask(payload: Buffer, data: Buffer, maskAt: number): void {
  const m0 = data[maskAt]!;
  const m1 = data[maskAt + 1]!;
  const m2 = data[maskAt + 2]!;
  const m3 = data[maskAt + 3]!;
  const length = payload.byteLength;
  let i = 0;
  for (; i + 3 < length; i += 4) {
    payload[i] = payload[i]! ^ m0;
    payload[i + 1] = payload[i + 1]! ^ m1;
    payload[i + 2] = payload[i + 2]! ^ m2;
    payload[i + 3] = payload[i + 3]! ^ m3;
  }
  for (; i < length; i++) payload[i] = payload[i]! ^ data[maskAt + (i & 3)]!;
}

function onData(this: OwnedSocket, chunk: Buffer): void {
  this[owner].read(chunk);
}

function onEnd(this: OwnedSocket): void {
  this[owner].peerEnded();
}

function onClose(this: OwnedSocket): void {
  this[owner].socketClosed();
}

function destroy(socket: Socket): void {
  socket.destroy();
}

function ignore(): void {}
