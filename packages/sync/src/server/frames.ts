import * as encoding from 'lib0/encoding';
import { type BodyLock, MessageType, type SyncEvent, SyncMessageType } from '../protocol.ts';

/** Encoders of the frames the server sends. One place, so the wire format reads at a glance. */

export function syncStep1Frame(stateVector: Uint8Array): Uint8Array {
  return frame(MessageType.sync, (e) => {
    encoding.writeVarUint(e, SyncMessageType.step1);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

export function syncStep2Frame(update: Uint8Array): Uint8Array {
  return frame(MessageType.sync, (e) => {
    encoding.writeVarUint(e, SyncMessageType.step2);
    encoding.writeVarUint8Array(e, update);
  });
}

export function syncUpdateFrame(update: Uint8Array): Uint8Array {
  return frame(MessageType.sync, (e) => {
    encoding.writeVarUint(e, SyncMessageType.update);
    encoding.writeVarUint8Array(e, update);
  });
}

export function awarenessFrame(awarenessUpdate: Uint8Array): Uint8Array {
  return frame(MessageType.awareness, (e) => encoding.writeVarUint8Array(e, awarenessUpdate));
}

/** An awareness update naming no client: a no-op for every y-websocket client, used as keep-alive. */
export const keepAliveFrame: Uint8Array = awarenessFrame(new Uint8Array([0]));

export function savedFrame(upToUpdate: number): Uint8Array {
  return frame(MessageType.saved, (e) => encoding.writeVarUint(e, upToUpdate));
}

export function refusedFrame(update: number, reason: string): Uint8Array {
  return frame(MessageType.refused, (e) => {
    encoding.writeVarUint(e, update);
    encoding.writeVarString(e, reason);
  });
}

/** What the client learns about its own connection on join; `role` only when the server knows it. */
export interface SessionInfo {
  readOnly: boolean;
  role?: string;
  /** Present when the body is locked for everyone. */
  lock?: BodyLock;
}

export function sessionFrame(session: SessionInfo): Uint8Array {
  return frame(MessageType.session, (e) => encoding.writeVarString(e, JSON.stringify(session)));
}

/** An application event (see MessageType.event). */
export function eventFrame<E extends Readonly<Pick<SyncEvent, 'type'>>>(event: E): Uint8Array {
  return frame(MessageType.event, (e) => encoding.writeVarString(e, JSON.stringify(event)));
}

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}
