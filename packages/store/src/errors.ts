/**
 * Every failure a caller can expect (a duplicate, an unknown id, a broken rule) rejects with a
 * StoreError whose `code` says which, whatever the implementation (SQLite or Postgres): callers
 * branch on `code`, never on a message or on a driver's error. Anything else (a full disk, a bug)
 * rejects with whatever error the driver raised.
 */
export const storeErrorCodes = [
  /** The record's id (or another unique key such as an invitation's token hash) is taken. */
  'already_exists',
  /** Another person has this email (compared lower-cased). */
  'email_taken',
  'unknown_partnership',
  'unknown_organisation',
  'unknown_person',
  'unknown_membership',
  'unknown_invitation',
  'unknown_document',
  'unknown_thread',
  'unknown_comment',
  'unknown_review_round',
  /** The document already has an open review round: close it before opening another. */
  'review_round_open',
  /** The review round is closed: reviews can no longer be marked in it. */
  'review_round_closed',
  /** The comment was deleted: it can no longer be edited. */
  'comment_deleted',
  /** The person's personal data was erased: they can no longer be given access or a password. */
  'person_erased',
  /** The person already holds a role in the partnership. */
  'already_member',
  /** The organisation does not (or no longer) take part in the partnership. */
  'not_participating',
  /** The organisation already takes part in the partnership. */
  'already_participating',
  /** The invitation was already used (it cannot be revoked any more). */
  'invitation_used',
  /** An audit entry does not follow its chain's last entry (wrong chain, seq or prevHash). */
  'audit_out_of_order',
  /** The agreement is not in the state the change expects (someone moved it meanwhile). */
  'agreement_conflict',
  /** A decision names a fingerprint other than the one being signed. */
  'stale_fingerprint',
  /** The organisation already decided on this version (withdraw that decision first). */
  'already_decided',
  /** The organisation has no decision in force to withdraw. */
  'no_decision',
] as const;
export type StoreErrorCode = (typeof storeErrorCodes)[number];

export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** Whether `error` is a StoreError, with the given code when one is named. */
export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}
