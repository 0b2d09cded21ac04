export type { BusMessageKind, RoomBus } from './bus/bus.ts';
export { inProcessBus } from './bus/bus.ts';
export * from './protocol.ts';
export type { ConnectionTags } from './server/connection.ts';
export { defaultSyncLimits, type SyncLimits } from './server/limits.ts';
export type { StoredDocumentBody, SyncPersistence } from './server/persistence.ts';
export { PresenceStamp } from './server/presence-stamp.ts';
export { type ConnectOptions, SyncServer, type SyncServerOptions } from './server/sync-server.ts';
export {
  type ConnectionHandle,
  messagesOf,
  type Outgoing,
  type SyncTransport,
} from './server/transport.ts';
export { validateUpdate } from './validation/update-validation.ts';
