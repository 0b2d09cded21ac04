import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Stable error codes: the web app translates them, integrations branch on them. The message is
 * plain English for logs and developers; people read the translated code.
 */
export const errorCodes = [
  'bad_request',
  'invalid_json',
  'invalid_body',
  'unsupported_media_type',
  'unauthenticated',
  'csrf_failed',
  'forbidden',
  'not_found',
  'invalid_credentials',
  'too_many_attempts',
  'email_taken',
  'weak_password',
  'invitation_not_found',
  'invitation_used',
  'invitation_expired',
  'invitation_revoked',
  'wrong_organisation',
  'already_member',
  'last_facilitator',
  'conflict',
  'reset_invalid',
  'ticket_invalid',
  'mail_disabled',
  'payload_too_large',
  'comment_too_long',
  'comment_deleted',
  'invalid_mention',
  'document_archived',
  'invalid_deadline',
  'review_round_open',
  'review_round_closed',
  'summary_too_long',
  'not_an_agreement',
  'invalid_transition',
  'no_parties',
  'unsupported_content',
  'not_signing',
  'not_a_signatory',
  'stale_fingerprint',
  'already_decided',
  'no_decision',
  'export_busy',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Every API error has the same shape: `{ code, message }`. */
export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
): Response {
  return c.json({ code, message }, status);
}
