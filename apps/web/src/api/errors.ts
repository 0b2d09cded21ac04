import { commentLimits } from '@accord/domain';
import type { Translate } from '../i18n/index.ts';
import { ApiError } from './client.ts';

/** Minutes to wait, rounded up, for a Retry-After in seconds (at least one). */
function minutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/**
 * A failed call in plain words, from the server's stable error code. The server's own message
 * is English for developers: people read the translated code.
 */
export function errorMessage(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.kind === 'network') return t('errors.network');
  switch (error.code) {
    case 'unauthenticated':
      return t('errors.codes.unauthenticated');
    case 'csrf_failed':
      return t('errors.codes.csrfFailed');
    case 'forbidden':
      return t('errors.codes.forbidden');
    case 'not_found':
      return t('errors.codes.notFound');
    case 'invalid_credentials':
      return t('errors.codes.invalidCredentials');
    case 'too_many_attempts':
      return error.retryAfter === null
        ? t('errors.codes.tooManyAttempts')
        : t('errors.codes.tooManyAttemptsRetry', { count: minutes(error.retryAfter) });
    case 'email_taken':
      return t('errors.codes.emailTaken');
    case 'weak_password':
      return t('errors.codes.weakPassword');
    case 'invitation_not_found':
      return t('errors.codes.invitationNotFound');
    case 'invitation_used':
      return t('errors.codes.invitationUsed');
    case 'invitation_expired':
      return t('errors.codes.invitationExpired');
    case 'invitation_revoked':
      return t('errors.codes.invitationRevoked');
    case 'wrong_organisation':
      return t('errors.codes.wrongOrganisation');
    case 'already_member':
      return t('errors.codes.alreadyMember');
    case 'last_facilitator':
      return t('errors.codes.lastFacilitator');
    case 'reset_invalid':
      return t('errors.codes.resetInvalid');
    case 'mail_disabled':
      return t('errors.codes.mailDisabled');
    case 'comment_too_long':
      return t('errors.codes.commentTooLong', { max: commentLimits.bodyChars });
    case 'payload_too_large':
      return t('errors.codes.payloadTooLarge');
    case 'comment_deleted':
      return t('errors.codes.commentDeleted');
    case 'invalid_mention':
      return t('errors.codes.invalidMention');
    case 'document_archived':
      return t('errors.codes.documentArchived');
    case 'not_an_agreement':
      return t('signoff.errors.notAnAgreement');
    case 'invalid_transition':
      return t('signoff.errors.invalidTransition');
    case 'no_parties':
      return t('signoff.errors.noParties');
    case 'unsupported_content':
      return t('signoff.errors.unsupportedContent');
    case 'not_signing':
      return t('signoff.errors.notSigning');
    case 'not_a_signatory':
      return t('signoff.errors.notASignatory');
    case 'stale_fingerprint':
      return t('signoff.errors.staleFingerprint');
    case 'already_decided':
      return t('signoff.errors.alreadyDecided');
    case 'no_decision':
      return t('signoff.errors.noDecision');
    case 'export_busy':
      return t('errors.codes.exportBusy');
    case 'invalid_body':
    case 'invalid_json':
    case 'bad_request':
      return t('errors.codes.invalidBody');
    default:
      return t('errors.generic');
  }
}
