import { z } from 'zod/mini';

/**
 * What the REST API answers, checked at the edge: the records mirror `packages/store`'s types
 * (PartnershipRecord, OrganisationRecord, PersonRecord, DocumentRecord). Unknown fields pass, so
 * the server can add some without breaking an older tab.
 */

export const documentKindSchema = z.enum(['action-plan', 'agreement', 'notes']);
export const languageSchema = z.enum(['fr', 'en']);

export const partnershipSchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string(),
  language: languageSchema,
  createdAt: z.number(),
});

export const organisationSchema = z.object({
  id: z.string(),
  partnershipId: z.string(),
  name: z.string(),
  colour: z.string(),
});

export const personSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  colour: z.string(),
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

export const partnershipListSchema = z.array(partnershipSchema);

export const partnershipDetailSchema = z.object({
  partnership: partnershipSchema,
  organisations: z.array(organisationSchema),
  people: z.array(personSchema),
  documents: z.array(documentSchema),
});

export const documentDetailSchema = z.object({
  document: documentSchema,
  partnership: partnershipSchema,
  organisations: z.array(organisationSchema),
  people: z.array(personSchema),
});

export const apiErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export type DocumentKind = z.infer<typeof documentKindSchema>;
export type Partnership = z.infer<typeof partnershipSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type Person = z.infer<typeof personSchema>;
export type DocumentRecord = z.infer<typeof documentSchema>;
export type PartnershipDetail = z.infer<typeof partnershipDetailSchema>;
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

/** The people and organisations of one partnership: enough to name anyone. */
export interface Directory {
  organisations: Organisation[];
  people: Person[];
}
