import type Database from 'better-sqlite3';
import { personErased, unknownOrganisation, unknownPartnership, unknownPerson } from './errors.ts';

/** Prepared existence checks, to say which parent of a row is missing. */
export class Lookups {
  readonly #partnership;
  readonly #organisation;
  readonly #person;
  readonly #activeParticipation;

  constructor(db: Database.Database) {
    this.#partnership = db.prepare<[string], 1>('SELECT 1 FROM partnerships WHERE id = ?').pluck();
    this.#organisation = db
      .prepare<[string], 1>('SELECT 1 FROM organisations WHERE id = ?')
      .pluck();
    this.#person = db.prepare<[string], { erased: number }>(
      'SELECT erased_at IS NOT NULL AS erased FROM people WHERE id = ?',
    );
    this.#activeParticipation = db
      .prepare<[string, string], 1>(
        `SELECT 1 FROM participations
         WHERE partnership_id = ? AND organisation_id = ? AND left_at IS NULL`,
      )
      .pluck();
  }

  partnershipExists(id: string): boolean {
    return this.#partnership.get(id) !== undefined;
  }

  organisationExists(id: string): boolean {
    return this.#organisation.get(id) !== undefined;
  }

  /** 'unknown', 'erased' or 'active'. */
  personState(id: string): 'unknown' | 'erased' | 'active' {
    const row = this.#person.get(id);
    if (!row) return 'unknown';
    return row.erased === 1 ? 'erased' : 'active';
  }

  participates(partnershipId: string, organisationId: string): boolean {
    return this.#activeParticipation.get(partnershipId, organisationId) !== undefined;
  }

  /** Throws unknown_partnership, unless the partnership exists. */
  requirePartnership(id: string): void {
    if (!this.partnershipExists(id)) throw unknownPartnership(id);
  }

  /** Throws unknown_organisation, unless the organisation exists. */
  requireOrganisation(id: string): void {
    if (!this.organisationExists(id)) throw unknownOrganisation(id);
  }

  /** Throws unknown_person or person_erased, unless the person exists and was not erased. */
  requireActivePerson(id: string): void {
    const state = this.personState(id);
    if (state === 'unknown') throw unknownPerson(id);
    if (state === 'erased') throw personErased(id);
  }
}
