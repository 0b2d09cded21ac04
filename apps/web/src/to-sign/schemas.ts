import { z } from 'zod/mini';

/** `GET /api/partnerships/:id/agreements/awaiting`, as far as the app reads it. */
export const awaitingSignatureSchema = z.object({
  agreements: z.array(
    z.object({
      document: z.object({ id: z.string(), title: z.string() }),
      version: z.number(),
      shortFingerprint: z.string(),
      lockedAt: z.number(),
    }),
  ),
});

export type AwaitingSignature = z.infer<typeof awaitingSignatureSchema>;
