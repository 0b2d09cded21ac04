import { z } from 'zod/mini';

/** An action as `/api/documents/:id/actions` and `/api/partnerships/:id/commitments` serve it. */
export const actionViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  leadOrganisationId: z.string(),
  peopleIds: z.array(z.string()),
  start: z.string(),
  due: z.string(),
  status: z.enum(['planned', 'in_progress', 'done', 'blocked', 'cancelled']),
  indicator: z.string(),
  dependsOn: z.array(z.string()),
  commitments: z.array(
    z.object({
      organisationId: z.string(),
      text: z.string(),
      amount: z.nullable(z.number()),
      unit: z.string(),
    }),
  ),
  objective: z.string(),
  position: z.number(),
  documentId: z.string(),
  document: z.object({ id: z.string(), title: z.string() }),
  problems: z.array(
    z.object({
      code: z.string(),
      field: z.optional(z.string()),
      organisationId: z.optional(z.string()),
      personId: z.optional(z.string()),
      actionId: z.optional(z.string()),
    }),
  ),
  overdue: z.boolean(),
});

export const actionListSchema = z.object({ actions: z.array(actionViewSchema) });

export type ActionView = z.infer<typeof actionViewSchema>;
