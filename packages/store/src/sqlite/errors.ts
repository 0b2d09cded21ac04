import Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';

/**
 * What to throw instead of SQLite's generic constraint error, per kind of constraint. Each is a
 * function so it can look up which parent is missing (a row may have several foreign keys); it
 * runs right after the failed statement, inside the caller's transaction if there is one (SQLite
 * keeps a transaction open after a constraint failure: only the statement is undone).
 */
export interface ConstraintErrors {
  /** The row's id is taken. */
  primaryKey?: () => StoreError;
  /** A UNIQUE column other than the primary key is taken. */
  unique?: () => StoreError;
  /** The row names a parent that does not exist. */
  foreignKey?: () => StoreError;
}

/**
 * Runs `write` and turns a primary-key, unique or foreign-key violation into the StoreError the
 * caller names, keeping SQLite's error as `cause`. Every other error passes through untouched.
 */
export function withClearConstraints<T>(errors: ConstraintErrors, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const replacement = constraintError(error, errors);
    if (replacement) {
      replacement.cause = error;
      throw replacement;
    }
    throw error;
  }
}

function constraintError(error: unknown, errors: ConstraintErrors): StoreError | undefined {
  if (!(error instanceof Database.SqliteError)) return undefined;
  if (error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return errors.primaryKey?.();
  if (error.code === 'SQLITE_CONSTRAINT_UNIQUE') return errors.unique?.();
  if (error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return errors.foreignKey?.();
  return undefined;
}

export function alreadyExists(what: string): StoreError {
  return new StoreError('already_exists', `${what} already exists`);
}

export function unknownPartnership(partnershipId: string): StoreError {
  return new StoreError('unknown_partnership', `unknown partnership ${partnershipId}`);
}

export function unknownOrganisation(organisationId: string): StoreError {
  return new StoreError('unknown_organisation', `unknown organisation ${organisationId}`);
}

export function unknownPerson(personId: string): StoreError {
  return new StoreError('unknown_person', `unknown person ${personId}`);
}

export function personErased(personId: string): StoreError {
  return new StoreError('person_erased', `person ${personId} was erased`);
}

export function unknownDocument(documentId: string): StoreError {
  return new StoreError('unknown_document', `unknown document ${documentId}`);
}

export function notParticipating(partnershipId: string, organisationId: string): StoreError {
  return new StoreError(
    'not_participating',
    `organisation ${organisationId} does not take part in partnership ${partnershipId}`,
  );
}
