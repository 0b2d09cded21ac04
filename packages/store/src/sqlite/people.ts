import type Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import type {
  MembershipRecord,
  MemberWithPerson,
  MyPartnership,
  PersonRecord,
  Role,
} from '../store.ts';
import {
  alreadyExists,
  notParticipating,
  personErased,
  unknownOrganisation,
  unknownPartnership,
  unknownPerson,
  withClearConstraints,
} from './errors.ts';
import type { Lookups } from './lookups.ts';
import {
  bit,
  type MemberRow,
  type MembershipRow,
  type MyPartnershipRow,
  type PersonRow,
  type PersonWithPasswordRow,
  toMembership,
  toPartnership,
  toPerson,
} from './rows.ts';

type MembershipPatch = Partial<Pick<MembershipRecord, 'role' | 'signatory'>>;

const PERSON_COLUMNS = 'id, organisation_id, name, email, colour, created_at, erased_at';

/** Emails are compared and stored lower-cased (Unicode-aware, as JavaScript lower-cases). */
export function normaliseEmail(email: string): string {
  return email.toLowerCase();
}

/**
 * People (accounts) and memberships: the synchronous SQLite half of the Store. A person's row is
 * never deleted: erasure nulls their personal data and keeps the id that documents, comments and
 * audit entries refer to.
 */
export class SqlitePeople {
  readonly #lookups: Lookups;
  readonly #insertPerson;
  readonly #selectPerson;
  readonly #selectPersonByEmail;
  readonly #selectPasswordHash;
  readonly #updatePasswordHash;
  readonly #erasePerson;
  readonly #deleteSessionsOfPerson;
  readonly #deleteTicketsOfPerson;
  readonly #deleteResetsOfPerson;
  readonly #deleteMembershipsOfPerson;
  readonly #deleteReadMarkersOfPerson;
  readonly #insertMembership;
  readonly #selectMembership;
  readonly #selectMembers;
  readonly #selectPartnershipsOf;
  readonly #updateMembership;
  readonly #deleteMembership;
  readonly #erase;
  readonly #addMembership;

