import { createHash } from 'node:crypto';
import { type IncomingMessage, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** 16 random bytes in base64 (RFC 6455 §4.1). */
const KEY = /^[+/0-9A-Za-z]{22}==$/;

export type HandshakeCheck =
  | { ok: true; key: string }
  | { ok: false; status: number; body: string; headers?: Record<string, string> };

/**
 * Checks an upgrade request against RFC 6455 §4.2.1. The server negotiates no extension
 * (permessage-deflate would cost every socket a compressor) and no subprotocol: a client that
 * offers them gets a plain websocket, as the RFC allows.
 */
export function checkHandshake(request: IncomingMessage): HandshakeCheck {
  if (request.method !== 'GET') return { ok: false, status: 405, body: 'Websockets open with GET' };
  if (request.headers.upgrade?.toLowerCase() !== 'websocket') {
    return { ok: false, status: 400, body: 'Only websocket upgrades' };
  }
  if (request.headers['sec-websocket-version'] !== '13') {
    return {
      ok: false,
      status: 426,
      body: 'Websocket version 13 only',
      headers: { 'Sec-WebSocket-Version': '13' },
    };
  }
  const key = request.headers['sec-websocket-key']?.trim();
  if (!key || !KEY.test(key)) {
    return { ok: false, status: 400, body: 'Missing or invalid Sec-WebSocket-Key' };
  }
  return { ok: true, key };
}

/** The response that opens the websocket whose handshake carried `key`. */
export function switchingProtocols(key: string): string {
  const accept = createHash('sha1')
    .update(key + GUID)
    .digest('base64');
  return (
    'HTTP/1.1 101 Switching Protocols\r\n' +
    'Upgrade: websocket\r\n' +
    'Connection: Upgrade\r\n' +
    `Sec-WebSocket-Accept: ${accept}\r\n\r\n`
  );
}

/**
 * Answers an upgrade with an HTTP error and closes the connection once the answer is written.
 * After an `upgrade` event Node's HTTP server no longer watches the socket (no parser, no
 * timeouts), so a client that never closes its side would otherwise keep it for good.
 */
export function refuseUpgrade(
  socket: Duplex,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  if (socket.destroyed) return;
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.once('finish', destroyWhenWritten);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${extra}` +
      `Connection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function destroyWhenWritten(this: Duplex): void {
  this.destroy();
}
