import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { CloseCode } from '@accord/sync';
import { parse as parseCookies } from 'hono/utils/cookie';
import { SESSION_COOKIE } from './auth/sessions.ts';
import { admitSocket, type SyncEndpointDeps, type SyncRequest } from './sync-endpoint.ts';
import { SyncSocket } from './sync-socket.ts';
import { checkHandshake, refuseUpgrade as reject, switchingProtocols } from './websocket/index.ts';

const SYNC_PATH = /^\/sync\/([^/]+)$/;

/**
 * Websocket upgrades are answered here, not through Hono: Hono's `upgradeWebSocket` keeps the
 * request's context, headers and URLs alive as long as the socket (~13 KiB per idle tab, measured
 * by `pnpm bench memory`). Here the request is read once into a `SyncRequest` and dropped. Answers
 * before the upgrade: 404 for any path but `/sync/:documentId`, 403 for a foreign Origin, 400/426
 * for a handshake that is not RFC 6455's; everything else (session, ticket, document, role,
 * limits) is decided by the admission and told with a close code after it.
 */
export function handleSyncUpgrades(server: Server, deps: SyncEndpointDeps): void {
  server.on('upgrade', function syncUpgrade(request: IncomingMessage, socket: Duplex, head) {
    // A client that goes away during the admission must not crash the server.
    socket.on('error', ignore);
    const handshake = checkHandshake(request);
    if (!handshake.ok) {
      reject(socket, handshake.status, handshake.body, handshake.headers);
      return;
    }
    const refusal = refuse(request, deps.allowedOrigins);
    if (refusal) {
      reject(socket, refusal.status, refusal.body);
      return;
    }
    const syncRequest = readRequest(request);
    if (!syncRequest) {
      reject(socket, 404, 'Not found');
      return;
    }
    admitSocket(deps, syncRequest).then(
      (open) => {
        if (socket.destroyed) return;
        // Admitted while the server was stopping: the sync core has already closed its sockets.
        if (!deps.accepting) {
          reject(socket, 503, 'Server stopping');
          return;
        }
        socket.off('error', ignore);
        socket.write(switchingProtocols(handshake.key));
        const ws = new SyncSocket(socket as Socket, head, deps);
        try {
          open(ws);
        } catch (error) {
          console.error('[sync] opening the socket failed', error);
          ws.close(CloseCode.internalError, 'internal error');
        }
      },
      (error: unknown) => {
        console.error('[sync] admission failed', error);
        reject(socket, 500, 'Internal error');
      },
    );
  });
}

function refuse(
  request: IncomingMessage,
  allowedOrigins: readonly string[],
): { status: number; body: string } | null {
  // Cross-site websocket hijacking: the browser would send the victim's cookie. Browsers always
  // send Origin on a websocket handshake; other clients authenticate with a ticket or cookie.
  const origin = request.headers.origin;
  if (!origin) return null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return { status: 403, body: 'Forbidden origin' };
  }
  if (host === request.headers.host || allowedOrigins.includes(origin)) return null;
  return { status: 403, body: 'Forbidden origin' };
}

/** The document, the query and the session cookie; null for a path that is not a sync socket. */
function readRequest(request: IncomingMessage): SyncRequest | null {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const match = SYNC_PATH.exec(url.pathname);
  if (!match) return null;
  let documentId: string;
  try {
    documentId = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  const cookie = request.headers.cookie;
  return {
    documentId,
    // Clients announce Accord's extensions (durable acks, refusals) with `?accord=1`; a stock
    // y-websocket client gets the plain protocol.
    extensions: url.searchParams.get('accord') === '1',
    ticket: url.searchParams.get('ticket') ?? undefined,
    sessionToken: cookie ? parseCookies(cookie, SESSION_COOKIE)[SESSION_COOKIE] : undefined,
  };
}

function ignore(): void {}
