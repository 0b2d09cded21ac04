import type Database from 'better-sqlite3';
import { isStoreError, StoreError } from '../errors.ts';
import type {
  AcceptInvitation,
  AcceptInvitationResult,
  InvitationRecord,
  MembershipRecord,
  Role,
} from '../store.ts';
import {
  alreadyExists,
  notParticipating,
  personErased,
  unknownPerson,
  withClearConstraints,
} from './errors.ts';
import type { Lookups } from './lookups.ts';
import type { SqlitePeople } from './people.ts';
import { type InvitationRow, toInvitation } from './rows.ts';

type Refusal = Extract<AcceptInvitationResult, { ok: false }>['reason'];

/**
 * Invitation links: a hash of the link's token, bound to a partnership, an organisation that
 * takes part in it and a role. Accepting one lets exactly one person in, once.
 */
export class SqliteInvitations {
  readonly #lookups: Lookups;
  readonly #people: SqlitePeople;
  readonly #insertInvitation;
  readonly #selectInvitation;
  readonly #selectByTokenHash;
  readonly #selectInvitations;
  readonly #revoke;
  readonly #markUsed;
  readonly #create;
  readonly #accept;

  constructor(db: Database.Database, lookups: Lookups, people: SqlitePeople) {
    this.#lookups = lookups;
    this.#people = people;
    this.#insertInvitation = db.prepare<[InvitationRow]>(
      `INSERT INTO invitations (id, token_hash, partnership_id, organisation_id, role, created_by,
         created_at, expires_at, used_at, used_by, revoked_at)
       VALUES (@id, @token_hash, @partnership_id, @organisation_id, @role, @created_by,
         @created_at, @expires_at, @used_at, @used_by, @revoked_at)`,
    );
    this.#selectInvitation = db.prepare<[string], InvitationRow>(
      'SELECT * FROM invitations WHERE id = ?',
    );
    this.#selectByTokenHash = db.prepare<[string], InvitationRow>(
      'SELECT * FROM invitations WHERE token_hash = ?',
    );
    this.#selectInvitations = db.prepare<[string], InvitationRow>(
      'SELECT * FROM invitations WHERE partnership_id = ? ORDER BY created_at, rowid',
    );
    this.#revoke = db.prepare<[number, string]>(
      'UPDATE invitations SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL',
    );
    this.#markUsed = db.prepare<[number, string, string]>(
      `UPDATE invitations SET used_at = ?, used_by = ?
       WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL`,
    );
    this.#create = db.transaction((i: InvitationRecord) => this.#createInvitation(i));
    this.#accept = db.transaction((input: AcceptInvitation) => this.#acceptInvitation(input));
  }

  /**
   * Refuses an unknown partnership, organisation or creator, an organisation that does not take
   * part in the partnership ('not_participating'), and a taken id or token hash.
   */
  createInvitation(i: InvitationRecord): void {
    this.#create.immediate(i);
  }

  getInvitation(id: string): InvitationRecord | undefined {
    const row = this.#selectInvitation.get(id);
    return row && toInvitation(row);
  }

  findInvitationByTokenHash(tokenHash: string): InvitationRecord | undefined {
    const row = this.#selectByTokenHash.get(tokenHash);
    return row && toInvitation(row);
  }

  /** Every invitation of the partnership (pending, used, revoked, expired), oldest first. */
  listInvitations(partnershipId: string): InvitationRecord[] {
    return this.#selectInvitations.all(partnershipId).map(toInvitation);
  }

  /**
   * Revoking twice keeps the first date. A used invitation cannot be revoked ('invitation_used';
   * remove the membership instead); an unknown one is refused ('unknown_invitation').
   */
  revokeInvitation(id: string, at: number): void {
    const { changes } = this.#revoke.run(at, id);
    if (changes > 0) return;
    const row = this.#selectInvitation.get(id);
    if (!row) throw new StoreError('unknown_invitation', `unknown invitation ${id}`);
    if (row.used_at !== null) {
      throw new StoreError('invitation_used', `invitation ${id} was already used`);
    }
  }

  /** One IMMEDIATE transaction: see Store.acceptInvitation. */
  acceptInvitation(input: AcceptInvitation): AcceptInvitationResult {
    return this.#accept.immediate(input);
  }

  #createInvitation(i: InvitationRecord): void {
    this.#lookups.requirePartnership(i.partnershipId);
    this.#lookups.requireOrganisation(i.organisationId);
    if (!this.#lookups.participates(i.partnershipId, i.organisationId)) {
      throw notParticipating(i.partnershipId, i.organisationId);
    }
    if (this.#lookups.personState(i.createdBy) === 'unknown') throw unknownPerson(i.createdBy);
    withClearConstraints(
      {
        primaryKey: () => alreadyExists(`invitation ${i.id}`),
        unique: () => alreadyExists(`an invitation with the token hash of ${i.id}`),
        // Only used_by is left unchecked.
        foreignKey: () => unknownPerson(i.usedBy ?? i.createdBy),
      },
      () =>
        this.#insertInvitation.run({
          id: i.id,
          token_hash: i.tokenHash,
          partnership_id: i.partnershipId,
          organisation_id: i.organisationId,
          role: i.role,
          created_by: i.createdBy,
          created_at: i.createdAt,
          expires_at: i.expiresAt,
          used_at: i.usedAt,
          used_by: i.usedBy,
          revoked_at: i.revokedAt,
        }),
    );
  }

  /**
   * Every check runs before the first write, so a refusal returns from a transaction that wrote
   * nothing; a failure after a write throws and rolls everything back.
   */
  #acceptInvitation({ invitationId, at, person }: AcceptInvitation): AcceptInvitationResult {
    const invitation = this.#selectInvitation.get(invitationId);
    if (!invitation) return refuse('invitation_not_found');
    if (invitation.used_at !== null) return refuse('invitation_used');
    if (invitation.revoked_at !== null) return refuse('invitation_revoked');
    if (invitation.expires_at <= at) return refuse('invitation_expired');
    // Invitations are only made for participating organisations and leaving revokes them, so
    // this only catches a leaving that raced with the acceptance: the invitation is void.
    if (!this.#lookups.participates(invitation.partnership_id, invitation.organisation_id)) {
      return refuse('invitation_revoked');
    }

    let personId: string;
    if ('create' in person) {
      if (person.create.organisationId !== invitation.organisation_id) {
        return refuse('wrong_organisation');
      }
      personId = person.create.id;
      try {
        this.#people.createPerson(person.create, person.passwordHash);
      } catch (error) {
        // Nothing was written yet: returning commits an empty transaction.
        if (isStoreError(error, 'email_taken')) return refuse('email_taken');
        throw error;
      }
    } else {
      personId = person.existingId;
      const existing = this.#people.getPerson(personId);
      // A signed-in person always exists and is not erased (erasure deletes their sessions):
      // anything else is a bug upstream, not a refusal to show.
      if (!existing) throw unknownPerson(personId);
      if (existing.erasedAt !== null) throw personErased(personId);
      if (existing.organisationId !== invitation.organisation_id) {
        return refuse('wrong_organisation');
      }
      if (this.#people.getMembership(invitation.partnership_id, personId)) {
        return refuse('already_member');
      }
    }

    const { changes } = this.#markUsed.run(at, personId, invitationId);
    // The IMMEDIATE transaction holds the write lock since the read above: nobody could use it.
    if (changes !== 1) throw new Error(`invitation ${invitationId} changed during its acceptance`);
    const membership: MembershipRecord = {
      partnershipId: invitation.partnership_id,
      personId,
      role: invitation.role as Role,
      signatory: false,
      createdAt: at,
    };
    this.#people.insertMembership(membership);
    return { ok: true, personId, membership };
  }
}

function refuse(reason: Refusal): AcceptInvitationResult {
  return { ok: false, reason };
}
