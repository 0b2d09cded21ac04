import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.ts';
import { createSqliteStore } from './sqlite-store.ts';
import {
  documentRecord,
  makeTempDir,
  organisation,
  partnership,
  person,
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

  it('refuses a duplicate id with a clear error', async () => {
    await store.createPartnership(partnership('p1'));
    await expect(store.createPartnership(partnership('p1'))).rejects.toThrow(
      'partnership p1 already exists',
    );
  });
});

describe('organisations and people', () => {
  beforeEach(async () => {
    await store.createPartnership(partnership('p1'));
    await store.createPartnership(partnership('p2'));
    await store.createOrganisation(organisation('city', 'p1', { colour: '#ff0000' }));
    await store.createOrganisation(organisation('foodbank', 'p1'));
    await store.createOrganisation(organisation('grocer', 'p2'));
  });

  it('lists a partnership’s organisations in the order they were added', async () => {
    expect(await store.listOrganisations('p1')).toEqual([
      organisation('city', 'p1', { colour: '#ff0000' }),
      organisation('foodbank', 'p1'),
    ]);
    expect(await store.listOrganisations('p3')).toEqual([]);
  });

  it('lists the people of every organisation in a partnership, and only those', async () => {
    await store.createPerson(person('ana', 'foodbank'));
    await store.createPerson(person('bo', 'city'));
    await store.createPerson(person('cy', 'grocer'));
    expect(await store.listPeople('p1')).toEqual([person('ana', 'foodbank'), person('bo', 'city')]);
    expect(await store.listPeople('p2')).toEqual([person('cy', 'grocer')]);
  });

  it('names the missing parent or the duplicate in its errors', async () => {
    await expect(store.createOrganisation(organisation('x', 'ghost'))).rejects.toThrow(
      'cannot create organisation x: unknown partnership ghost',
    );
    await expect(store.createOrganisation(organisation('city', 'p1'))).rejects.toThrow(
      'organisation city already exists',
    );
    await expect(store.createPerson(person('ana', 'ghost'))).rejects.toThrow(
      'cannot create person ana: unknown organisation ghost',
    );
    await store.createPerson(person('ana', 'city'));
    await expect(store.createPerson(person('ana', 'city'))).rejects.toThrow(
      'person ana already exists',
    );
  });
});

describe('documents', () => {
  beforeEach(async () => {
    await store.createPartnership(partnership('p1'));
    await store.createPartnership(partnership('p2'));
  });

  it('creates, gets and lists them per partnership, oldest first, booleans mapped', async () => {
    const later = documentRecord('d1', 'p1', {
      createdAt: 5_000,
      updatedAt: 6_000,
      archived: true,
    });
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

  it('stores the initial state as a snapshot at seq 0, with the metadata', async () => {
    const state = textState('Plan d’action');
    await store.createDocument(documentRecord('d1', 'p1'), state);
    expect(await store.loadBody('d1')).toEqual({
      snapshot: state,
      updates: [],
      lastSeq: 0,
      tailBytes: 0,
    });
  });

  it('says so when the partnership is unknown, and stores nothing', async () => {
    await expect(
      store.createDocument(documentRecord('d1', 'ghost'), textState('')),
    ).rejects.toThrow('cannot create document d1: unknown partnership ghost');
    expect(await store.getDocument('d1')).toBeUndefined();
    await expect(store.loadBody('d1')).rejects.toThrow('unknown document d1');
  });

  it('refuses a duplicate id and keeps the first document’s body', async () => {
    const first = textState('first');
    await store.createDocument(documentRecord('d1', 'p1'), first);
    await expect(
      store.createDocument(documentRecord('d1', 'p2'), textState('second')),
    ).rejects.toThrow('document d1 already exists');
    expect((await store.loadBody('d1')).snapshot).toEqual(first);
  });

  it('renames a document and moves its updatedAt', async () => {
    await store.createDocument(documentRecord('d1', 'p1'), textState(''));
    const before = Date.now();
    await store.renameDocument('d1', 'Plan alimentaire 2026');
    const renamed = await store.getDocument('d1');
    expect(renamed?.title).toBe('Plan alimentaire 2026');
    expect(renamed?.updatedAt).toBeGreaterThanOrEqual(before);
    await expect(store.renameDocument('ghost', 'x')).rejects.toThrow('unknown document ghost');
  });
});

describe('close', () => {
  it('is idempotent, and every method then rejects with a clear error', async () => {
    await store.createPartnership(partnership('p1'));
    await Promise.all([store.close(), store.close()]);
    await store.close();
    const closed = /SQLite store .*accord\.db is closed/;
    await expect(store.listPartnerships()).rejects.toThrow(closed);
    await expect(store.appendUpdates([])).rejects.toThrow(closed);
    await expect(store.loadBody('d1')).rejects.toThrow(closed);
    await expect(store.backup(path.join(temp.dir, 'copy.db'))).rejects.toThrow(closed);
  });
});
