/**
 * The records Accord keeps, as the store returns them and the API serves them (minus secrets).
 * Pure types: no I/O here.
 */
import type { DocumentKind, Language } from './documents.ts';
import type { Role, Sector } from './roles.ts';

export interface PartnershipRecord {
  id: string;
  name: string;
  purpose: string;
  language: Language;
  createdAt: number;
}

/** An organisation exists on its own and takes part in partnerships. */
export interface OrganisationRecord {
  id: string;
  name: string;
  sector: Sector;
  createdAt: number;
}

/** An organisation's place in one partnership, with its colour there. */
export interface ParticipationRecord {
  partnershipId: string;
  organisationId: string;
  /** CSS colour of the organisation in this partnership (presence, badges). */
  colour: string;
  joinedAt: number;
  /** When the organisation left the partnership; null while it takes part. */
  leftAt: number | null;
}

/** A person (an account): belongs to one organisation. */
export interface PersonRecord {
  id: string;
  organisationId: string;
  /** Null once the person's personal data was erased; shown as a neutral label. */
  name: string | null;
  /** Lower-cased; null once erased. */
  email: string | null;
  /** CSS colour of the person's caret. */
  colour: string;
  createdAt: number;
  erasedAt: number | null;
}

export interface MembershipRecord {
  partnershipId: string;
  personId: string;
  role: Role;
  /** Signs agreements on behalf of the person's organisation. */
  signatory: boolean;
  createdAt: number;
}

export interface SessionRecord {
  /** SHA-256 of the session token (the cookie holds the token; the store never does). */
  id: string;
  personId: string;
  /** Sent back by the client in `x-csrf-token` on every state-changing request. */
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  /** Idle expiry: moves forward on activity. */
  expiresAt: number;
}

export interface InvitationRecord {
  id: string;
  /** SHA-256 of the token in the link. */
  tokenHash: string;
  partnershipId: string;
  organisationId: string;
  role: Role;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  usedBy: string | null;
  revokedAt: number | null;
}

export interface DocumentRecord {
  id: string;
  partnershipId: string;
  title: string;
  kind: DocumentKind;
  language: Language;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
}

/** One link of an append-only, hash-chained audit log. People are named by id only. */
export interface AuditEntry {
  /** The chain: `partnership:<id>` (shared) or `organisation:<id>` (internal). */
  chain: string;
  /** 1, 2, 3… within the chain. */
  seq: number;
  at: number;
  /** Person who acted, or null for the system. */
  actorId: string | null;
  action: string;
  /** Ids and values that describe the action (never names or emails). */
  data: Record<string, unknown>;
  /** Hash of the previous entry ('' for the first). */
  prevHash: string;
  /** SHA-256 (hex) over prevHash and the canonical JSON of the entry's other fields. */
  hash: string;
}
