import type Database from 'better-sqlite3';
import type { SessionRecord } from '../store.ts';
import { alreadyExists, unknownPerson, withClearConstraints } from './errors.ts';
import type { Lookups } from './lookups.ts';
import { type SessionRow, toSession } from './rows.ts';

/**
 * Sessions, websocket tickets and password-reset links: the synchronous SQLite half of the
 * Store. Every secret is stored as a hash (the session id, the ticket, the link's token), never
 * as the token itself. Nothing is issued to an unknown or erased person.
 *
 * A time `t` is valid while `now < expiresAt`: expired means `expiresAt <= now`, everywhere.
 */
export class SqliteSessions {
  readonly #lookups: Lookups;
  readonly #insertSession;
  readonly #selectSession;
  readonly #touchSession;
  readonly #deleteSession;
  readonly #deleteSessionsOf;
  readonly #deleteExpiredSessions;
  readonly #deleteExpiredTickets;
  readonly #deleteExpiredResets;
  readonly #insertTicket;
  readonly #consumeTicket;
  readonly #insertReset;
  readonly #consumeReset;
  readonly #sweep;

  constructor(db: Database.Database, lookups: Lookups) {
    this.#lookups = lookups;
    // Each INSERT … SELECT writes nothing unless the person exists and was not erased, in the
    // same statement, so an erasure can never be overtaken by a session or secret created for
    // the person it just erased.
    this.#insertSession = db.prepare<[SessionRow]>(
      `INSERT INTO sessions (id, person_id, csrf_token, created_at, last_seen_at, expires_at)
       SELECT @id, @person_id, @csrf_token, @created_at, @last_seen_at, @expires_at
       WHERE EXISTS (SELECT 1 FROM people WHERE id = @person_id AND erased_at IS NULL)`,
    );
    this.#selectSession = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
    // Never moves a session back in time: concurrent requests may touch it out of order.
    this.#touchSession = db.prepare<[number, number, string]>(
      `UPDATE sessions SET last_seen_at = max(last_seen_at, ?), expires_at = max(expires_at, ?)
       WHERE id = ?`,
    );
    this.#deleteSession = db.prepare<[string]>('DELETE FROM sessions WHERE id = ?');
    // `id IS NOT NULL` keeps every row when there is no exception (ids are never NULL).
    this.#deleteSessionsOf = db
      .prepare<[string, string | null], string>(
        'DELETE FROM sessions WHERE person_id = ? AND id IS NOT ? RETURNING id',
      )
      .pluck();
    this.#deleteExpiredSessions = db.prepare<[number], SessionRow>(
      'DELETE FROM sessions WHERE expires_at <= ? RETURNING *',
    );
    this.#deleteExpiredTickets = db.prepare<[number]>('DELETE FROM tickets WHERE expires_at <= ?');
    this.#deleteExpiredResets = db.prepare<[number]>(
      'DELETE FROM password_resets WHERE expires_at <= ?',
    );
    this.#insertTicket = db.prepare<[{ hash: string; person_id: string; expires_at: number }]>(
      `INSERT INTO tickets (hash, person_id, expires_at, used_at)
       SELECT @hash, @person_id, @expires_at, NULL
       WHERE EXISTS (SELECT 1 FROM people WHERE id = @person_id AND erased_at IS NULL)`,
    );
    // Single use in one statement: of two concurrent consumers, exactly one gets a row back.
    this.#consumeTicket = db
      .prepare<[{ hash: string; now: number }], string>(
        `UPDATE tickets SET used_at = @now
         WHERE hash = @hash AND used_at IS NULL AND expires_at > @now
         RETURNING person_id`,
      )
      .pluck();
    this.#insertReset = db.prepare<
      [{ hash: string; person_id: string; created_by: string | null; expires_at: number }]
    >(
      `INSERT INTO password_resets (hash, person_id, created_by, expires_at, used_at)
       SELECT @hash, @person_id, @created_by, @expires_at, NULL
       WHERE EXISTS (SELECT 1 FROM people WHERE id = @person_id AND erased_at IS NULL)`,
    );
    this.#consumeReset = db
      .prepare<[{ hash: string; now: number }], string>(
        `UPDATE password_resets SET used_at = @now
         WHERE hash = @hash AND used_at IS NULL AND expires_at > @now
         RETURNING person_id`,
      )
      .pluck();
    this.#sweep = db.transaction((now: number): SessionRecord[] => {
      const expired = this.#deleteExpiredSessions.all(now).map(toSession);
      this.#deleteExpiredTickets.run(now);
      this.#deleteExpiredResets.run(now);
      return expired;
    });
  }

  /** Refuses an unknown or erased person and a taken id. */
  createSession(s: SessionRecord): void {
    const { changes } = withClearConstraints(
      { primaryKey: () => alreadyExists(`session ${s.id}`) },
      () =>
        this.#insertSession.run({
          id: s.id,
          person_id: s.personId,
          csrf_token: s.csrfToken,
          created_at: s.createdAt,
          last_seen_at: s.lastSeenAt,
          expires_at: s.expiresAt,
        }),
    );
    if (changes === 0) this.#lookups.requireActivePerson(s.personId);
  }

  /** The session as stored, expired or not: the caller compares `expiresAt` with its clock. */
  getSession(id: string): SessionRecord | undefined {
    const row = this.#selectSession.get(id);
    return row && toSession(row);
  }

  /**
   * Moves `lastSeenAt` and `expiresAt` forward (never back). A session deleted meanwhile (sign
   * out elsewhere, expiry sweep) stays deleted: touching it does nothing.
   */
  touchSession(id: string, lastSeenAt: number, expiresAt: number): void {
    this.#touchSession.run(lastSeenAt, expiresAt, id);
  }

  /** Does nothing when the session is already gone. */
  deleteSession(id: string): void {
    this.#deleteSession.run(id);
  }

  deleteSessionsOf(personId: string, exceptId?: string): string[] {
    return this.#deleteSessionsOf.all(personId, exceptId ?? null);
  }

  /**
   * Deletes and returns the sessions with `expiresAt <= now`; in the same transaction, deletes
   * the tickets and password resets that expired (used or not: they can never be used again).
   */
  deleteExpiredSessions(now: number): SessionRecord[] {
    return this.#sweep.immediate(now);
  }

  /** Refuses an unknown or erased person and a taken hash. */
  createTicket(t: { hash: string; personId: string; expiresAt: number }): void {
    const { changes } = withClearConstraints({ primaryKey: () => alreadyExists('ticket') }, () =>
      this.#insertTicket.run({ hash: t.hash, person_id: t.personId, expires_at: t.expiresAt }),
    );
    if (changes === 0) this.#lookups.requireActivePerson(t.personId);
  }

  /** The ticket's person, once: undefined when unknown, used or expired at `now`. */
  consumeTicket(hash: string, now: number): string | undefined {
    return this.#consumeTicket.get({ hash, now });
  }

  /** Refuses an unknown or erased person, an unknown `createdBy` and a taken hash. */
  createPasswordReset(r: {
    hash: string;
    personId: string;
    createdBy: string | null;
    expiresAt: number;
  }): void {
    const { changes } = withClearConstraints(
      {
        primaryKey: () => alreadyExists('password reset'),
        // person_id passed the EXISTS check, so the missing parent is created_by.
        foreignKey: () => unknownPerson(r.createdBy ?? r.personId),
      },
      () =>
        this.#insertReset.run({
          hash: r.hash,
          person_id: r.personId,
          created_by: r.createdBy,
          expires_at: r.expiresAt,
        }),
    );
    if (changes === 0) this.#lookups.requireActivePerson(r.personId);
  }

  /** The reset's person, once: undefined when unknown, used or expired at `now`. */
  consumePasswordReset(hash: string, now: number): string | undefined {
    return this.#consumeReset.get({ hash, now });
  }
}
