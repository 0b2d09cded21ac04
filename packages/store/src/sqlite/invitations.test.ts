import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AcceptInvitation, InvitationRecord, Store } from '../store.ts';
import { createSqliteStore } from './sqlite-store.ts';
import {
  makeTempDir,
  membership,
  organisation,
  participation,
  person,
  seedPeople,
  storeError,
} from './test-support.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let store: Store;
beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'accord.db');
  store = createSqliteStore({ path: file });
  await seedPeople(store);
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

/** An invitation into p1 for the food bank, made by ana, valid until 10 000. */
function invitation(id: string, overrides: Partial<InvitationRecord> = {}): InvitationRecord {
  return {
    id,
    tokenHash: `token-${id}`,
    partnershipId: 'p1',
    organisationId: 'foodbank',
    role: 'commenter',
    createdBy: 'ana',
    createdAt: 1_000,
    expiresAt: 10_000,
    usedAt: null,
    usedBy: null,
    revokedAt: null,
    ...overrides,
  };
}

const newcomer = person('dee', 'foodbank', { createdAt: 5_000 });
const signUp = (invitationId: string, at = 5_000, create = newcomer): AcceptInvitation => ({
  invitationId,
  at,
  person: { create, passwordHash: 'hash-dee' },
});
const signIn = (invitationId: string, existingId: string, at = 5_000): AcceptInvitation => ({
  invitationId,
  at,
  person: { existingId },
});

describe('invitations', () => {
  it('creates, gets, finds by token hash and lists them, oldest first', async () => {
    await store.createInvitation(invitation('i2', { createdAt: 2_000, role: 'viewer' }));
    await store.createInvitation(invitation('i1', { organisationId: 'city' }));
    expect(await store.getInvitation('i2')).toEqual(
      invitation('i2', { createdAt: 2_000, role: 'viewer' }),
    );
    expect(await store.findInvitationByTokenHash('token-i1')).toEqual(
      invitation('i1', { organisationId: 'city' }),
    );
    expect(await store.getInvitation('ghost')).toBeUndefined();
    expect(await store.findInvitationByTokenHash('ghost')).toBeUndefined();
    expect((await store.listInvitations('p1')).map((i) => i.id)).toEqual(['i1', 'i2']);
    expect(await store.listInvitations('p2')).toEqual([]);
  });

  it('refuses unknown ids, an organisation outside the partnership and taken keys', async () => {
    await storeError(
      store.createInvitation(invitation('i', { partnershipId: 'ghost' })),
      'unknown_partnership',
    );
    await storeError(
      store.createInvitation(invitation('i', { organisationId: 'ghost' })),
      'unknown_organisation',
    );
    await storeError(
      store.createInvitation(invitation('i', { organisationId: 'grocer' })),
      'not_participating',
    );
    await storeError(
      store.createInvitation(invitation('i', { createdBy: 'ghost' })),
      'unknown_person',
    );
    await store.createInvitation(invitation('i'));
    await storeError(
      store.createInvitation(invitation('i', { tokenHash: 'other' })),
      'already_exists',
    );
    await storeError(
      store.createInvitation(invitation('j', { tokenHash: 'token-i' })),
      'already_exists',
    );
    expect((await store.listInvitations('p1')).map((i) => i.id)).toEqual(['i']);
  });

  it('revokes a pending invitation once, and refuses to revoke a used or unknown one', async () => {
    await store.createInvitation(invitation('i1'));
    await store.revokeInvitation('i1', 3_000);
    await store.revokeInvitation('i1', 4_000);
    expect((await store.getInvitation('i1'))?.revokedAt).toBe(3_000);
    await store.createInvitation(invitation('i2'));
    await store.acceptInvitation(signUp('i2'));
    await storeError(store.revokeInvitation('i2', 6_000), 'invitation_used');
    expect((await store.getInvitation('i2'))?.revokedAt).toBeNull();
    await storeError(store.revokeInvitation('ghost', 1), 'unknown_invitation');
  });
});

