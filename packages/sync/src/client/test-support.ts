/**
 * Shared by the client's tests (not itself a test file): a WebSocket class that connects
 * `connectDocument` to an in-process SyncServer, so the real client and the real sync core talk
 * the real protocol without a network. Frames cross asynchronously, as they would over a socket.
 */
import type { SyncServer } from '../server/sync-server.ts';
import { type ConnectionHandle, messagesOf } from '../server/transport.ts';

/** What the server decides about the next socket of a person, like the upgrade would. */
export interface InProcessAccess {
  readOnly: boolean;
  role?: string;
  /** The connection's tags, as the upgrade would set them (for `sendEvent`, `closeWhere`). */
  tags?: Record<string, string>;
}

export interface InProcessNetwork {
  /** Pass as `WebSocketPolyfill`. */
  WebSocket: typeof WebSocket;
  /** Every socket opened so far, newest last. */
  readonly sockets: InProcessSocket[];
  /** Frames the client sent on any socket, in order. */
  readonly sent: Uint8Array[];
  /** The server closes every open socket with `code` (e.g. 4500 after a role change). */
  closeAll(code: number, reason?: string): void;
}

export interface InProcessSocket {
  readonly url: URL;
  readonly sent: Uint8Array[];
  readonly open: boolean;
  /** The server closes this socket. */
  serverClose(code: number, reason?: string): void;
}

/**
 * Opens sockets on `sync`; each socket's access (read-only, role) is read from `access` when it
 * connects, so changing it between connections behaves like a role change on the server.
 */
export function inProcessNetwork(sync: SyncServer, access: InProcessAccess): InProcessNetwork {
  const sockets: Socket[] = [];
  const sent: Uint8Array[] = [];

  class Socket extends EventTarget implements InProcessSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    readonly url: URL;
    readonly sent: Uint8Array[] = [];
    readyState = 0;
    binaryType = 'arraybuffer';
    onopen: ((event: Event) => void) | null = null;
    onmessage: ((event: MessageEvent) => void) | null = null;
    onclose: ((event: Event) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    #handle: ConnectionHandle | null = null;

    constructor(url: string | URL, _protocols?: string | string[]) {
      super();
      this.url = new URL(url);
      sockets.push(this);
      const documentId = this.url.pathname.split('/').pop() ?? '';
      const { readOnly, role, tags } = access;
      setImmediate(() => {
        if (this.readyState !== 0) return;
        this.readyState = 1;
        this.#handle = sync.connect({
          documentId,
          extensions: this.url.searchParams.get('accord') === '1',
          readOnly,
          ...(role !== undefined && { role }),
          ...(tags !== undefined && { tags }),
          transport: {
            send: (outgoing) => {
              for (const frame of messagesOf(outgoing)) {
                const copy = frame.slice();
                setImmediate(() => {
                  if (this.readyState !== 1) return;
                  this.#fire('message', new MessageEvent('message', { data: copy.buffer }));
                });
              }
            },
            close: (code, reason) => this.#closed(code, reason),
          },
        });
        this.#fire('open', new Event('open'));
      });
    }

    get open(): boolean {
      return this.readyState === 1;
    }

    send(data: Uint8Array): void {
      if (this.readyState !== 1) throw new Error('send on a socket that is not open');
      const frame = new Uint8Array(data);
      this.sent.push(frame);
      sent.push(frame);
      const handle = this.#handle;
      setImmediate(() => handle?.receive(frame));
    }

    close(code = 1000, reason = ''): void {
      if (this.readyState >= 2) return;
      const handle = this.#handle;
      this.readyState = 3;
      setImmediate(() => handle?.closed());
      setImmediate(() => this.#fire('close', closeEvent(code, reason)));
    }

    serverClose(code: number, reason = ''): void {
      this.#closed(code, reason);
    }

    #closed(code: number, reason: string): void {
      if (this.readyState >= 2) return;
      this.readyState = 3;
      const handle = this.#handle;
      setImmediate(() => {
        handle?.closed();
        this.#fire('close', closeEvent(code, reason));
      });
    }

    #fire(type: 'open' | 'message' | 'close', event: Event): void {
      if (type === 'open') this.onopen?.(event);
      else if (type === 'message') this.onmessage?.(event as MessageEvent);
      else this.onclose?.(event);
      this.dispatchEvent(event);
    }
  }

  return {
    WebSocket: Socket as unknown as typeof WebSocket,
    sockets,
    sent,
    closeAll(code, reason) {
      for (const socket of sockets) socket.serverClose(code, reason);
    },
  };
}

function closeEvent(code: number, reason: string): Event {
  return Object.assign(new Event('close'), { code, reason, wasClean: true });
}
