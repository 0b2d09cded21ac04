/**
 * Limits of the sync endpoint. Every one is configuration with a documented default; exceeding
 * one closes only the offending socket, with a close code that says why (see protocol.ts).
 */
export interface SyncLimits {
  /**
   * Largest websocket frame accepted, in bytes. Enforced by `ws` itself (`maxPayload`), which
   * closes with 1009. A pasted chapter is a few hundred KB; a whole 100-page document in one
   * frame is the outlier we accept.
   * @default 2 MiB
   */
  maxFrameBytes: number;
  /**
   * Largest stored size of one document body (its Yjs state), in bytes. An update that would
   * take the document past it is refused and the socket closed with 4413.
   * @default 32 MiB
   */
  maxDocumentBytes: number;
  /**
   * Largest number of structs one update may carry, and the longest clock span one struct may
   * claim: bounds what a crafted update can make Yjs allocate (yjs issue #687).
   * @default 200_000 structs, 10_000_000 clock span
   */
  maxUpdateStructs: number;
  maxClockSpan: number;
  /**
   * Largest awareness (presence) state of one client, in bytes of its JSON.
   * @default 4 KiB
   */
  maxAwarenessStateBytes: number;
  /**
   * How often a room forwards coalesced presence changes, in ms. Presence is throttled, never a
   * reason to close: a burst of cursor moves becomes one frame per interval per receiver. A room
   * with more connections than this many ms waits one ms per connection instead (up to 250 ms),
   * so presence costs a room at most about 1,000 frames a second however crowded it is: a
   * 40-person workshop sees carets move every 50 ms, a 100-person plenary every 100 ms.
   * @default 50 ms
   */
  awarenessFlushMs: number;
  /**
   * Messages a connection may send before its document is loaded (and, later, before it is
   * authenticated); past that it is closed with 4429. Protects memory during slow loads.
   * @default 64 messages, 4 MiB
   */
  maxQueuedMessages: number;
  maxQueuedBytes: number;
  /**
   * Compact a document's update log into its snapshot once the log tail holds this many rows or
   * bytes; also done when the room unloads.
   * @default 500 rows or 1 MiB
   */
  compactAfterRows: number;
  compactAfterBytes: number;
  /**
   * A connection with nothing sent for this long gets a tiny keep-alive frame (an empty awareness
   * update), because y-websocket clients drop a socket that is silent for 30 s.
   * @default 10_000 ms
   */
  keepAliveMs: number;
}

export const defaultSyncLimits: SyncLimits = {
  maxFrameBytes: 2 * 1024 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
  maxUpdateStructs: 200_000,
  maxClockSpan: 10_000_000,
  maxAwarenessStateBytes: 4 * 1024,
  awarenessFlushMs: 50,
  maxQueuedMessages: 64,
  maxQueuedBytes: 4 * 1024 * 1024,
  compactAfterRows: 500,
  compactAfterBytes: 1024 * 1024,
  keepAliveMs: 10_000,
};
