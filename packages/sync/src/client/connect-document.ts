import * as decoding from 'lib0/decoding';
import type { WebsocketProvider as Provider } from 'y-websocket';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { isPermanentClose, MessageType, type RefusedReason } from '../protocol.ts';
import { SaveTracker } from './save-tracker.ts';

export interface ConnectDocumentOptions {
  /** Base URL of the sync endpoint, e.g. `ws://localhost:8080/sync`; the document id is appended. */
  serverUrl: string;
  documentId: string;
  doc: Y.Doc;
  /** @default true. Pass false when something else (Lexical's CollaborationPlugin) connects. */
  connect?: boolean;
  /** @default false. Tests disable it: BroadcastChannel syncs same-process providers serverless. */
  disableBc?: boolean;
  /** In Node, pass the `ws` package's WebSocket. */
  WebSocketPolyfill?: typeof WebSocket;
  /** Extra query parameters (e.g. a websocket ticket). */
  params?: Record<string, string>;
}

export interface ConnectionStatus {
  /** `closed` is permanent: the server refused the socket for a reason reconnecting cannot fix. */
  connection: 'connecting' | 'connected' | 'reconnecting' | 'closed';
  /** Driven only by the server's durable acknowledgements. */
  save: 'saved' | 'saving' | 'offline-pending';
  /** Local edits not yet acknowledged as committed (e.g. to warn before closing the tab). */
  unsaved: boolean;
  /** Close code of the permanent close, when `connection` is `closed`. */
  closeCode: number | null;
  /** The server treats this connection as read-only. */
  readOnly: boolean;
  /** The last refused edit, if any. */
  refused: { reason: RefusedReason | string } | null;
}

export interface AccordConnection {
  provider: Provider;
  getStatus(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  destroy(): void;
}

/**
 * Opens a y-websocket provider on an Accord document and tracks honest connection and save
 * states from Accord's durable acks. The provider is stock y-websocket: Accord's extra messages
 * are handled through its `messageHandlers` table, and sends are counted by wrapping the socket.
 */
export function connectDocument(options: ConnectDocumentOptions): AccordConnection {
  const { doc } = options;
  const tracker = new SaveTracker();
  const listeners = new Set<(status: ConnectionStatus) => void>();
  let everConnected = false;
  let closeCode: number | null = null;
  let readOnly = false;
  let refused: ConnectionStatus['refused'] = null;
  let last = '';
  let provider: WebsocketProvider | null = null;

  const status = (): ConnectionStatus => {
    const connected = provider?.wsconnected === true && provider.synced;
    const unsaved = tracker.unsaved;
    const connection =
      closeCode !== null
        ? 'closed'
        : connected
          ? 'connected'
          : everConnected
            ? 'reconnecting'
            : 'connecting';
    const save = !unsaved ? 'saved' : connection === 'connected' ? 'saving' : 'offline-pending';
    return { connection, save, unsaved, closeCode, readOnly, refused };
  };
  const emit = () => {
    const next = status();
    const key = JSON.stringify(next);
    if (key === last) return;
    last = key;
    for (const listener of listeners) listener(next);
  };

  // Registered before the provider's own listener, so the change is noted before it is sent.
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    tracker.localChange();
    queueMicrotask(emit);
  };
  doc.on('update', onUpdate);

  const Base = options.WebSocketPolyfill ?? WebSocket;
  class TrackedWebSocket extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      tracker.socketOpened(this);
      this.addEventListener('close', () => {
        tracker.socketClosed(this);
        queueMicrotask(emit);
      });
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (data instanceof Uint8Array) tracker.sent(this, data);
      super.send(data);
    }
  }

  provider = new WebsocketProvider(options.serverUrl, options.documentId, doc, {
    connect: options.connect ?? true,
    disableBc: options.disableBc ?? false,
    WebSocketPolyfill: TrackedWebSocket,
    params: { ...options.params, accord: '1' },
    // 1009 (frame too big) is final too: sending the same frame again cannot succeed.
    shouldReconnect: (event) => !isPermanentClose(event.code),
  });
  const p = provider;

  p.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    if (p.ws) tracker.acked(p.ws, decoding.readVarUint(decoder));
    emit();
  };
  p.messageHandlers[MessageType.refused] = (_encoder, decoder) => {
    decoding.readVarUint(decoder);
    refused = { reason: decoding.readVarString(decoder) };
    emit();
  };
  p.messageHandlers[MessageType.session] = (_encoder, decoder) => {
    const session: unknown = JSON.parse(decoding.readVarString(decoder));
    readOnly =
      typeof session === 'object' && session !== null && 'readOnly' in session
        ? session.readOnly === true
        : false;
    emit();
  };
  p.on('status', ({ status: s }) => {
    if (s === 'connected') everConnected = true;
    emit();
  });
  p.on('sync', emit);
  p.on('closed', ({ code }) => {
    closeCode = code;
    emit();
  });
  // Reconnecting on purpose (e.g. provider.connect() after a permanent close) clears the close.
  p.on('status', ({ status: s }) => {
    if (s === 'connecting' && closeCode !== null && p.shouldConnect) {
      closeCode = null;
      emit();
    }
  });

  return {
    provider: p,
    getStatus: status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      doc.off('update', onUpdate);
      listeners.clear();
      p.destroy();
    },
  };
}
