import { z } from 'zod/mini';

/**
 * What the REST API answers, checked at the edge: the records mirror `@accord/domain`'s types.
 * Unknown fields pass, so the server can add some without breaking an older tab. Enumerations
 * that only label things (sector) stay open strings: a new sector shows as "other", not an error.
 */

export const documentKindSchema = z.enum(['action-plan', 'agreement', 'notes']);
export const languageSchema = z.enum(['fr', 'en']);
export const roleSchema = z.enum(['facilitator', 'editor', 'commenter', 'viewer']);

export const partnershipSchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string(),
  language: languageSchema,
  createdAt: z.number(),
});

export const myPartnershipSchema = z.object({
  ...partnershipSchema.shape,
  role: roleSchema,
  signatory: z.boolean(),
});

export const organisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  sector: z.string(),
});

/** An organisation as it takes part in one partnership, with its colour there. */
export const participantOrganisationSchema = z.object({
  ...organisationSchema.shape,
  colour: z.string(),
  joinedAt: z.number(),
});

/** What anyone may see of a person; `name` is null once their personal data was erased. */
export const publicPersonSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.nullable(z.string()),
  colour: z.string(),
  erased: z.boolean(),
});

export const memberSchema = z.object({
  ...publicPersonSchema.shape,
  role: roleSchema,
  signatory: z.boolean(),
  joinedAt: z.number(),
});

export const membershipSchema = z.object({
  partnershipId: z.string(),
  personId: z.string(),
  role: roleSchema,
  signatory: z.boolean(),
});

export const documentSchema = z.object({
  id: z.string(),
  partnershipId: z.string(),
  title: z.string(),
  kind: documentKindSchema,
  language: languageSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  archived: z.boolean(),
});

export const meSchema = z.object({
  person: z.object({
    ...publicPersonSchema.shape,
    email: z.nullable(z.string()),
  }),
  organisation: z.nullable(organisationSchema),
  csrfToken: z.string(),
  /** Set by a sign-up through an invitation: the partnership just joined. */
  partnershipId: z.optional(z.string()),
});

export const partnershipListSchema = z.array(myPartnershipSchema);

export const partnershipDetailSchema = z.object({
  partnership: partnershipSchema,
  membership: membershipSchema,
  organisations: z.array(participantOrganisationSchema),
  members: z.array(memberSchema),
  documents: z.array(documentSchema),
});

export const documentDetailSchema = z.object({
  document: documentSchema,
  partnership: partnershipSchema,
  membership: membershipSchema,
});

export const invitationStatusSchema = z.enum(['valid', 'used', 'expired', 'revoked']);

export const invitationPreviewSchema = z.object({
  status: invitationStatusSchema,
  role: roleSchema,
  expiresAt: z.number(),
  partnership: z.nullable(z.object({ id: z.string(), name: z.string(), language: languageSchema })),
  organisation: z.nullable(organisationSchema),
});

export const invitationSchema = z.object({
  id: z.string(),
  partnershipId: z.string(),
  organisationId: z.string(),
  role: roleSchema,
  createdBy: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  usedAt: z.nullable(z.number()),
  usedBy: z.nullable(z.string()),
  revokedAt: z.nullable(z.number()),
});

export const invitationListSchema = z.array(invitationSchema);

export const createdInvitationSchema = z.object({
  ...invitationSchema.shape,
  url: z.string(),
});

export const acceptedInvitationSchema = z.object({
  partnershipId: z.string(),
});

export const passwordResetLinkSchema = z.object({
  url: z.string(),
  expiresAt: z.number(),
  /** The link was also emailed to the member (the server sends mail). */
  emailed: z.optional(z.boolean()),
});

export const auditVerdictSchema = z.union([
  z.object({ ok: z.literal(true), entries: z.number(), lastHash: z.string() }),
  z.object({
    ok: z.literal(false),
    entries: z.number(),
    brokenAt: z.number(),
    reason: z.string(),
  }),
]);

export const removedOrganisationSchema = z.object({
  removedPersonIds: z.optional(z.array(z.string())),
});

/** Any 2xx body we do not read further. */
// Comments: threads as `GET /api/documents/:id/threads` and the live event serve them.

export const mentionSchema = z.union([
  z.object({ kind: z.literal('person'), personId: z.string() }),
  z.object({ kind: z.literal('organisation'), organisationId: z.string() }),
]);

export const commentSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  authorId: z.string(),
  authorOrganisationId: z.string(),
  body: z.string(),
  mentions: z.array(mentionSchema),
  createdAt: z.number(),
  editedAt: z.nullable(z.number()),
  deletedAt: z.nullable(z.number()),
});

export const threadSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  organisationId: z.string(),
  visibility: z.enum(['partnership', 'organisation']),
  anchor: z.object({
    start: z.string(),
    end: z.string(),
    quote: z.string(),
    prefix: z.string(),
    suffix: z.string(),
  }),
  status: z.enum(['open', 'resolved']),
  resolvedBy: z.nullable(z.string()),
  resolvedAt: z.nullable(z.number()),
  createdBy: z.string(),
  createdAt: z.number(),
  lastActivityAt: z.number(),
  comments: z.array(commentSchema),
  /** Comments new to me; absent from live events (which are the same for everyone). */
  unread: z.optional(z.number()),
});

export const threadListSchema = z.object({
  threads: z.array(threadSchema),
  people: z.array(publicPersonSchema),
  seenAt: z.nullable(z.number()),
  unread: z.number(),
  at: z.number(),
});

export const threadAnswerSchema = z.object({ thread: threadSchema });

export const threadChangedEventSchema = z.object({
  type: z.literal('thread.changed'),
  documentId: z.string(),
  threadId: z.string(),
  change: z.string(),
  actorId: z.string(),
  thread: threadSchema,
});

export const anySchema = z.unknown();

export const apiErrorBodySchema = z.object({ code: z.string(), message: z.string() });

export type DocumentKind = z.infer<typeof documentKindSchema>;
export type Language = z.infer<typeof languageSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Partnership = z.infer<typeof partnershipSchema>;
export type MyPartnership = z.infer<typeof myPartnershipSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type ParticipantOrganisation = z.infer<typeof participantOrganisationSchema>;
export type PublicPerson = z.infer<typeof publicPersonSchema>;
export type Member = z.infer<typeof memberSchema>;
export type Membership = z.infer<typeof membershipSchema>;
export type DocumentRecord = z.infer<typeof documentSchema>;
export type Me = z.infer<typeof meSchema>;
export type PartnershipDetail = z.infer<typeof partnershipDetailSchema>;
export type DocumentDetail = z.infer<typeof documentDetailSchema>;
export type InvitationStatus = z.infer<typeof invitationStatusSchema>;
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;
export type PasswordResetLink = z.infer<typeof passwordResetLinkSchema>;
export type Mention = z.infer<typeof mentionSchema>;
export type Comment = z.infer<typeof commentSchema>;
export type Thread = z.infer<typeof threadSchema>;
export type ThreadList = z.infer<typeof threadListSchema>;
export type ThreadChangedEvent = z.infer<typeof threadChangedEventSchema>;
export type AuditVerdict = z.infer<typeof auditVerdictSchema>;
