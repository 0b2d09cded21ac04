export type { SyncEvent } from '../protocol.ts';
export type {
  AccordConnection,
  ConnectDocumentOptions,
  ConnectionStatus,
  RefusedEdit,
} from './connect-document.ts';
export { connectDocument } from './connect-document.ts';
export { SaveTracker } from './save-tracker.ts';
