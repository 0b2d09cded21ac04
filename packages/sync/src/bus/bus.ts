/**
 * How rooms of one document in different server processes hear each other. The embedded default
 * is a single process, where the room itself reaches every connection and the bus does nothing;
 * the scaled mode plugs a Redis implementation into the same interface.
 *
 * Frames on the bus are already persisted by the process that received them from a client:
 * a receiving room applies and forwards them, and never stores or re-publishes them.
 */
export interface RoomBus {
  /**
   * Whether anything beyond this process listens. When false, rooms skip encoding what they
   * would publish (presence changes are re-encoded for the bus, a measurable cost in a storm).
   */
  readonly remote: boolean;
  publish(documentId: string, kind: BusMessageKind, payload: Uint8Array): void;
  /** Returns the unsubscribe function. */
  subscribe(
    documentId: string,
    listener: (kind: BusMessageKind, payload: Uint8Array) => void,
  ): () => void;
}

export type BusMessageKind = 'update' | 'awareness';

/** The single-process bus: one room per document already reaches everyone. */
export const inProcessBus: RoomBus = {
  remote: false,
  publish() {},
  subscribe() {
    return () => {};
  },
};
