import { z } from 'zod/mini';

/** The inbox answer, as far as the page reads it (threads carry more; extra fields are kept). */
const mentionSchema = z.union([
  z.object({ kind: z.literal('person'), personId: z.string() }),
  z.object({ kind: z.literal('organisation'), organisationId: z.string() }),
]);

export const inboxCommentSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  authorOrganisationId: z.string(),
  body: z.string(),
  mentions: z.array(mentionSchema),
  createdAt: z.number(),
  editedAt: z.nullable(z.number()),
  deletedAt: z.nullable(z.number()),
});

export const inboxThreadSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  organisationId: z.string(),
  visibility: z.string(),
  anchor: z.object({ quote: z.string() }),
  status: z.enum(['open', 'resolved']),
  createdBy: z.string(),
  lastActivityAt: z.number(),
  comments: z.array(inboxCommentSchema),
  unread: z.number(),
  document: z.nullable(z.object({ id: z.string(), title: z.string(), kind: z.string() })),
});

export const inboxSchema = z.object({
  threads: z.array(inboxThreadSchema),
  people: z.array(
    z.object({
      id: z.string(),
      organisationId: z.string(),
      name: z.nullable(z.string()),
      erased: z.boolean(),
    }),
  ),
  unread: z.number(),
  hasMore: z.boolean(),
});

export type InboxThread = z.infer<typeof inboxThreadSchema>;
export type InboxComment = z.infer<typeof inboxCommentSchema>;
export type Inbox = z.infer<typeof inboxSchema>;
