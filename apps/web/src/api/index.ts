export {
  ApiError,
  createDocument,
  fetchDocument,
  fetchPartnership,
  fetchPartnerships,
} from './client.ts';
export type {
  Directory,
  DocumentDetail,
  DocumentKind,
  DocumentRecord,
  Organisation,
  Partnership,
  PartnershipDetail,
  Person,
} from './schemas.ts';
export { type Resource, useResource } from './useResource.ts';
