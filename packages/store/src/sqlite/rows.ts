import type * as Store from '../store.ts';

/**
 * Rows as SQLite returns them: snake_case columns, integers for booleans and times, NULL for
 * absent values. Enumerations are cast back to their domain types: they are written only from
 * typed records (see migrations.ts on why there is no CHECK).
 */
export interface PartnershipRow {
  id: string;
  name: string;
  purpose: string;
  language: string;
  created_at: number;
}

export interface OrganisationRow {
  id: string;
  name: string;
  sector: string;
  created_at: number;
}

export interface ParticipationRow {
  partnership_id: string;
  organisation_id: string;
  colour: string;
  joined_at: number;
  left_at: number | null;
}

/** A participation joined with its organisation (columns prefixed `o_`). */
export interface ParticipationWithOrganisationRow extends ParticipationRow {
  o_id: string;
  o_name: string;
  o_sector: string;
  o_created_at: number;
}

/** Every column of `people` but the password hash, which only a few queries read. */
export interface PersonRow {
  id: string;
  organisation_id: string;
  name: string | null;
  email: string | null;
  colour: string;
  created_at: number;
  erased_at: number | null;
}

export interface PersonWithPasswordRow extends PersonRow {
  password_hash: string | null;
}

export interface MembershipRow {
  partnership_id: string;
  person_id: string;
  role: string;
  signatory: number;
  created_at: number;
}

/** A membership joined with its person (columns prefixed `p_`). */
export interface MemberRow extends MembershipRow {
  p_id: string;
  p_organisation_id: string;
  p_name: string | null;
  p_email: string | null;
  p_colour: string;
  p_created_at: number;
  p_erased_at: number | null;
}

/** A partnership joined with the membership of one person in it. */
export interface MyPartnershipRow extends PartnershipRow {
  role: string;
  signatory: number;
}

export interface SessionRow {
  id: string;
  person_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface InvitationRow {
  id: string;
  token_hash: string;
  partnership_id: string;
  organisation_id: string;
  role: string;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by: string | null;
  revoked_at: number | null;
}

export interface AuditRow {
  chain: string;
  seq: number;
  at: number;
  actor_id: string | null;
  action: string;
  data: string;
  prev_hash: string;
  hash: string;
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

export function toPartnership(row: PartnershipRow): Store.PartnershipRecord {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    language: row.language as Store.Language,
    createdAt: row.created_at,
  };
}

export function toOrganisation(row: OrganisationRow): Store.OrganisationRecord {
  return {
    id: row.id,
    name: row.name,
    sector: row.sector as Store.Sector,
    createdAt: row.created_at,
  };
}

export function toParticipation(row: ParticipationRow): Store.ParticipationRecord {
  return {
    partnershipId: row.partnership_id,
    organisationId: row.organisation_id,
    colour: row.colour,
    joinedAt: row.joined_at,
    leftAt: row.left_at,
  };
}

export function toPerson(row: PersonRow): Store.PersonRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    email: row.email,
    colour: row.colour,
    createdAt: row.created_at,
    erasedAt: row.erased_at,
  };
}

export function toMembership(row: MembershipRow): Store.MembershipRecord {
  return {
    partnershipId: row.partnership_id,
    personId: row.person_id,
    role: row.role as Store.Role,
    signatory: row.signatory === 1,
    createdAt: row.created_at,
  };
}

export function toSession(row: SessionRow): Store.SessionRecord {
  return {
    id: row.id,
    personId: row.person_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}

export function toInvitation(row: InvitationRow): Store.InvitationRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    partnershipId: row.partnership_id,
    organisationId: row.organisation_id,
    role: row.role as Store.Role,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    usedBy: row.used_by,
    revokedAt: row.revoked_at,
  };
}

export function toAuditEntry(row: AuditRow): Store.AuditEntry {
  return {
    chain: row.chain,
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    action: row.action,
    data: JSON.parse(row.data) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function toDocument(row: DocumentRow): Store.DocumentRecord {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    title: row.title,
    kind: row.kind as Store.DocumentKind,
    language: row.language as Store.Language,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archived: row.archived === 1,
  };
}

/** 0/1 for SQLite's boolean columns. */
export function bit(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}

/**
 * better-sqlite3 returns BLOBs as Node Buffers; hand out plain Uint8Array views of the same
 * memory so callers (and deep-equality in tests) see exactly the type the interface names.
 */
export function toBytes(blob: Buffer): Uint8Array {
  return new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
}
