import path from 'node:path';
import type { ActionItem } from '@accord/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.ts';
import { createSqliteStore } from './sqlite-store.ts';
import { documentRecord, makeTempDir, seedPeople, textState } from './test-support.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let store: Store;
beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'accord.db');
  store = createSqliteStore({ path: file });
  await seedPeople(store);
  await store.createDocument(documentRecord('d1', 'p1'), textState('Plan 1'));
  await store.createDocument(documentRecord('d2', 'p1'), textState('Plan 2'));
  await store.createDocument(documentRecord('d3', 'p2'), textState('Autre partenariat'));
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

function action(id: string, position: number, overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id,
    title: `Action ${id}, « accentuée »`,
    description: '',
    leadOrganisationId: '',
    peopleIds: [],
    start: '',
    due: '',
    status: 'planned',
    indicator: '',
    dependsOn: [],
    commitments: [],
    objective: '',
    position,
    ...overrides,
  };
}

describe('the action index', () => {
  it('replaces a document’s actions at once, so a deleted action disappears', async () => {
    await store.replaceDocumentActions('d1', [action('a', 0), action('b', 1)], 1_000);
    expect((await store.listDocumentActions('d1')).map((a) => a.id)).toEqual(['a', 'b']);

    await store.replaceDocumentActions('d1', [action('b', 0, { status: 'done' })], 2_000);
    const [only, ...rest] = await store.listDocumentActions('d1');
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      id: 'b',
      status: 'done',
      title: 'Action b, « accentuée »',
      documentId: 'd1',
      partnershipId: 'p1',
      indexedAt: 2_000,
    });
  });

  it('lists a partnership’s actions across its plans, without archived plans or other partnerships', async () => {
    await store.replaceDocumentActions('d1', [action('a', 0)], 1_000);
    await store.replaceDocumentActions('d2', [action('a', 0), action('c', 1)], 1_000);
    await store.replaceDocumentActions('d3', [action('x', 0)], 1_000);
    const ids = (await store.listPartnershipActions('p1')).map((a) => `${a.documentId}/${a.id}`);
    expect(ids.sort()).toEqual(['d1/a', 'd2/a', 'd2/c']);

    await store.setDocumentArchived('d2', true);
    expect((await store.listPartnershipActions('p1')).map((a) => a.id)).toEqual(['a']);
  });

  it('names the documents never indexed, and survives a reopen', async () => {
    expect(await store.listUnindexedDocuments()).toEqual(['d1', 'd2', 'd3']);
    await store.replaceDocumentActions('d2', [], 1_000);
    await store.replaceDocumentActions('d1', [action('a', 0)], 1_000);
    await store.close();
    store = createSqliteStore({ path: file });
    expect(await store.listUnindexedDocuments()).toEqual(['d3']);
    expect((await store.listDocumentActions('d1')).map((a) => a.id)).toEqual(['a']);
  });
});
