/**
 * What the server writes on a websocket (RFC 6455 §5.2): unmasked frames, FIN set, no extension.
 */

export const Opcode = {
  continuation: 0x0,
  text: 0x1,
  binary: 0x2,
  close: 0x8,
  ping: 0x9,
  pong: 0xa,
} as const;

/** Close codes of RFC 6455 §7.4.1 that the server sends or reads. */
export const WebSocketCloseCode = {
  normal: 1000,
  protocolError: 1002,
  /** A close frame without a status code (never sent in a frame). */
  noStatus: 1005,
  invalidPayload: 1007,
  policyViolation: 1008,
  messageTooBig: 1009,
} as const;

/** A close frame's reason is at most 123 bytes (control frames carry at most 125). */
const MAX_REASON_BYTES = 123;

/** Bytes of the header of an unmasked frame carrying `length` bytes. */
function headerBytes(length: number): number {
  return length < 126 ? 2 : length <= 0xffff ? 4 : 10;
}

/**
 * Writes the header of an unmasked frame of `opcode` carrying `length` bytes into `target` at
 * `at`; returns where the payload starts.
 */
function writeHeader(target: Buffer, opcode: number, length: number, at = 0): number {
  target[at] = 0x80 | opcode;
  if (length < 126) {
    target[at + 1] = length;
    return at + 2;
  }
  if (length <= 0xffff) {
    target[at + 1] = 126;
    target.writeUInt16BE(length, at + 2);
    return at + 4;
  }
  target[at + 1] = 127;
  target.writeUInt32BE(Math.floor(length / 2 ** 32), at + 2);
  target.writeUInt32BE(length >>> 0, at + 6);
  return at + 10;
}

/** The header of an unmasked frame of `opcode` carrying `length` bytes. */
export function frameHeader(opcode: number, length: number): Buffer {
  const header = Buffer.allocUnsafe(headerBytes(length));
  writeHeader(header, opcode, length);
  return header;
}

/** Header and payload in one buffer, for frames small enough that copying beats two writes. */
export function wholeFrame(opcode: number, payload: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(headerBytes(payload.byteLength) + payload.byteLength);
  frame.set(payload, writeHeader(frame, opcode, payload.byteLength));
  return frame;
}

/** Frames up to this size are copied behind their header and written once (see `binaryFrame`). */
export const SMALL_FRAME_BYTES = 0xffff;

let lastPayload: Uint8Array | null = null;
let lastFrame: Buffer | null = null;

/**
 * The binary frame carrying `payload`, at most SMALL_FRAME_BYTES. A broadcast sends the same
 * payload object to every receiver in a row: the frame is built once and the same bytes written to
 * each socket.
 */
export function binaryFrame(payload: Uint8Array): Buffer {
  if (payload === lastPayload && lastFrame) return lastFrame;
  lastFrame = wholeFrame(Opcode.binary, payload);
  lastPayload = payload;
  return lastFrame;
}

let lastBatch: readonly Uint8Array[] | null = null;
let lastBatchFrames: Buffer | null = null;

/**
 * The binary frames carrying `payloads`, back to back in one buffer, or null when they add up to
 * more than SMALL_FRAME_BYTES. Like `binaryFrame`, built once for a batch sent to many sockets.
 */
export function binaryFrames(payloads: readonly Uint8Array[]): Buffer | null {
  if (payloads === lastBatch && lastBatchFrames) return lastBatchFrames;
  let total = 0;
  for (const payload of payloads) total += headerBytes(payload.byteLength) + payload.byteLength;
  if (total > SMALL_FRAME_BYTES) return null;
  const frames = Buffer.allocUnsafe(total);
  let at = 0;
  for (const payload of payloads) {
    at = writeHeader(frames, Opcode.binary, payload.byteLength, at);
    frames.set(payload, at);
    at += payload.byteLength;
  }
  lastBatch = payloads;
  lastBatchFrames = frames;
  return frames;
}

/** A close frame; code 1005 (none) gives an empty one. The reason is cut to fit, never mid-character. */
export function closeFrame(code: number, reason: string): Buffer {
  if (code === WebSocketCloseCode.noStatus) return frameHeader(Opcode.close, 0);
  const text = Buffer.from(reason);
  let end = Math.min(text.byteLength, MAX_REASON_BYTES);
  // Back to the start of a character: UTF-8 continuation bytes are 10xxxxxx.
  if (end < text.byteLength) while (end > 0 && (text[end]! & 0xc0) === 0x80) end--;
  const payload = Buffer.allocUnsafe(2 + end);
  payload.writeUInt16BE(code, 0);
  text.copy(payload, 2, 0, end);
  return wholeFrame(Opcode.close, payload);
}

/** Whether a peer may send `code` in a close frame (RFC 6455 §7.4, IANA registry). */
export function isValidCloseCode(code: number): boolean {
  return (
    (code >= 1000 && code <= 1003) ||
    (code >= 1007 && code <= 1014) ||
    (code >= 3000 && code <= 4999)
  );
}
