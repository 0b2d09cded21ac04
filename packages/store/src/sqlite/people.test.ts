import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.ts';
import { createSqliteStore } from './sqlite-store.ts';
import {
  makeTempDir,
  membership,
  organisation,
  participation,
  partnership,
  person,
  seedPeople,
  storeError,
} from './test-support.ts';

let temp: ReturnType<typeof makeTempDir>;
let store: Store;
beforeEach(async () => {
  temp = makeTempDir();
  store = createSqliteStore({ path: path.join(temp.dir, 'accord.db') });
  await seedPeople(store);
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

describe('people', () => {
  it('creates and gets a person, nulls and numbers mapped', async () => {
    expect(await store.getPerson('ana')).toEqual(person('ana', 'city'));
    await store.createPerson(person('nameless', 'city', { name: null, email: null }), null);
    expect(await store.getPerson('nameless')).toEqual(
      person('nameless', 'city', { name: null, email: null }),
    );
    expect(await store.getPerson('ghost')).toBeUndefined();
  });

  it('stores emails lower-cased and finds them whatever their case', async () => {
    await store.createPerson(person('dee', 'city', { email: 'Dee.Ölund@Example.ORG' }), 'h');
    expect((await store.getPerson('dee'))?.email).toBe('dee.ölund@example.org');
    const found = await store.findPersonByEmail('DEE.ÖLUND@example.org');
    expect(found).toEqual({
      person: person('dee', 'city', { email: 'dee.ölund@example.org' }),
      passwordHash: 'h',
    });
    expect(await store.findPersonByEmail('nobody@example.org')).toBeUndefined();
  });

  it('refuses an email in use, whatever its case, with code email_taken', async () => {
    for (const email of ['ana@example.org', 'ANA@Example.Org']) {
      const error = await storeError(
        store.createPerson(person('ana2', 'foodbank', { email }), null),
        'email_taken',
      );
      expect(error.message).toBe('the email of person ana2 is taken');
    }
    expect(await store.getPerson('ana2')).toBeUndefined();
    // People without an email never collide.
    await store.createPerson(person('x1', 'city', { email: null }), null);
    await store.createPerson(person('x2', 'city', { email: null }), null);
  });

  it('refuses a taken id and an unknown organisation', async () => {
    const taken = await storeError(
      store.createPerson(person('ana', 'city', { email: 'other@example.org' }), null),
      'already_exists',
    );
    expect(taken.message).toBe('person ana already exists');
    const unknown = await storeError(
      store.createPerson(person('x', 'ghost'), null),
      'unknown_organisation',
    );
    expect(unknown.message).toBe('unknown organisation ghost');
  });

  it('reads and replaces a password hash', async () => {
    expect(await store.getPasswordHash('ana')).toBe('hash-ana');
    await store.setPasswordHash('ana', 'new-hash');
    expect(await store.getPasswordHash('ana')).toBe('new-hash');
    expect((await store.findPersonByEmail('ana@example.org'))?.passwordHash).toBe('new-hash');
    await store.createPerson(person('np', 'city'), null);
    expect(await store.getPasswordHash('np')).toBeNull();
    await storeError(store.getPasswordHash('ghost'), 'unknown_person');
    await storeError(store.setPasswordHash('ghost', 'h'), 'unknown_person');
  });
});

describe('memberships', () => {
  it('gets and lists members with their person, in order of joining', async () => {
    expect(await store.getMembership('p1', 'bo')).toEqual(
      membership('p1', 'bo', { signatory: true, createdAt: 2_000 }),
    );
    expect(await store.getMembership('p1', 'al')).toBeUndefined();
    expect(await store.listMembers('p1')).toEqual([
      {
        ...membership('p1', 'ana', { role: 'facilitator', createdAt: 1_000 }),
        person: person('ana', 'city'),
      },
      {
        ...membership('p1', 'bo', { signatory: true, createdAt: 2_000 }),
        person: person('bo', 'foodbank'),
      },
    ]);
    expect(await store.listMembers('ghost')).toEqual([]);
  });

  it('refuses an existing member, unknown ids and a person whose organisation is not in', async () => {
    await storeError(store.addMembership(membership('p1', 'ana')), 'already_member');
    await storeError(store.addMembership(membership('p1', 'ghost')), 'unknown_person');
    await storeError(store.addMembership(membership('ghost', 'al')), 'unknown_partnership');
    const outsider = await storeError(
      store.addMembership(membership('p2', 'al')),
      'not_participating',
    );
    expect(outsider.message).toBe('organisation city does not take part in partnership p2');
    await store.addMembership(membership('p1', 'al', { role: 'commenter' }));
    expect((await store.getMembership('p1', 'al'))?.role).toBe('commenter');
  });

  it('updates only the fields of the patch', async () => {
    await store.updateMembership('p1', 'bo', { role: 'facilitator' });
    expect(await store.getMembership('p1', 'bo')).toEqual(
      membership('p1', 'bo', { role: 'facilitator', signatory: true, createdAt: 2_000 }),
    );
    await store.updateMembership('p1', 'bo', { signatory: false });
    expect(await store.getMembership('p1', 'bo')).toMatchObject({
      role: 'facilitator',
      signatory: false,
    });
    await store.updateMembership('p1', 'bo', {});
    await storeError(store.updateMembership('p1', 'al', { role: 'viewer' }), 'unknown_membership');
  });

  it('removes a membership', async () => {
    await store.removeMembership('p1', 'bo');
    expect(await store.getMembership('p1', 'bo')).toBeUndefined();
    expect(await store.listPartnershipsOf('bo')).toEqual([]);
    await storeError(store.removeMembership('p1', 'bo'), 'unknown_membership');
  });
});

describe('erasePerson', () => {
  const session = (id: string, personId: string) => ({
    id,
    personId,
    csrfToken: `csrf-${id}`,
    createdAt: 1,
    lastSeenAt: 1,
    expiresAt: 10_000,
  });

  it('nulls the personal data and deletes sessions, secrets and memberships, keeping the row', async () => {
    await store.addParticipation(participation('p2', 'foodbank'));
    await store.addMembership(membership('p2', 'bo'));
    await store.createSession(session('s1', 'bo'));
    await store.createSession(session('s2', 'bo'));
    await store.createSession(session('s3', 'ana'));
    await store.createTicket({ hash: 't1', personId: 'bo', expiresAt: 10_000 });
    await store.createPasswordReset({
      hash: 'r1',
      personId: 'bo',
      createdBy: 'ana',
      expiresAt: 10_000,
    });
    await store.createPasswordReset({
      hash: 'r2',
      personId: 'ana',
      createdBy: 'bo',
      expiresAt: 10_000,
    });
    const build = (chain: string) => (previous: { seq: number; hash: string } | null) => ({
      chain,
      seq: (previous?.seq ?? 0) + 1,
      at: 5,
      actorId: 'bo',
      action: 'member.signatory',
      data: { personId: 'bo' },
      prevHash: previous?.hash ?? '',
      hash: `h${(previous?.seq ?? 0) + 1}`,
    });
    await store.appendAudit('partnership:p1', build('partnership:p1'));
    await store.appendAudit('partnership:p1', build('partnership:p1'));
    const auditBefore = await store.listAudit('partnership:p1');

    await store.erasePerson('bo', 7_000);

    expect(await store.getPerson('bo')).toEqual(
      person('bo', 'foodbank', { name: null, email: null, erasedAt: 7_000 }),
    );
    expect(await store.getPasswordHash('bo')).toBeNull();
    expect(await store.findPersonByEmail('bo@example.org')).toBeUndefined();
    expect(await store.getSession('s1')).toBeUndefined();
    expect(await store.getSession('s2')).toBeUndefined();
    expect(await store.getSession('s3')).toBeDefined();
    expect(await store.consumeTicket('t1', 1)).toBeUndefined();
    expect(await store.consumePasswordReset('r1', 1)).toBeUndefined();
    // A reset bo issued for someone else belongs to that person: it stays.
    expect(await store.consumePasswordReset('r2', 1)).toBe('ana');
    expect(await store.getMembership('p1', 'bo')).toBeUndefined();
    expect(await store.getMembership('p2', 'bo')).toBeUndefined();
    expect(await store.listPartnershipsOf('bo')).toEqual([]);
    expect(await store.listAudit('partnership:p1')).toEqual(auditBefore);
    // The email is free again.
    await store.createPerson(person('bo2', 'foodbank', { email: 'bo@example.org' }), null);
  });

  it('keeps the first date when repeated, and refuses an unknown person', async () => {
    await store.erasePerson('bo', 7_000);
    await store.erasePerson('bo', 8_000);
    expect((await store.getPerson('bo'))?.erasedAt).toBe(7_000);
    await storeError(store.erasePerson('ghost', 1), 'unknown_person');
  });

  it('leaves an erased person unable to get a password, a session, a secret or a membership', async () => {
    await store.erasePerson('al', 7_000);
    await storeError(store.setPasswordHash('al', 'h'), 'person_erased');
    await storeError(store.createSession(session('s1', 'al')), 'person_erased');
    await storeError(
      store.createTicket({ hash: 't', personId: 'al', expiresAt: 10_000 }),
      'person_erased',
    );
    await storeError(
      store.createPasswordReset({ hash: 'r', personId: 'al', createdBy: null, expiresAt: 10_000 }),
      'person_erased',
    );
    await storeError(store.addMembership(membership('p1', 'al')), 'person_erased');
  });
});

describe('organisations that exist on their own', () => {
  it('keep their people across partnerships', async () => {
    await store.createPartnership(partnership('p3'));
    await store.createOrganisation(organisation('solo'));
    await store.createPerson(person('sol', 'solo'), null);
    await storeError(store.addMembership(membership('p3', 'sol')), 'not_participating');
    await store.addParticipation(participation('p3', 'solo'));
    await store.addParticipation(participation('p3', 'foodbank'));
    await store.addMembership(membership('p3', 'sol'));
    await store.addMembership(membership('p3', 'bo', { role: 'viewer' }));
    expect((await store.listPartnershipsOf('bo')).map((p) => [p.id, p.role])).toEqual([
      ['p1', 'editor'],
      ['p3', 'viewer'],
    ]);
  });
});
