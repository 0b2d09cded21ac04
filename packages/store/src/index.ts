export {
  DEFAULT_SQLITE_SYNCHRONOUS,
  type SqliteStoreOptions,
  type SqliteSynchronous,
} from './sqlite/options.ts';
export { createSqliteStore } from './sqlite/sqlite-store.ts';
export type {
  BodyAppend,
  DocumentKind,
  DocumentRecord,
  Language,
  OrganisationRecord,
  PartnershipRecord,
  PersonRecord,
  Store,
  StoredBody,
} from './store.ts';
