import type { Context } from 'hono';
import type { z } from 'zod';
import { apiError } from '../errors.ts';

/** Parses and validates a JSON body; a bad body becomes a 400 that says what is wrong. */
export async function readJson<T>(
  c: Context,
  schema: z.ZodType<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, response: apiError(c, 400, 'invalid_json', 'The body is not valid JSON.') };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
      .join('; ');
    return { ok: false, response: apiError(c, 400, 'invalid_body', message) };
  }
  return { ok: true, value: parsed.data };
}
