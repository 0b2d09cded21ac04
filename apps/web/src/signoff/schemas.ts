import { z } from 'zod/mini';

/** An agreement as `GET /api/documents/:id/agreement` serves it. */
export const agreementStates = ['draft', 'review', 'signing', 'final'] as const;
export type AgreementState = (typeof agreementStates)[number];

const decisionSchema = z.object({
  id: z.string(),
  version: z.number(),
  fingerprint: z.string(),
  organisationId: z.string(),
  personId: z.string(),
  role: z.string(),
  decision: z.enum(['approved', 'declined']),
  reason: z.nullable(z.string()),
  at: z.number(),
  withdrawnAt: z.nullable(z.number()),
  withdrawnBy: z.nullable(z.string()),
});
export type Decision = z.infer<typeof decisionSchema>;

const organisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  colour: z.nullable(z.string()),
  left: z.boolean(),
});

export const agreementViewSchema = z.object({
  agreement: z.object({
    state: z.enum(agreementStates),
    version: z.number(),
    updatedAt: z.number(),
    updatedBy: z.nullable(z.string()),
  }),
  signing: z.nullable(
    z.object({
      version: z.number(),
      fingerprint: z.string(),
      shortFingerprint: z.string(),
      canonicalVersion: z.number(),
      lockedAt: z.number(),
      lockedBy: z.string(),
      finalAt: z.nullable(z.number()),
      parties: z.array(
        z.object({ organisation: organisationSchema, decision: z.nullable(decisionSchema) }),
      ),
    }),
  ),
  history: z.array(
    z.object({
      version: z.number(),
      fingerprint: z.string(),
      shortFingerprint: z.string(),
      lockedAt: z.number(),
      endedAt: z.nullable(z.number()),
      parties: z.array(organisationSchema),
      decisions: z.array(decisionSchema),
    }),
  ),
  exports: z.array(
    z.object({ name: z.string(), mediaType: z.string(), sha256: z.string(), size: z.number() }),
  ),
  people: z.array(
    z.object({ id: z.string(), organisationId: z.string(), name: z.nullable(z.string()) }),
  ),
  me: z.object({ canMove: z.boolean(), signsFor: z.nullable(z.string()) }),
});
export type AgreementView = z.infer<typeof agreementViewSchema>;

/** The canonical tree (docs/ARCHITECTURE.md, "Canonical form"), read loosely: it is rendered. */
export interface CanonicalNode {
  type: string;
  [field: string]: unknown;
}

export const agreementTextSchema = z.object({
  version: z.number(),
  fingerprint: z.string(),
  canonicalVersion: z.number(),
  document: z.object({
    format: z.string(),
    version: z.number(),
    blocks: z.array(z.custom<CanonicalNode>((v) => typeof v === 'object' && v !== null)),
  }),
});
export type AgreementText = z.infer<typeof agreementTextSchema>;

export const agreementChangedEventSchema = z.object({
  type: z.literal('agreement.changed'),
  documentId: z.string(),
  state: z.enum(agreementStates),
  version: z.number(),
});

const describedAgreementSchema = z.object({
  documentId: z.string(),
  title: z.nullable(z.string()),
  partnershipId: z.nullable(z.string()),
  version: z.nullable(z.number()),
  fingerprint: z.nullable(z.string()),
  finalAt: z.nullable(z.number()),
});
export type DescribedAgreement = z.infer<typeof describedAgreementSchema>;

export const verifyAnswerSchema = z.object({
  match: z.enum(['export', 'fingerprint', 'none']),
  sha256: z.optional(z.string()),
  fingerprint: z.optional(z.string()),
  namedFingerprint: z.optional(z.nullable(z.string())),
  files: z.optional(
    z.array(
      z.object({
        name: z.string(),
        mediaType: z.string(),
        createdAt: z.number(),
        agreement: describedAgreementSchema,
      }),
    ),
  ),
  agreements: z.optional(z.array(describedAgreementSchema)),
});
export type VerifyAnswer = z.infer<typeof verifyAnswerSchema>;
