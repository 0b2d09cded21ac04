import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StoreError } from '../errors.ts';
import type { InvitationRecord, Store } from '../store.ts';
import { createSqliteStore } from './sqlite-store.ts';
import {
  documentRecord,
  makeTempDir,
  membership,
  organisation,
  participation,
  partnership,
  person,
  seedPeople,
  storeError,
  textState,
} from './test-support.ts';

let temp: ReturnType<typeof makeTempDir>;
let store: Store;
beforeEach(() => {
  temp = makeTempDir();
  store = createSqliteStore({ path: path.join(temp.dir, 'data', 'accord.db') });
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

describe('partnerships', () => {
  it('creates, gets and lists them, oldest first', async () => {
    await store.createPartnership(partnership('p2', { createdAt: 2_000, language: 'en' }));
    await store.createPartnership(partnership('p1', { createdAt: 1_000 }));
    expect(await store.getPartnership('p2')).toEqual(
      partnership('p2', { createdAt: 2_000, language: 'en' }),
    );
    expect(await store.getPartnership('nope')).toBeUndefined();
    expect((await store.listPartnerships()).map((p) => p.id)).toEqual(['p1', 'p2']);
  });

  it('refuses a duplicate id with a StoreError that says so', async () => {
    await store.createPartnership(partnership('p1'));
    const error = await storeError(store.createPartnership(partnership('p1')), 'already_exists');
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toBe('partnership p1 already exists');
  });

  it('updates only the fields of the patch', async () => {
    await store.createPartnership(partnership('p1'));
    await store.updatePartnership('p1', { name: 'Pacte', language: 'en' });
    expect(await store.getPartnership('p1')).toEqual(
      partnership('p1', { name: 'Pacte', language: 'en' }),
    );
    await store.updatePartnership('p1', { purpose: 'Jobs', name: undefined });
    expect(await store.getPartnership('p1')).toEqual(
      partnership('p1', { name: 'Pacte', language: 'en', purpose: 'Jobs' }),
    );
    await store.updatePartnership('p1', {});
    expect((await store.getPartnership('p1'))?.name).toBe('Pacte');
    await storeError(store.updatePartnership('ghost', { name: 'x' }), 'unknown_partnership');
  });

  it('lists the partnerships of a person with their role, oldest first', async () => {
    await seedPeople(store);
    await store.addParticipation(participation('p2', 'city'));
    await store.addMembership(membership('p2', 'ana', { role: 'viewer', signatory: true }));
    expect(await store.listPartnershipsOf('ana')).toEqual([
      { ...partnership('p1', { createdAt: 1_000 }), role: 'facilitator', signatory: false },
      { ...partnership('p2', { createdAt: 2_000 }), role: 'viewer', signatory: true },
    ]);
    expect(await store.listPartnershipsOf('al')).toEqual([]);
    expect(await store.listPartnershipsOf('ghost')).toEqual([]);
  });
});

describe('organisations', () => {
  it('exist on their own: create and get, sector and date mapped', async () => {
    const grocer = organisation('grocer', { sector: 'company', createdAt: 42 });
    await store.createOrganisation(grocer);
    expect(await store.getOrganisation('grocer')).toEqual(grocer);
    expect(await store.getOrganisation('ghost')).toBeUndefined();
    const error = await storeError(store.createOrganisation(grocer), 'already_exists');
    expect(error.message).toBe('organisation grocer already exists');
  });
});

describe('participations', () => {
  beforeEach(async () => {
    await store.createPartnership(partnership('p1'));
    await store.createPartnership(partnership('p2'));
    await store.createOrganisation(organisation('city', { sector: 'public-agency' }));
    await store.createOrganisation(organisation('foodbank'));
  });

  it('places one organisation in several partnerships, each with its colour', async () => {
    await store.addParticipation(participation('p1', 'foodbank', { joinedAt: 2_000 }));
    await store.addParticipation(
      participation('p1', 'city', { colour: '#ff0000', joinedAt: 1_000 }),
    );
    await store.addParticipation(participation('p2', 'city', { colour: '#00ff00' }));
    expect(await store.listParticipations('p1')).toEqual([
      {
        ...participation('p1', 'city', { colour: '#ff0000', joinedAt: 1_000 }),
        organisation: organisation('city', { sector: 'public-agency' }),
      },
      {
        ...participation('p1', 'foodbank', { joinedAt: 2_000 }),
        organisation: organisation('foodbank'),
      },
    ]);
    expect(await store.getParticipation('p2', 'city')).toEqual(
      participation('p2', 'city', { colour: '#00ff00' }),
    );
    expect(await store.getParticipation('p2', 'foodbank')).toBeUndefined();
    expect(await store.listParticipations('ghost')).toEqual([]);
  });

  it('refuses unknown ids, a second participation and a participation that already ended', async () => {
    await storeError(store.addParticipation(participation('ghost', 'city')), 'unknown_partnership');
    await storeError(store.addParticipation(participation('p1', 'ghost')), 'unknown_organisation');
    await store.addParticipation(participation('p1', 'city'));
    const again = await storeError(
      store.addParticipation(participation('p1', 'city', { colour: '#000' })),
      'already_participating',
    );
    expect(again.message).toBe('organisation city already takes part in partnership p1');
    expect((await store.getParticipation('p1', 'city'))?.colour).toBe('#1e88e5');
    await expect(
      store.addParticipation(participation('p1', 'foodbank', { leftAt: 5 })),
    ).rejects.toThrow('leftAt must be null');
  });

  describe('endParticipation', () => {
    beforeEach(async () => {
      await store.addParticipation(participation('p1', 'city'));
      await store.addParticipation(participation('p1', 'foodbank'));
      await store.addParticipation(participation('p2', 'foodbank'));
      await store.createPerson(person('ana', 'city'), null);
      await store.createPerson(person('bo', 'foodbank'), null);
      await store.createPerson(person('bea', 'foodbank'), null);
      await store.createPerson(person('ben', 'foodbank'), null);
      await store.addMembership(membership('p1', 'ana', { role: 'facilitator' }));
      await store.addMembership(membership('p1', 'bea', { createdAt: 3_000 }));
      await store.addMembership(membership('p1', 'bo', { createdAt: 2_000 }));
      await store.addMembership(membership('p2', 'bo'));
    });

    const invitation = (id: string, overrides: Partial<InvitationRecord> = {}) => ({
      id,
      tokenHash: `token-${id}`,
      partnershipId: 'p1',
      organisationId: 'foodbank',
      role: 'editor' as const,
      createdBy: 'ana',
      createdAt: 1_000,
      expiresAt: 1_000_000,
      usedAt: null,
      usedBy: null,
      revokedAt: null,
      ...overrides,
    });

    it('sets leftAt, ends its people’s memberships there only, and revokes its pending invitations', async () => {
      await store.createInvitation(invitation('pending'));
      await store.createInvitation(invitation('expired', { expiresAt: 2_000 }));
      await store.createInvitation(invitation('revoked', { revokedAt: 1_500 }));
      await store.createInvitation(invitation('city', { organisationId: 'city' }));
      await store.createInvitation(invitation('used'));
      const accepted = await store.acceptInvitation({
        invitationId: 'used',
        at: 4_000,
        person: { existingId: 'ben' },
      });
      expect(accepted.ok).toBe(true);

      const removed = await store.endParticipation('p1', 'foodbank', 9_000);

      expect(removed).toEqual(['bo', 'bea', 'ben']);
      expect(await store.getParticipation('p1', 'foodbank')).toEqual(
        participation('p1', 'foodbank', { leftAt: 9_000 }),
      );
      expect((await store.listMembers('p1')).map((m) => m.personId)).toEqual(['ana']);
      // Another partnership of the same organisation is untouched.
      expect(await store.getMembership('p2', 'bo')).toEqual(membership('p2', 'bo'));
      expect(await store.getParticipation('p2', 'foodbank')).toMatchObject({ leftAt: null });
      const revokedAt = Object.fromEntries(
        (await store.listInvitations('p1')).map((i) => [i.id, i.revokedAt]),
      );
      expect(revokedAt).toEqual({
        pending: 9_000,
        expired: 9_000,
        revoked: 1_500,
        city: null,
        used: null,
      });
      // The past participation is still listed, with its date of leaving.
      expect(
        (await store.listParticipations('p1')).map((p) => [p.organisationId, p.leftAt]),
      ).toEqual([
        ['city', null],
        ['foodbank', 9_000],
      ]);
    });

    it('refuses an organisation that does not (or no longer) take part, changing nothing', async () => {
      await storeError(store.endParticipation('p2', 'city', 9_000), 'not_participating');
      await store.endParticipation('p1', 'foodbank', 9_000);
      await storeError(store.endParticipation('p1', 'foodbank', 9_500), 'not_participating');
      expect((await store.getParticipation('p1', 'foodbank'))?.leftAt).toBe(9_000);
    });

    it('lets an organisation that left come back with a new colour, without its old members', async () => {
      await store.endParticipation('p1', 'foodbank', 9_000);
      await storeError(store.addMembership(membership('p1', 'bo')), 'not_participating');
      await store.addParticipation(
        participation('p1', 'foodbank', { colour: '#123456', joinedAt: 1_800_000_000_000 }),
      );
      expect(await store.getParticipation('p1', 'foodbank')).toEqual(
        participation('p1', 'foodbank', { colour: '#123456', joinedAt: 1_800_000_000_000 }),
      );
      expect(await store.getMembership('p1', 'bo')).toBeUndefined();
      await store.addMembership(membership('p1', 'bo'));
      expect((await store.listParticipations('p1')).map((p) => p.organisationId)).toEqual([
        'city',
        'foodbank',
      ]);
    });
  });
});

describe('documents', () => {
  beforeEach(async () => {
    await store.createPartnership(partnership('p1'));
    await store.createPartnership(partnership('p2'));
  });

  it('creates, gets and lists them per partnership, oldest first, booleans mapped', async () => {
    const later = documentRecord('d1', 'p1', { createdAt: 5_000, updatedAt: 6_000 });
    const earlier = documentRecord('d2', 'p1', {
      kind: 'agreement',
      language: 'en',
      createdAt: 4_000,
    });
    await store.createDocument(later, textState('one'));
    await store.createDocument(earlier, textState('two'));
    await store.createDocument(documentRecord('d3', 'p2'), textState('three'));
    expect(await store.getDocument('d1')).toEqual(later);
    expect(await store.getDocument('nope')).toBeUndefined();
    expect(await store.listDocuments('p1')).toEqual([earlier, later]);
    expect((await store.listDocuments('p2')).map((d) => d.id)).toEqual(['d3']);
  });

  it('lists archived documents only when asked, and archives and restores them', async () => {
    await store.createDocument(documentRecord('d1', 'p1', { createdAt: 1 }), textState(''));
    await store.createDocument(
      documentRecord('d2', 'p1', { createdAt: 2, archived: true }),
      textState(''),
    );
    await store.createDocument(documentRecord('d3', 'p1', { createdAt: 3 }), textState(''));
    const ids = async (includeArchived?: boolean) =>
      (await store.listDocuments('p1', { includeArchived })).map((d) => d.id);
    expect(await ids()).toEqual(['d1', 'd3']);
    expect(await ids(false)).toEqual(['d1', 'd3']);
    expect(await ids(true)).toEqual(['d1', 'd2', 'd3']);

    await store.setDocumentArchived('d3', true);
    await store.setDocumentArchived('d2', false);
    expect(await ids()).toEqual(['d1', 'd2']);
    expect(await store.getDocument('d3')).toEqual(
      documentRecord('d3', 'p1', { createdAt: 3, archived: true }),
    );
    await storeError(store.setDocumentArchived('ghost', true), 'unknown_document');
  });

  it('stores the initial state as a snapshot at seq 0, with the metadata', async () => {
    const state = textState('Plan d’action');
    await store.createDocument(documentRecord('d1', 'p1'), state);
    expect(await store.loadBody('d1')).toEqual({
      snapshot: state,
      snapshotStateVector: Y.encodeStateVectorFromUpdate(state),
      updates: [],
      lastSeq: 0,
      tailBytes: 0,
    });
  });

  it('says so when the partnership is unknown, and stores nothing', async () => {
    const error = await storeError(
      store.createDocument(documentRecord('d1', 'ghost'), textState('')),
      'unknown_partnership',
    );
    expect(error.message).toBe('unknown partnership ghost');
    expect(await store.getDocument('d1')).toBeUndefined();
    await storeError(store.loadBody('d1'), 'unknown_document');
  });

  it('refuses a duplicate id and keeps the first document’s body', async () => {
    const first = textState('first');
    await store.createDocument(documentRecord('d1', 'p1'), first);
    const error = await storeError(
      store.createDocument(documentRecord('d1', 'p2'), textState('second')),
      'already_exists',
    );
    expect(error.message).toBe('document d1 already exists');
    expect((await store.loadBody('d1')).snapshot).toEqual(first);
  });

  it('renames a document and moves its updatedAt', async () => {
    await store.createDocument(documentRecord('d1', 'p1'), textState(''));
    const before = Date.now();
    await store.renameDocument('d1', 'Plan alimentaire 2026');
    const renamed = await store.getDocument('d1');
    expect(renamed?.title).toBe('Plan alimentaire 2026');
    expect(renamed?.updatedAt).toBeGreaterThanOrEqual(before);
    const error = await storeError(store.renameDocument('ghost', 'x'), 'unknown_document');
    expect(error.message).toBe('unknown document ghost');
  });
});

describe('close', () => {
  it('is idempotent, and every method then rejects with a clear error', async () => {
    await store.createPartnership(partnership('p1'));
    await Promise.all([store.close(), store.close()]);
    await store.close();
    const closed = /SQLite store .*accord\.db is closed/;
    await expect(store.listPartnerships()).rejects.toThrow(closed);
    await expect(store.getPerson('ana')).rejects.toThrow(closed);
    await expect(store.appendAudit('c', () => ({}) as never)).rejects.toThrow(closed);
    await expect(store.appendUpdates([])).rejects.toThrow(closed);
    await expect(store.loadBody('d1')).rejects.toThrow(closed);
    await expect(store.backup(path.join(temp.dir, 'copy.db'))).rejects.toThrow(closed);
  });
});
