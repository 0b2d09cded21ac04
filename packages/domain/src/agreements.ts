import { z } from 'zod';
import type { MembershipRecord } from './records.ts';

/**
 * An agreement's life: written (draft), read by the partners (review), signed organisation by
 * organisation (signing: the text is locked), then final (frozen for ever). Pure rules, no I/O.
 */
export const agreementStates = ['draft', 'review', 'signing', 'final'] as const;
export type AgreementState = (typeof agreementStates)[number];

/** Where a facilitator may move an agreement from each state. `final` is reached only by the
 * last approval, and never left. */
const moves: Readonly<Record<AgreementState, readonly AgreementState[]>> = {
  draft: ['review'],
  review: ['draft', 'signing'],
  signing: ['review'],
  final: [],
};

export function mayMoveAgreement(from: AgreementState, to: AgreementState): boolean {
  return moves[from].includes(to);
}

/** The states a facilitator may name in a move. */
export const agreementMoveTargets = ['draft', 'review', 'signing'] as const;

export interface AgreementRecord {
  documentId: string;
  partnershipId: string;
  state: AgreementState;
  /** How many times it entered signing; the current version while signing or final, 0 before. */
  version: number;
  updatedAt: number;
  /** Who moved it last (null: never moved, or the system, e.g. a party left). */
  updatedBy: string | null;
}

/** What was locked when the agreement entered signing for the `version`-th time. */
export interface AgreementVersionRecord {
  documentId: string;
  version: number;
  /** SHA-256 (hex) of `canonical`. */
  fingerprint: string;
  /** The canonical form's RFC 8785 bytes (see `@accord/editor` canonical). */
  canonical: Uint8Array;
  /** Version of the canonical form those bytes follow. */
  canonicalVersion: number;
  /** The party organisations, fixed when signing began. */
  parties: string[];
  lockedAt: number;
  lockedBy: string;
  /** When signing ended: back to review (`returned`) or `final`. */
  endedAt: number | null;
  outcome: 'returned' | 'final' | null;
}

export const agreementDecisions = ['approved', 'declined'] as const;
export type AgreementDecision = (typeof agreementDecisions)[number];

/** One signatory's decision on one version, on behalf of their organisation. Never deleted. */
export interface AgreementDecisionRecord {
  id: string;
  documentId: string;
  version: number;
  /** The fingerprint the signatory saw and decided on. */
  fingerprint: string;
  organisationId: string;
  personId: string;
  /** The signatory's role in the partnership at that moment. */
  role: MembershipRecord['role'];
  decision: AgreementDecision;
  /** Why, for a decline. */
  reason: string | null;
  at: number;
  withdrawnAt: number | null;
  withdrawnBy: string | null;
}

/** A file rendered once when the agreement became final, kept with its SHA-256. */
export interface AgreementExportRecord {
  documentId: string;
  /** File name, e.g. `convention.pdf`, `accord-manifest.json`. */
  name: string;
  mediaType: string;
  sha256: string;
  size: number;
  createdAt: number;
}

export const FINGERPRINT_PATTERN = /^[0-9a-f]{64}$/;

/** Body of `POST /api/documents/:id/agreement/state`. */
export const moveAgreementInput = z.object({ to: z.enum(agreementMoveTargets) });

export const agreementReasonMaxLength = 2000;

/** Body of `POST /api/documents/:id/agreement/decisions`. */
export const decideAgreementInput = z
  .object({
    decision: z.enum(agreementDecisions),
    fingerprint: z.string().regex(FINGERPRINT_PATTERN, 'fingerprint must be 64 hex digits'),
    reason: z.string().trim().max(agreementReasonMaxLength).optional(),
  })
  .refine((v) => v.decision !== 'declined' || (v.reason ?? '').length > 0, {
    message: 'a decline needs a reason',
    path: ['reason'],
  });

/** Whether a member may decide on behalf of `organisationId` for an agreement with `parties`. */
export function maySignFor(
  membership: Pick<MembershipRecord, 'signatory'> | undefined,
  organisationId: string,
  parties: readonly string[],
): boolean {
  return membership?.signatory === true && parties.includes(organisationId);
}

/** The decisions in force for one version: the latest not withdrawn, per organisation. */
export function currentDecisions(
  decisions: readonly AgreementDecisionRecord[],
  version: number,
): Map<string, AgreementDecisionRecord> {
  const current = new Map<string, AgreementDecisionRecord>();
  for (const d of decisions) {
    if (d.version !== version || d.withdrawnAt !== null) continue;
    const known = current.get(d.organisationId);
    if (!known || known.at <= d.at) current.set(d.organisationId, d);
  }
  return current;
}

/** Every party approved (and none declined): the agreement becomes final. */
export function everyPartyApproved(
  parties: readonly string[],
  current: ReadonlyMap<string, Pick<AgreementDecisionRecord, 'decision'>>,
): boolean {
  return parties.length > 0 && parties.every((p) => current.get(p)?.decision === 'approved');
}

/** Largest file the verification endpoint hashes (a final agreement's PDF is far smaller). */
export const verifyMaxFileBytes = 16 * 1024 * 1024;

/** Body of `POST /api/verify`: a file (base64), or a fingerprint typed or pasted. */
export const verifyInput = z.union([
  z.object({
    file: z
      .string()
      .max(Math.ceil(verifyMaxFileBytes / 3) * 4, 'file is larger than 16 MiB')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'file must be base64'),
    name: z.string().max(300).optional(),
  }),
  z.object({
    fingerprint: z
      .string()
      .trim()
      .transform((s) => s.replace(/\s+/g, '').toLowerCase())
      .pipe(z.string().regex(FINGERPRINT_PATTERN, 'fingerprint must be 64 hex digits')),
  }),
]);
export type VerifyInput = z.infer<typeof verifyInput>;
