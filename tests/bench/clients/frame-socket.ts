import { createHash, randomBytes, randomFillSync } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * The client side of a websocket (RFC 6455) with as little work per received frame as Node
 * allows: the socket reads into one buffer shared by every client (`onread`, no stream, no
 * `data` event, no copy of what is not kept), and a frame costs one header parse and one
 * callback. The benchmark's receivers are thousands of these in one process; with `ws` the
 * harness, not the server, was the bottleneck at about 150 people typing at once.
 *
 * What a benchmark client needs and nothing more: binary messages (a text message is delivered
 * as bytes too), fragmented messages, ping → pong, the close handshake. No extensions (the
 * handshake offers none), no UTF-8 validation.
 */

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** Reads land here, one socket at a time: everything kept is copied out before the next read. */
const READ_BUFFER = Buffer.allocUnsafe(256 * 1024);
const MAX_HEAD_BYTES = 16 * 1024;

const Opcode = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;

export interface FrameSocketEvents {
  /** A complete message; `data` is the socket's own copy. `receivedAt` is when its last bytes were read. */
  onMessage: (data: Buffer, receivedAt: number) => void;
  onOpen: () => void;
  /** The handshake failed or the connection broke before it completed. */
  onError: (error: Error) => void;
  /** The connection ended: the peer's close code, 1005 when its close frame had none, 1006 when there was no close frame. */
  onClose: (code: number) => void;
}

export class FrameSocket {
  readonly #socket: Socket;
  readonly #events: FrameSocketEvents;
  readonly #key = randomBytes(16).toString('base64');
  /** Response head until the upgrade completes, then an incomplete frame, carried between reads. */
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  /** Bytes the incomplete frame needs in all, once its header has been read (else 0). */
  #needed = 0;
  /** Payload pieces of a fragmented message. */
  #fragments: Buffer[] = [];
  #state: 'connecting' | 'open' | 'closing' | 'closed' = 'connecting';
  #closeCode = 1006;

