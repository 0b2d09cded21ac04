export {
  isStoreError,
  StoreError,
  type StoreErrorCode,
  storeErrorCodes,
} from './errors.ts';
export {
  DEFAULT_SQLITE_SYNCHRONOUS,
  type SqliteStoreOptions,
  type SqliteSynchronous,
} from './sqlite/options.ts';
export { createSqliteStore } from './sqlite/sqlite-store.ts';
export type {
  AcceptInvitation,
  AcceptInvitationResult,
  AuditEntry,
  BodyAppend,
  DocumentKind,
  DocumentRecord,
  InvitationRecord,
  Language,
  MembershipRecord,
  MemberWithPerson,
  MyPartnership,
  OrganisationRecord,
  ParticipationRecord,
  ParticipationWithOrganisation,
  PartnershipRecord,
  PersonRecord,
  Role,
  Sector,
  SessionRecord,
  Store,
  StoredBody,
} from './store.ts';
