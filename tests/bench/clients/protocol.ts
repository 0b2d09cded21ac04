import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * The y-websocket wire format, encoded and decoded with lib0 directly: the harness never needs a
 * Y.Doc to speak the protocol, so thousands of clients cost it little.
 */
export const MessageType = { sync: 0, awareness: 1, saved: 20 } as const;
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;

/** The update of an empty document: what a client with nothing to offer answers step 1 with. */
export const EMPTY_UPDATE: Uint8Array = Y.encodeStateAsUpdate(new Y.Doc());
/** The state vector of an empty document (zero clients). */
export const EMPTY_STATE_VECTOR: Uint8Array = new Uint8Array([0]);

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function syncStep1Frame(stateVector: Uint8Array = EMPTY_STATE_VECTOR): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, SyncType.step1);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

export function syncStep2Frame(update: Uint8Array = EMPTY_UPDATE): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, SyncType.step2);
    encoding.writeVarUint8Array(e, update);
  });
}

export function syncUpdateFrame(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, SyncType.update);
    encoding.writeVarUint8Array(e, update);
  });
}

/** One presence entry, as y-protocols' awareness encodes it: `[count, (client, clock, json)*]`. */
export function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  });
}

export type DecodedFrame =
  | { type: 'sync'; syncType: number; payload: Uint8Array }
  | { type: 'awareness'; payload: Uint8Array }
  | { type: 'saved'; upTo: number }
  | { type: 'other'; messageType: number };

export function decodeFrame(data: Uint8Array): DecodedFrame {
  const decoder = decoding.createDecoder(data);
  const messageType = decoding.readVarUint(decoder);
  if (messageType === MessageType.sync) {
    const syncType = decoding.readVarUint(decoder);
    return { type: 'sync', syncType, payload: decoding.readVarUint8Array(decoder) };
  }
  if (messageType === MessageType.awareness) {
    return { type: 'awareness', payload: decoding.readVarUint8Array(decoder) };
  }
  if (messageType === MessageType.saved) {
    return { type: 'saved', upTo: decoding.readVarUint(decoder) };
  }
  return { type: 'other', messageType };
}

/** True for a sync step 2 frame, checked on the first two bytes only. */
export function isStep2(data: Uint8Array): boolean {
  return data[0] === MessageType.sync && data[1] === SyncType.step2;
}

/** True for a sync step 1 frame, checked on the first two bytes only. */
export function isStep1(data: Uint8Array): boolean {
  return data[0] === MessageType.sync && data[1] === SyncType.step1;
}

/** `[from, to)` clock range of every client an update carries structs of. */
export function updateClockRanges(update: Uint8Array): Map<number, [number, number]> {
  const { from, to } = Y.parseUpdateMeta(update);
  const ranges = new Map<number, [number, number]>();
  for (const [client, start] of from) ranges.set(client, [start, to.get(client) ?? start]);
  return ranges;
}

/** Client ids and clocks of the entries of an awareness update. */
export function awarenessEntries(
  payload: Uint8Array,
): { clientId: number; clock: number; state: string }[] {
  const decoder = decoding.createDecoder(payload);
  const count = decoding.readVarUint(decoder);
  const entries: { clientId: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    entries.push({ clientId, clock, state });
  }
  return entries;
}

/** Bytes a websocket frame of this payload takes on the wire (RFC 6455 header, mask if client). */
export function wireBytes(payloadBytes: number, masked: boolean): number {
  const header = payloadBytes < 126 ? 2 : payloadBytes < 65_536 ? 4 : 10;
  return payloadBytes + header + (masked ? 4 : 0);
}
