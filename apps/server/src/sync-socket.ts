import type { Socket } from 'node:net';
import type { ConnectionHandle } from '@accord/sync';
import type { Sessions } from './auth/sessions.ts';
import type { SocketIdentities, SocketIdentity } from './sync-identity.ts';
import { ServerWebSocket, type WebSocketLimits } from './websocket/index.ts';

/** What every socket of one server shares. */
export interface SyncSocketHost {
  sessions: Sessions;
  identities: SocketIdentities;
  limits: WebSocketLimits;
  /** Every socket from its upgrade to its close, admitted or refused: stopping ends them all. */
  open: Set<SyncSocket>;
}

/**
 * The websocket of one tab on one document: the sync core's transport (`send`, `close`) and the
 * relay of what the tab sends into it. Everything a socket of the server shares lives in its
 * `host`; what is per socket is three references, so an idle tab costs little more than its TCP
 * socket (`pnpm bench memory`).
 */
export class SyncSocket extends ServerWebSocket {
  handle: ConnectionHandle | null = null;
  identity: SocketIdentity | null = null;
  readonly host: SyncSocketHost;

  /** Right after the upgrade, before the admission's verdict: the host knows it until it closes. */
  constructor(socket: Socket, head: Buffer, host: SyncSocketHost) {
    super(socket, head, host.limits);
    this.host = host;
    host.open.add(this);
  }

  /** Starts relaying frames between this socket and the sync core. */
  attach(handle: ConnectionHandle, identity: SocketIdentity): void {
    this.handle = handle;
    this.identity = identity;
  }

  protected override received(data: Buffer, binary: boolean): void {
    const { handle, identity } = this;
    if (!handle) return;
    if (!binary) {
      handle.receiveText();
      return;
    }
    // Typing is activity; presence heartbeats are not (an open tab must not live forever).
    const session = identity?.session;
    if (session && isDocumentUpdate(data)) {
      this.host.sessions.touch(session).catch(logTouchFailure);
    }
    // `data` is a view into what the socket read: copy, so an update waiting for its commit does
    // not pin a whole chunk of the stream.
    handle.receive(new Uint8Array(data));
  }

  protected override closed(): void {
    this.host.open.delete(this);
    this.handle?.closed();
    if (this.identity) this.host.identities.release(this.identity);
    this.identity = null;
  }
}

function logTouchFailure(error: unknown): void {
  console.error('[sync] could not record activity on the session', error);
}

/** A sync step 2 or update frame: the person changed the document. */
function isDocumentUpdate(data: Uint8Array): boolean {
  return data.byteLength >= 2 && data[0] === 0 && (data[1] === 1 || data[1] === 2);
}
