import { z } from 'zod';
import { languages } from './documents.ts';
import { roles, sectors } from './roles.ts';

/** Input schemas of the account and partnership API, shared by the server and the web app. */

export const MIN_PASSWORD_LENGTH = 10;

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256, 'at most 256 characters');
const name = z.string().trim().min(1, 'required').max(120, 'at most 120 characters');
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1d4ed8');

export const organisationInput = z.object({
  name,
  sector: z.enum(sectors),
});

/** Sign up either through an invitation link, or with a new organisation. */
export const signUpInput = z.union([
  z.object({
    name,
    email: emailSchema,
    password: passwordSchema,
    invitationToken: z.string().min(1).max(100),
  }),
  z.object({ name, email: emailSchema, password: passwordSchema, organisation: organisationInput }),
]);
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, 'required').max(256),
});

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});

export const resetPasswordInput = z.object({
  token: z.string().min(1).max(100),
  newPassword: passwordSchema,
});

/** Ask for a reset link by mail (answered the same whether or not the account exists). */
export const forgotPasswordInput = z.object({ email: emailSchema });

export const createPartnershipInput = z.object({
  name: z.string().trim().min(1, 'required').max(200),
  purpose: z.string().trim().max(2000).default(''),
  language: z.enum(languages).default('fr'),
  /** Colour of the creator's organisation in the new partnership. */
  colour: colour.optional(),
});

export const updatePartnershipInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    purpose: z.string().trim().max(2000),
    language: z.enum(languages),
  })
  .partial();

/** Add a new organisation to a partnership, or one that already exists in Accord. */
export const addOrganisationInput = z.union([
  z.object({ organisation: organisationInput, colour }),
  z.object({ organisationId: z.string().min(1).max(64), colour }),
]);

export const createInvitationInput = z.object({
  organisationId: z.string().min(1).max(64),
  role: z.enum(roles),
  /** @default 7 days; at most 30. */
  expiresInDays: z.number().int().min(1).max(30).default(7),
});

export const updateMemberInput = z
  .object({ role: z.enum(roles), signatory: z.boolean() })
  .partial()
  .refine((v) => v.role !== undefined || v.signatory !== undefined, 'role or signatory');

export const archiveDocumentInput = z.object({ archived: z.boolean() });

export const erasureInput = z.object({ password: z.string().min(1).max(256) });
