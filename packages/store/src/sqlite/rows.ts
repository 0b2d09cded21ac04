import type {
  DocumentKind,
  DocumentRecord,
  Language,
  OrganisationRecord,
  PartnershipRecord,
  PersonRecord,
} from '../store.ts';

/** Rows as SQLite returns them: snake_case columns, integers for booleans and times. */
export interface PartnershipRow {
  id: string;
  name: string;
  purpose: string;
  language: string;
  created_at: number;
}

export interface OrganisationRow {
  id: string;
  partnership_id: string;
  name: string;
  colour: string;
}

export interface PersonRow {
  id: string;
  organisation_id: string;
  name: string;
  colour: string;
}

export interface DocumentRow {
  id: string;
  partnership_id: string;
  kind: string;
  language: string;
  title: string;
  created_at: number;
  updated_at: number;
  archived: number;
}

export function toPartnership(row: PartnershipRow): PartnershipRecord {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    // Written only from typed records (see migrations.ts on why there is no CHECK).
    language: row.language as Language,
    createdAt: row.created_at,
  };
}

export function toOrganisation(row: OrganisationRow): OrganisationRecord {
  return { id: row.id, partnershipId: row.partnership_id, name: row.name, colour: row.colour };
}

export function toPerson(row: PersonRow): PersonRecord {
  return { id: row.id, organisationId: row.organisation_id, name: row.name, colour: row.colour };
}

export function toDocument(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    title: row.title,
    kind: row.kind as DocumentKind,
    language: row.language as Language,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archived: row.archived === 1,
  };
}

/**
 * better-sqlite3 returns BLOBs as Node Buffers; hand out plain Uint8Array views of the same
 * memory so callers (and deep-equality in tests) see exactly the type the interface names.
 */
export function toBytes(blob: Buffer): Uint8Array {
  return new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
}
