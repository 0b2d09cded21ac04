import { z } from 'zod';

export const documentKinds = ['action-plan', 'agreement', 'notes'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

/** Body of `POST /api/partnerships/:id/documents`. */
export const createDocumentInput = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'title is required')
    .max(200, 'title is longer than 200 characters'),
  kind: z.enum(documentKinds),
  language: z.enum(languages).optional(),
});
export type CreateDocumentInput = z.infer<typeof createDocumentInput>;

/** Body of `PATCH /api/documents/:id`. */
export const renameDocumentInput = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'title is required')
    .max(200, 'title is longer than 200 characters'),
});
