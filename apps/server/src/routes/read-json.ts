import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { apiError, type ErrorCode } from '../errors.ts';

export interface ReadJsonOptions {
  /**
   * Fields (dotted paths, e.g. `body`) whose excess length gets its own answer — 413 with the
   * code given — instead of 400 `invalid_body`, so a client can say "too long" plainly.
   */
  tooLong?: Readonly<Record<string, ErrorCode>>;
}

/** Parses and validates a JSON body; a bad body becomes a 400 that says what is wrong. */
export async function readJson<T>(
  c: Context,
  schema: z.ZodType<T>,
  options: ReadJsonOptions = {},
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, response: apiError(c, 400, 'invalid_json', 'The body is not valid JSON.') };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const describe = (issue: z.core.$ZodIssue) =>
      `${issue.path.join('.') || 'body'}: ${issue.message}`;
    for (const issue of parsed.error.issues) {
      const code = issue.code === 'too_big' ? options.tooLong?.[issue.path.join('.')] : undefined;
      if (code) {
        const status: ContentfulStatusCode = 413;
        return { ok: false, response: apiError(c, status, code, describe(issue)) };
      }
    }
    const message = parsed.error.issues.map(describe).join('; ');
    return { ok: false, response: apiError(c, 400, 'invalid_body', message) };
  }
  return { ok: true, value: parsed.data };
}
