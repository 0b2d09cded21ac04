import Database from 'better-sqlite3';

/** What to say instead of SQLite's generic constraint message, per kind of constraint. */
export interface ConstraintMessages {
  /** The row's id is taken. */
  primaryKey?: string;
  /** The row names a parent that does not exist (each table here has at most one such FK). */
  foreignKey?: string;
}

/**
 * Runs `write` and turns a primary-key or foreign-key violation into an Error that names the
 * record, keeping SQLite's error as `cause`. Every other error passes through untouched.
 */
export function withClearConstraints<T>(messages: ConstraintMessages, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const message = constraintMessage(error, messages);
    if (message) throw new Error(message, { cause: error });
    throw error;
  }
}

function constraintMessage(error: unknown, messages: ConstraintMessages): string | undefined {
  if (!(error instanceof Database.SqliteError)) return undefined;
  if (error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return messages.primaryKey;
  if (error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return messages.foreignKey;
  return undefined;
}

export function unknownDocument(documentId: string): Error {
  return new Error(`unknown document ${documentId}`);
}
