/**
 * Accord's wire protocol: the y-websocket protocol (y-protocols sync + awareness over binary
 * frames) plus a few message types of our own. A stock y-websocket client ignores the extra
 * types (it logs and moves on) unless it registers a handler in `provider.messageHandlers`.
 *
 * Isomorphic: imported by the browser (through `@accord/sync/protocol`) and by the server.
 */

/** Standard y-websocket message types. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /**
   * Durable-save acknowledgement: `[20, varUint k]`. Every document update this connection sent,
   * up to and including its k-th, is committed to the store's update log. Updates are counted per
   * connection from 1: a sync frame of subtype step 2 or update counts as one, whatever its content.
   */
  saved: 20,
  /**
   * Refused write: `[21, varUint k, varString reason]`. The connection's k-th update was not
   * applied and never will be (see RefusedReason). The socket stays open; the client drops its
   * local copy of the refused change and resyncs from the server.
   */
  refused: 21,
  /**
   * Session information, sent after the socket opens: `[22, varString json]` with
   * `{ readOnly: boolean, role?: string, lock?: 'locked' | 'final' }` (the role where the server
   * knows it: `facilitator`, `editor`, `commenter`, `viewer`; `lock` when the body takes no edits
   * from anyone, see BodyLock). Sent again whenever the lock changes while the socket is open,
   * so an open editor turns read-only (or writable) without reconnecting. Clients ignore fields
   * they do not know.
   */
  session: 22,
  /**
   * An application event, server → client: `[23, varString json]`, a JSON object with a `type`
   * (e.g. `{ type: 'thread.changed', … }` when a comment thread changed). Sent only to clients
   * with extensions, and only to the connections allowed to see it. Clients ignore types they
   * do not know.
   */
  event: 23,
} as const;

/** The JSON of an event frame: a `type`, and fields that depend on it. */
export interface SyncEvent {
  type: string;
  [field: string]: unknown;
}

/** y-protocols sync sub-types (the first varUint after MessageType.sync). */
export const SyncMessageType = { step1: 0, step2: 1, update: 2 } as const;

export type RefusedReason = 'read-only' | 'locked' | 'final' | 'too-large';

/**
 * Why a document body takes no edits from anyone, whatever their role: `locked` while an
 * agreement is being signed (it can return to review and open again), `final` once signed (for
 * ever). Updates to a locked body are refused with this same word as the reason.
 */
export type BodyLock = 'locked' | 'final';

/**
 * Close codes, one meaning each. A stock y-websocket client stops reconnecting on 4400–4499 and
 * retries on anything else (4500–4599 included), so permanent problems sit in 44xx.
 */
export const CloseCode = {
  /** Going away: the normal close of a client. */
  normal: 1000,
  /** A frame larger than `maxFrameBytes` (ws closes with this itself). Permanent. */
  frameTooBig: 1009,
  /** Unexpected server error, e.g. the document failed to load. Temporary. */
  internalError: 1011,
  /** A frame that is not a well-formed message of this protocol, or a crafted Yjs update. */
  malformed: 4400,
  /** Not signed in, or the session expired. */
  unauthenticated: 4401,
  /** Access revoked while connected. */
  forbidden: 4403,
  /** No such document, or not yours to see: never says which. */
  notFound: 4404,
  /** Too many messages before the document was ready, or too many connections for one person. */
  tooMany: 4429,
  /** The document would grow past its size quota. */
  documentTooLarge: 4413,
  /** Reconnect now (e.g. a role changed): the new connection gets the new permissions. */
  reconnect: 4500,
  /** The server is shutting down; reconnect later. */
  shuttingDown: 4503,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which a client must not reconnect on its own. */
export function isPermanentClose(code: number): boolean {
  return (code >= 4400 && code <= 4499) || code === CloseCode.frameTooBig;
}