describe('acceptInvitation', () => {
  beforeEach(async () => {
    await store.createInvitation(invitation('i1'));
  });

  it('signs a new person up: person, used invitation and membership, together', async () => {
    const result = await store.acceptInvitation(signUp('i1'));
    const expected = membership('p1', 'dee', { role: 'commenter', createdAt: 5_000 });
    expect(result).toEqual({ ok: true, personId: 'dee', membership: expected });
    expect(await store.getPerson('dee')).toEqual(newcomer);
    expect(await store.getPasswordHash('dee')).toBe('hash-dee');
    expect(await store.getMembership('p1', 'dee')).toEqual(expected);
    expect(await store.getInvitation('i1')).toEqual(
      invitation('i1', { usedAt: 5_000, usedBy: 'dee' }),
    );
  });

  it('lets an existing person of the organisation in', async () => {
    await store.addParticipation(participation('p2', 'foodbank'));
    await store.createInvitation(invitation('i2', { partnershipId: 'p2', role: 'editor' }));
    const result = await store.acceptInvitation(signIn('i2', 'bo', 6_000));
    const expected = membership('p2', 'bo', { role: 'editor', createdAt: 6_000 });
    expect(result).toEqual({ ok: true, personId: 'bo', membership: expected });
    expect(await store.getMembership('p2', 'bo')).toEqual(expected);
    expect(await store.getInvitation('i2')).toMatchObject({ usedAt: 6_000, usedBy: 'bo' });
    expect((await store.listPartnershipsOf('bo')).map((p) => p.id)).toEqual(['p1', 'p2']);
  });

  it('lets exactly one person in, once: a second attempt is refused and changes nothing', async () => {
    expect((await store.acceptInvitation(signUp('i1'))).ok).toBe(true);
    const again = await store.acceptInvitation(
      signUp('i1', 5_500, person('eve', 'foodbank', { email: 'eve@example.org' })),
    );
    expect(again).toEqual({ ok: false, reason: 'invitation_used' });
    expect(await store.getPerson('eve')).toBeUndefined();
    expect(await store.getInvitation('i1')).toMatchObject({ usedAt: 5_000, usedBy: 'dee' });
    await store.createPerson(person('fay', 'foodbank'), null);
    expect(await store.acceptInvitation(signIn('i1', 'fay'))).toEqual({
      ok: false,
      reason: 'invitation_used',
    });
    expect(await store.getMembership('p1', 'fay')).toBeUndefined();
  });

  /** Asserts the refusal, and that nothing was written: no person, no membership, unused. */
  async function refused(input: AcceptInvitation, reason: string): Promise<void> {
    const before = await store.getInvitation(input.invitationId);
    const membersBefore = await store.listMembers('p1');
    expect(await store.acceptInvitation(input)).toEqual({ ok: false, reason });
    expect(await store.getInvitation(input.invitationId)).toEqual(before);
    expect(await store.listMembers('p1')).toEqual(membersBefore);
    if ('create' in input.person) {
      const created = await store.getPerson(input.person.create.id);
      expect(created).toBeUndefined();
    }
  }

  it('refuses an unknown invitation', async () => {
    await refused(signUp('ghost'), 'invitation_not_found');
  });

  it('refuses a revoked invitation', async () => {
    await store.revokeInvitation('i1', 3_000);
    await refused(signUp('i1'), 'invitation_revoked');
  });

  it('refuses an invitation expired at `at` (expiresAt <= at)', async () => {
    await refused(signUp('i1', 10_000), 'invitation_expired');
    expect((await store.acceptInvitation(signUp('i1', 9_999))).ok).toBe(true);
  });

  it('refuses a taken email, whatever its case', async () => {
    const taken = person('dee', 'foodbank', { email: 'BO@example.org' });
    await refused(signUp('i1', 5_000, taken), 'email_taken');
    expect((await store.getInvitation('i1'))?.usedAt).toBeNull();
  });

  it('refuses a person of another organisation, new or existing', async () => {
    await refused(signUp('i1', 5_000, person('dee', 'city')), 'wrong_organisation');
    await refused(signIn('i1', 'al'), 'wrong_organisation');
  });

  it('refuses a person who is already a member', async () => {
    await store.createInvitation(invitation('i2', { role: 'facilitator' }));
    await refused(signIn('i2', 'bo'), 'already_member');
    expect((await store.getMembership('p1', 'bo'))?.role).toBe('editor');
  });

  it('treats an invitation whose organisation left the partnership as revoked', async () => {
    await store.createOrganisation(organisation('late'));
    await store.addParticipation(participation('p1', 'late'));
    await store.createInvitation(invitation('i2', { organisationId: 'late' }));
    await store.createInvitation(invitation('i3', { organisationId: 'late' }));
    // endParticipation revokes pending invitations…
    await store.endParticipation('p1', 'late', 4_000);
    expect((await store.getInvitation('i2'))?.revokedAt).toBe(4_000);
    await refused(signUp('i2', 5_000, person('dee', 'late')), 'invitation_revoked');
    // …and an invitation that escaped it (written by hand here) is still refused.
    const raw = new Database(file);
    try {
      raw.prepare("UPDATE invitations SET revoked_at = NULL WHERE id = 'i3'").run();
    } finally {
      raw.close();
    }
    await refused(signUp('i3', 5_000, person('dee', 'late')), 'invitation_revoked');
  });

  it('rejects (rather than refuses) an unknown or erased signed-in person', async () => {
    await storeError(store.acceptInvitation(signIn('i1', 'ghost')), 'unknown_person');
    await store.createPerson(person('fay', 'foodbank'), null);
    await store.erasePerson('fay', 4_000);
    await storeError(store.acceptInvitation(signIn('i1', 'fay')), 'person_erased');
    expect((await store.getInvitation('i1'))?.usedAt).toBeNull();
  });

  it('rolls everything back when the last write fails', async () => {
    // A trigger (added through a second connection) makes the membership insert, the last
    // write, fail after the person was created and the invitation marked used.
    const raw = new Database(file);
    raw.exec(`CREATE TRIGGER fail_membership BEFORE INSERT ON memberships
              BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    try {
      await expect(store.acceptInvitation(signUp('i1'))).rejects.toThrow('disk on fire');
      expect(await store.getPerson('dee')).toBeUndefined();
      expect((await store.getInvitation('i1'))?.usedAt).toBeNull();
      raw.exec('DROP TRIGGER fail_membership');
      expect((await store.acceptInvitation(signUp('i1'))).ok).toBe(true);
    } finally {
      raw.close();
    }
  });

  it('rejects a taken person id as an error, storing nothing', async () => {
    const clash = person('bo', 'foodbank', { email: 'x@example.org' });
    await storeError(store.acceptInvitation(signUp('i1', 5_000, clash)), 'already_exists');
    expect((await store.getInvitation('i1'))?.usedAt).toBeNull();
    expect(await store.findPersonByEmail('x@example.org')).toBeUndefined();
  });
});