  constructor(url: string, headers: Record<string, string>, events: FrameSocketEvents) {
    const target = new URL(url);
    if (target.protocol !== 'ws:') throw new Error(`FrameSocket speaks ws:// only, not ${url}`);
    this.#events = events;
    this.#socket = connect({
      host: target.hostname,
      port: Number(target.port || 80),
      noDelay: true,
      onread: {
        buffer: READ_BUFFER,
        callback: (length: number, buffer: Uint8Array) => {
          this.#read(buffer as Buffer, length);
          return true;
        },
      },
    });
    const head = [
      `GET ${target.pathname}${target.search} HTTP/1.1`,
      `Host: ${target.host}`,
      'Connection: Upgrade',
      'Upgrade: websocket',
      'Sec-WebSocket-Version: 13',
      `Sec-WebSocket-Key: ${this.#key}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      '',
      '',
    ].join('\r\n');
    this.#socket.write(head);
    this.#socket.on('error', (error) => {
      if (this.#state === 'connecting') this.#events.onError(error);
    });
    this.#socket.on('close', () => {
      const wasConnecting = this.#state === 'connecting';
      this.#state = 'closed';
      if (wasConnecting)
        this.#events.onError(new Error(`connection to ${url} closed before the upgrade`));
      this.#events.onClose(this.#closeCode);
    });
  }

  get isOpen(): boolean {
    return this.#state === 'open';
  }

  get isClosed(): boolean {
    return this.#state === 'closed';
  }

  /** Sends one binary message in one masked frame. */
  send(payload: Uint8Array): void {
    if (this.#state !== 'open') return;
    this.#socket.write(maskedFrame(Opcode.binary, payload));
  }

  /** Starts the close handshake; the server's close frame (or `terminate`) ends the connection. */
  close(code = 1000): void {
    if (this.#state !== 'open') {
      if (this.#state === 'connecting') this.terminate();
      return;
    }
    this.#state = 'closing';
    const body = Buffer.allocUnsafe(2);
    body.writeUInt16BE(code);
    this.#socket.write(maskedFrame(Opcode.close, body));
  }

  terminate(): void {
    this.#socket.destroy();
  }

  #read(chunk: Buffer, length: number): void {
    const receivedAt = performance.now();
    let data = chunk.subarray(0, length);
    if (this.#pendingBytes > 0) {
      // A large message arrives over many reads: copy each once, join them once it is complete.
      if (this.#pendingBytes + length < this.#needed) {
        this.#keep(data);
        return;
      }
      data = Buffer.concat([...this.#pending, data]);
      this.#pending = [];
      this.#pendingBytes = 0;
      this.#needed = 0;
    }
    if (this.#state === 'connecting') {
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) {
        if (data.length > MAX_HEAD_BYTES) this.#fail('upgrade response head too large');
        else this.#keep(data);
        return;
      }
      const failure = this.#checkUpgrade(data.toString('latin1', 0, end));
      if (failure) {
        this.#fail(failure);
        return;
      }
      this.#state = 'open';
      this.#events.onOpen();
      data = data.subarray(end + 4);
    }
    let offset = 0;
    while (offset < data.length && this.#state !== 'closed') {
      const used = this.#frame(data, offset, receivedAt);
      if (used === 0) break;
      offset += used;
    }
    if (offset < data.length) {
      this.#needed = frameSize(data, offset);
      this.#keep(data.subarray(offset));
    }
  }

  #keep(data: Buffer): void {
    this.#pending.push(Buffer.from(data));
    this.#pendingBytes += data.length;
  }

  /** Handles the frame at `offset`; returns the bytes it used, 0 when it is not complete yet. */
  #frame(data: Buffer, offset: number, receivedAt: number): number {
    const size = frameSize(data, offset);
    if (size === 0 || data.length - offset < size) return 0;
    const first = data[offset]!;
    if (data[offset + 1]! & 0x80) {
      this.#fail('the server masked a frame');
      return size;
    }
    const header = headerSize(data[offset + 1]! & 0x7f);
    const length = size - header;
    const payload = data.subarray(offset + header, offset + header + length);
    const fin = (first & 0x80) !== 0;
    const opcode = first & 0x0f;
    if (opcode === Opcode.binary || opcode === Opcode.text || opcode === Opcode.continuation) {
      if (!fin) this.#fragments.push(Buffer.from(payload));
      else if (this.#fragments.length > 0) {
        const message = Buffer.concat([...this.#fragments, payload]);
        this.#fragments = [];
        this.#events.onMessage(message, receivedAt);
      } else this.#events.onMessage(Buffer.from(payload), receivedAt);
    } else if (opcode === Opcode.ping) {
      this.#socket.write(maskedFrame(Opcode.pong, payload));
    } else if (opcode === Opcode.close) {
      this.#closeCode = length >= 2 ? payload.readUInt16BE(0) : 1005;
      // Answer a close the server started; ours was already sent. Either way the server ends TCP.
      if (this.#state === 'open')
        this.#socket.write(maskedFrame(Opcode.close, payload.subarray(0, 2)));
      this.#state = 'closing';
      this.#socket.end();
    }
    return header + length;
  }

  #checkUpgrade(head: string): string | null {
    const [status, ...lines] = head.split('\r\n');
    if (!/^HTTP\/1\.1 101\b/.test(status ?? '')) return `upgrade refused: ${status}`;
    const accept = lines
      .find((line) => line.toLowerCase().startsWith('sec-websocket-accept:'))
      ?.slice('sec-websocket-accept:'.length)
      .trim();
    const expected = createHash('sha1')
      .update(this.#key + GUID)
      .digest('base64');
    return accept === expected ? null : 'wrong Sec-WebSocket-Accept';
  }

  #fail(reason: string): void {
    if (this.#state === 'connecting') this.#events.onError(new Error(reason));
    this.#state = 'closed';
    this.#socket.destroy();
  }
}

function headerSize(lengthField: number): number {
  return lengthField < 126 ? 2 : lengthField === 126 ? 4 : 10;
}

/** Header plus payload of the (unmasked) frame at `offset`, or 0 while its header is incomplete. */
function frameSize(data: Buffer, offset: number): number {
  const available = data.length - offset;
  if (available < 2) return 0;
  const lengthField = data[offset + 1]! & 0x7f;
  const header = headerSize(lengthField);
  if (available < header) return 0;
  if (header === 2) return 2 + lengthField;
  if (header === 4) return 4 + data.readUInt16BE(offset + 2);
  return 10 + Number(data.readBigUInt64BE(offset + 2));
}

/** Random masking keys, drawn in batches: a fresh key per frame, as RFC 6455 asks of clients. */
const maskPool = Buffer.allocUnsafe(4 * 1024);
let maskOffset = maskPool.length;

function maskedFrame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + 4 + length);
  frame[0] = 0x80 | opcode;
  if (header === 2) frame[1] = 0x80 | length;
  else if (header === 4) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  if (maskOffset === maskPool.length) {
    randomFillSync(maskPool);
    maskOffset = 0;
  }
  const maskAt = header;
  maskPool.copy(frame, maskAt, maskOffset, maskOffset + 4);
  maskOffset += 4;
  const dataAt = header + 4;
  for (let i = 0; i < length; i++) frame[dataAt + i] = payload[i]! ^ frame[maskAt + (i & 3)]!;
  return frame;
}
