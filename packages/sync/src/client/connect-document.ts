import * as bc from 'lib0/broadcastchannel';
import * as decoding from 'lib0/decoding';
import type { Awareness } from 'y-protocols/awareness';
import type { WebsocketProvider as Provider } from 'y-websocket';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import {
  type BodyLock,
  isPermanentClose,
  MessageType,
  type RefusedReason,
  type SyncEvent,
  SyncMessageType,
} from '../protocol.ts';
import { SaveTracker } from './save-tracker.ts';

export interface ConnectDocumentOptions {
  /** Base URL of the sync endpoint, e.g. `ws://localhost:8080/sync`; the document id is appended. */
  serverUrl: string;
  documentId: string;
  doc: Y.Doc;
  /** @default true. Pass false when something else (Lexical's CollaborationPlugin) connects. */
  connect?: boolean;
  /**
   * @default true. BroadcastChannel would sync this browser's tabs with each other without the
   * server, so an edit the server refused in one tab could reach another tab's document and be
   * sent again from there. Tabs converge through the server instead.
   */
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
  /** The server treats this connection as read-only (from the session frame). */
  readOnly: boolean;
  /** The person's role on this document, from the session frame; null until it arrives. */
  role: string | null;
  /**
   * `locked` (an agreement being signed) or `final` when the body takes no edits from anyone,
   * from the session frame; it may change while the socket stays open. Null otherwise.
   */
  lock: BodyLock | null;
  /**
   * The first edit the server refused, if any. Never cleared: once set, this connection's doc is
   * spent (see `AccordConnection.onRefused`).
   */
  refused: RefusedEdit | null;
}

export interface RefusedEdit {
  /** Why: `read-only`, `locked`, `final`, `too-large`, or a reason this client does not know. */
  reason: RefusedReason | string;
}

export interface AccordConnection {
  provider: Provider;
  /** The document this connection syncs. */
  doc: Y.Doc;
  getStatus(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /**
   * Called once, when the server refuses an edit made on this connection's doc (a listener added
   * later is called at once). The server cannot un-send that edit, so from then on the doc holds
   * changes it will never accept, and every later change would build on them. The connection
   * stops sending document updates at once — never again, even if the role comes back, so the
   * refused edit can never merge after an unlock — but keeps receiving the others' edits.
   *
   * What the app does next: read what the person had typed (to show what was not applied),
   * destroy this connection, drop its doc, and connect a fresh Y.Doc, which syncs the server's
   * text. With Lexical, remount the editor (a React `key`) so it binds to the fresh doc.
   */
  onRefused(listener: (refused: RefusedEdit) => void): () => void;
  /**
   * Called with every application event the server pushes on this document (message 23), e.g.
   * `{ type: 'thread.changed', threadId, … }`; the server sends each one only to the connections
   * allowed to see it. Events sent while the socket was down are not replayed: refetch what they
   * describe (e.g. the comment threads) after each (re)connection. Returns the unsubscribe.
   */
  onEvent(listener: (event: SyncEvent) => void): () => void;
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
  const refusedListeners = new Set<(refused: RefusedEdit) => void>();
  const eventListeners = new Set<(event: SyncEvent) => void>();
  let everConnected = false;
  let closeCode: number | null = null;
  let readOnly = false;
  let role: string | null = null;
  let lock: BodyLock | null = null;
  let refused: RefusedEdit | null = null;
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
    return { connection, save, unsaved, closeCode, readOnly, role, lock, refused };
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
      if (data instanceof Uint8Array) {
        // A spent doc's updates (step 2 included) would carry the refused edit: never send them.
        if (refused !== null && isDocumentUpdate(data)) return;
        tracker.sent(this, data);
      }
      super.send(data);
    }
  }

  provider = new WebsocketProvider(options.serverUrl, options.documentId, doc, {
    connect: options.connect ?? true,
    disableBc: options.disableBc ?? true,
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
    const reason = decoding.readVarString(decoder);
    // Updates already in flight when the first refusal left the server are refused too: the doc
    // is spent after the first one, so the others add nothing.
    if (refused !== null) return;
    refused = { reason };
    // Other tabs must not receive this doc's state either.
    if (p.bcconnected) {
      bc.unsubscribe(p.bcChannel, p._bcSubscriber);
      p.bcconnected = false;
    }
    p.disableBc = true;
    emit();
    for (const listener of [...refusedListeners]) listener(refused);
  };
  p.messageHandlers[MessageType.session] = (_encoder, decoder) => {
    const session = readSession(decoding.readVarString(decoder));
    readOnly = session.readOnly;
    role = session.role;
    lock = session.lock;
    emit();
  };
  p.messageHandlers[MessageType.event] = (_encoder, decoder) => {
    const event = readEvent(decoding.readVarString(decoder));
    if (!event) return;
    for (const listener of [...eventListeners]) {
      try {
        listener(event);
      } catch (error) {
        // One failing listener must not break the socket's message loop or the others.
        console.error('[accord] event listener failed', error);
      }
    }
  };
  p.on('status', ({ status: s }) => {
    if (s === 'connected') everConnected = true;
    // y-websocket drops the others' presence on a disconnect but keeps their clocks, and
    // y-protocols ignores a state re-sent with a clock it has seen: the server's re-sent presence
    // would stay hidden until each peer's next heartbeat (up to 15 s). Forget those clocks.
    if (s === 'disconnected') forgetDroppedStates(p.awareness);
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
    doc,
    getStatus: status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onRefused(listener) {
      refusedListeners.add(listener);
      const already = refused;
      if (already !== null) {
        queueMicrotask(() => {
          if (refusedListeners.has(listener)) listener(already);
        });
      }
      return () => refusedListeners.delete(listener);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    destroy() {
      doc.off('update', onUpdate);
      listeners.clear();
      refusedListeners.clear();
      eventListeners.clear();
      p.destroy();
    },
  };
}

/** A sync step 2 or update frame: the frames that carry document content. */
function isDocumentUpdate(frame: Uint8Array): boolean {
  // Message types and sync sub-types are varUints below 128: one byte each.
  return (
    frame[0] === MessageType.sync &&
    (frame[1] === SyncMessageType.step2 || frame[1] === SyncMessageType.update)
  );
}

/** The session frame's JSON; unknown fields are ignored, malformed ones read as absent. */
function readSession(json: string): {
  readOnly: boolean;
  role: string | null;
  lock: BodyLock | null;
} {
  const none = { readOnly: false, role: null, lock: null };
  let session: unknown;
  try {
    session = JSON.parse(json);
  } catch {
    return none;
  }
  if (typeof session !== 'object' || session === null) return none;
  const fields = session as { readOnly?: unknown; role?: unknown; lock?: unknown };
  return {
    readOnly: fields.readOnly === true,
    role: typeof fields.role === 'string' ? fields.role : null,
    lock: fields.lock === 'locked' || fields.lock === 'final' ? fields.lock : null,
  };
}

/** An event frame's JSON: an object with a string `type`, or null (ignored) for anything else. */
function readEvent(json: string): SyncEvent | null {
  let event: unknown;
  try {
    event = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return null;
  return typeof (event as { type?: unknown }).type === 'string' ? (event as SyncEvent) : null;
}

/** Forgets the clocks of the peers whose states a disconnect removed (not our own). */
function forgetDroppedStates(awareness: Awareness): void {
  for (const clientId of [...awareness.meta.keys()]) {
    if (clientId !== awareness.clientID && !awareness.states.has(clientId)) {
      awareness.meta.delete(clientId);
    }
  }
}