  constructor(db: Database.Database, lookups: Lookups) {
    this.#lookups = lookups;
    this.#insertPerson = db.prepare<[PersonWithPasswordRow]>(
      `INSERT INTO people (${PERSON_COLUMNS}, password_hash)
       VALUES (@id, @organisation_id, @name, @email, @colour, @created_at, @erased_at, @password_hash)`,
    );
    this.#selectPerson = db.prepare<[string], PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM people WHERE id = ?`,
    );
    this.#selectPersonByEmail = db.prepare<[string], PersonWithPasswordRow>(
      `SELECT ${PERSON_COLUMNS}, password_hash FROM people WHERE email = ?`,
    );
    this.#selectPasswordHash = db.prepare<[string], { password_hash: string | null }>(
      'SELECT password_hash FROM people WHERE id = ?',
    );
    this.#updatePasswordHash = db.prepare<[string, string]>(
      'UPDATE people SET password_hash = ? WHERE id = ? AND erased_at IS NULL',
    );
    // A second erasure keeps the first date.
    this.#erasePerson = db.prepare<[number, string]>(
      `UPDATE people SET name = NULL, email = NULL, password_hash = NULL,
         erased_at = coalesce(erased_at, ?)
       WHERE id = ?`,
    );
    this.#deleteSessionsOfPerson = db.prepare<[string]>('DELETE FROM sessions WHERE person_id = ?');
    this.#deleteTicketsOfPerson = db.prepare<[string]>('DELETE FROM tickets WHERE person_id = ?');
    this.#deleteResetsOfPerson = db.prepare<[string]>(
      'DELETE FROM password_resets WHERE person_id = ?',
    );
    this.#deleteMembershipsOfPerson = db.prepare<[string]>(
      'DELETE FROM memberships WHERE person_id = ?',
    );
    // When and what a person read is theirs; what they wrote stays (under a neutral label).
    this.#deleteReadMarkersOfPerson = db.prepare<[string]>(
      'DELETE FROM comment_reads WHERE person_id = ?',
    );
    this.#insertMembership = db.prepare<[MembershipRow]>(
      `INSERT INTO memberships (partnership_id, person_id, role, signatory, created_at)
       VALUES (@partnership_id, @person_id, @role, @signatory, @created_at)`,
    );
    this.#selectMembership = db.prepare<[string, string], MembershipRow>(
      'SELECT * FROM memberships WHERE partnership_id = ? AND person_id = ?',
    );
    this.#selectMembers = db.prepare<[string], MemberRow>(
      `SELECT m.*, p.id AS p_id, p.organisation_id AS p_organisation_id, p.name AS p_name,
         p.email AS p_email, p.colour AS p_colour, p.created_at AS p_created_at,
         p.erased_at AS p_erased_at
       FROM memberships m JOIN people p ON p.id = m.person_id
       WHERE m.partnership_id = ? ORDER BY m.created_at, m.rowid`,
    );
    this.#selectPartnershipsOf = db.prepare<[string], MyPartnershipRow>(
      `SELECT p.*, m.role, m.signatory
       FROM memberships m JOIN partnerships p ON p.id = m.partnership_id
       WHERE m.person_id = ? ORDER BY p.created_at, p.id`,
    );
    // NULL keeps the column: neither column is nullable.
    this.#updateMembership = db.prepare<
      [{ partnership_id: string; person_id: string; role: string | null; signatory: 0 | 1 | null }]
    >(
      `UPDATE memberships SET role = coalesce(@role, role), signatory = coalesce(@signatory, signatory)
       WHERE partnership_id = @partnership_id AND person_id = @person_id`,
    );
    this.#deleteMembership = db.prepare<[string, string]>(
      'DELETE FROM memberships WHERE partnership_id = ? AND person_id = ?',
    );
    this.#erase = db.transaction((personId: string, at: number) => {
      const { changes } = this.#erasePerson.run(at, personId);
      if (changes === 0) throw unknownPerson(personId);
      this.#deleteSessionsOfPerson.run(personId);
      this.#deleteTicketsOfPerson.run(personId);
      this.#deleteResetsOfPerson.run(personId);
      this.#deleteMembershipsOfPerson.run(personId);
      this.#deleteReadMarkersOfPerson.run(personId);
    });
    this.#addMembership = db.transaction((m: MembershipRecord) => this.insertMembership(m));
  }

  /**
   * Stores the email lower-cased. Refuses a taken email ('email_taken', compared lower-cased),
   * a taken id ('already_exists') and an unknown organisation.
   */
  createPerson(person: PersonRecord, passwordHash: string | null): void {
    withClearConstraints(
      {
        primaryKey: () => alreadyExists(`person ${person.id}`),
        // people.email is the table's only UNIQUE column besides its primary key.
        unique: () => new StoreError('email_taken', `the email of person ${person.id} is taken`),
        foreignKey: () => unknownOrganisation(person.organisationId),
      },
      () =>
        this.#insertPerson.run({
          id: person.id,
          organisation_id: person.organisationId,
          name: person.name,
          email: person.email === null ? null : normaliseEmail(person.email),
          colour: person.colour,
          created_at: person.createdAt,
          erased_at: person.erasedAt,
          password_hash: passwordHash,
        }),
    );
  }

  getPerson(id: string): PersonRecord | undefined {
    const row = this.#selectPerson.get(id);
    return row && toPerson(row);
  }

  /** Case-insensitive. An erased person has no email, so is never found. */
  findPersonByEmail(
    email: string,
  ): { person: PersonRecord; passwordHash: string | null } | undefined {
    const row = this.#selectPersonByEmail.get(normaliseEmail(email));
    return row && { person: toPerson(row), passwordHash: row.password_hash };
  }

  /** Null when the person has no password (yet, or any more); unknown ids are refused. */
  getPasswordHash(personId: string): string | null {
    const row = this.#selectPasswordHash.get(personId);
    if (!row) throw unknownPerson(personId);
    return row.password_hash;
  }

  /** Refuses unknown and erased people. */
  setPasswordHash(personId: string, passwordHash: string): void {
    const { changes } = this.#updatePasswordHash.run(passwordHash, personId);
    if (changes === 0) throw this.#personMissing(personId);
  }

  /**
   * One IMMEDIATE transaction: personal data nulled, `erasedAt` set (kept from the first
   * erasure when repeated), sessions, tickets, password resets, memberships and comment read
   * markers deleted.
   */
  erasePerson(personId: string, at: number): void {
    this.#erase.immediate(personId, at);
  }

  /**
   * Refuses an unknown or erased person, an unknown partnership, a person whose organisation
   * does not take part in the partnership ('not_participating') and an existing membership
   * ('already_member').
   */
  addMembership(m: MembershipRecord): void {
    this.#addMembership.immediate(m);
  }

  /** The checks and insert of addMembership, for a caller already inside a transaction. */
  insertMembership(m: MembershipRecord): void {
    const person = this.#selectPerson.get(m.personId);
    if (!person) throw unknownPerson(m.personId);
    if (person.erased_at !== null) throw personErased(m.personId);
    if (!this.#lookups.partnershipExists(m.partnershipId)) {
      throw unknownPartnership(m.partnershipId);
    }
    if (!this.#lookups.participates(m.partnershipId, person.organisation_id)) {
      throw notParticipating(m.partnershipId, person.organisation_id);
    }
    withClearConstraints(
      {
        primaryKey: () =>
          new StoreError(
            'already_member',
            `person ${m.personId} is already a member of partnership ${m.partnershipId}`,
          ),
      },
      () =>
        this.#insertMembership.run({
          partnership_id: m.partnershipId,
          person_id: m.personId,
          role: m.role,
          signatory: bit(m.signatory),
          created_at: m.createdAt,
        }),
    );
  }

  getMembership(partnershipId: string, personId: string): MembershipRecord | undefined {
    const row = this.#selectMembership.get(partnershipId, personId);
    return row && toMembership(row);
  }

  listMembers(partnershipId: string): MemberWithPerson[] {
    return this.#selectMembers.all(partnershipId).map((row) => ({
      ...toMembership(row),
      person: toPerson({
        id: row.p_id,
        organisation_id: row.p_organisation_id,
        name: row.p_name,
        email: row.p_email,
        colour: row.p_colour,
        created_at: row.p_created_at,
        erased_at: row.p_erased_at,
      }),
    }));
  }

  listPartnershipsOf(personId: string): MyPartnership[] {
    return this.#selectPartnershipsOf.all(personId).map((row) => ({
      ...toPartnership(row),
      role: row.role as Role,
      signatory: row.signatory === 1,
    }));
  }

  /** Fields absent from `patch` (or undefined) keep their value. */
  updateMembership(partnershipId: string, personId: string, patch: MembershipPatch): void {
    const { changes } = this.#updateMembership.run({
      partnership_id: partnershipId,
      person_id: personId,
      role: patch.role ?? null,
      signatory: patch.signatory === undefined ? null : bit(patch.signatory),
    });
    if (changes === 0) throw unknownMembership(partnershipId, personId);
  }

  removeMembership(partnershipId: string, personId: string): void {
    const { changes } = this.#deleteMembership.run(partnershipId, personId);
    if (changes === 0) throw unknownMembership(partnershipId, personId);
  }

  #personMissing(personId: string): StoreError {
    return this.#lookups.personState(personId) === 'erased'
      ? personErased(personId)
      : unknownPerson(personId);
  }
}

function unknownMembership(partnershipId: string, personId: string): StoreError {
  return new StoreError(
    'unknown_membership',
    `person ${personId} is not a member of partnership ${partnershipId}`,
  );
}
