import path from 'node:path';
import type { AgreementDecisionRecord } from '@accord/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StartSigning, Store } from '../store.ts';
import { createSqliteStore } from './sqlite-store.ts';
import {
  documentRecord,
  makeTempDir,
  membership,
  seedPeople,
  storeError,
  textState,
} from './test-support.ts';

let temp: ReturnType<typeof makeTempDir>;
let store: Store;
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

beforeEach(async () => {
  temp = makeTempDir();
  store = createSqliteStore({ path: path.join(temp.dir, 'accord.db') });
  await seedPeople(store);
  await store.createDocument(documentRecord('d1', 'p1', { kind: 'agreement' }), textState('x'));
  await store.addMembership(membership('p1', 'al', { signatory: true }));
});

afterEach(async () => {
  await store.close();
  temp.remove();
});

const signing = (fingerprint: string, at: number): StartSigning => ({
  documentId: 'd1',
  partnershipId: 'p1',
  fingerprint,
  canonical: new TextEncoder().encode(`{"v":"${fingerprint}"}`),
  canonicalVersion: 1,
  parties: ['city', 'foodbank'],
  at,
  by: 'ana',
});

const decision = (over: Partial<AgreementDecisionRecord>): AgreementDecisionRecord => ({
  id: `dec-${Math.random()}`,
  documentId: 'd1',
  version: 1,
  fingerprint: A,
  organisationId: 'foodbank',
  personId: 'bo',
  role: 'editor',
  decision: 'approved',
  reason: null,
  at: 10,
  withdrawnAt: null,
  withdrawnBy: null,
  ...over,
});

async function toSigning(fingerprint = A, at = 5) {
  await store.moveAgreement({
    documentId: 'd1',
    partnershipId: 'p1',
    from: 'draft',
    to: 'review',
    at: 1,
    by: 'ana',
  });
  return store.startSigning(signing(fingerprint, at));
}

describe('agreements in the SQLite store', () => {
  it('reads a never-moved agreement as absent (draft) and checks the state it moves from', async () => {
    expect(await store.getAgreement('d1')).toBeUndefined();
    await storeError(store.startSigning(signing(A, 1)), 'agreement_conflict');
    const signed = await toSigning();
    expect(signed).toMatchObject({ state: 'signing', version: 1, updatedBy: 'ana' });
    const version = await store.getAgreementVersion('d1', 1);
    expect(version).toMatchObject({ fingerprint: A, parties: ['city', 'foodbank'], outcome: null });
    expect(new TextDecoder().decode(version?.canonical)).toBe(`{"v":"${A}"}`);
    await storeError(
      store.moveAgreement({
        documentId: 'd1',
        partnershipId: 'p1',
        from: 'review',
        to: 'draft',
        at: 6,
        by: 'ana',
      }),
      'agreement_conflict',
    );
  });

  it('refuses a stale fingerprint and a second decision, keeps withdrawn ones as history', async () => {
    await toSigning();
    await storeError(store.decideAgreement(decision({ fingerprint: B })), 'stale_fingerprint');
    await storeError(store.decideAgreement(decision({ version: 2 })), 'stale_fingerprint');
    await store.decideAgreement(decision({ decision: 'declined', reason: 'Art. 3', id: 'x1' }));
    await storeError(store.decideAgreement(decision({ id: 'x2' })), 'already_decided');
    const withdrawn = await store.withdrawAgreementDecision({
      documentId: 'd1',
      organisationId: 'foodbank',
      at: 11,
      by: 'bo',
    });
    expect(withdrawn).toMatchObject({ id: 'x1', withdrawnAt: 11, withdrawnBy: 'bo' });
    await storeError(
      store.withdrawAgreementDecision({
        documentId: 'd1',
        organisationId: 'foodbank',
        at: 12,
        by: 'bo',
      }),
      'no_decision',
    );
    const result = await store.decideAgreement(decision({ id: 'x3', at: 13 }));
    expect(result.final).toBe(false);
    expect((await store.listAgreementDecisions('d1')).map((d) => d.id)).toEqual(['x1', 'x3']);
  });

  it('becomes final with the last approval, then never changes', async () => {
    await toSigning();
    await store.decideAgreement(decision({ id: 'x1' }));
    const last = await store.decideAgreement(
      decision({ id: 'x2', organisationId: 'city', personId: 'al', at: 20 }),
    );
    expect(last.final).toBe(true);
    expect(last.agreement).toMatchObject({ state: 'final', version: 1 });
    expect((await store.getAgreementVersion('d1', 1))?.outcome).toBe('final');
    expect((await store.findFinalAgreementVersions(A)).map((v) => v.documentId)).toEqual(['d1']);
    await storeError(
      store.returnAgreementToReview({ documentId: 'd1', at: 30, by: 'ana' }),
      'agreement_conflict',
    );
    await storeError(store.decideAgreement(decision({ id: 'x3' })), 'agreement_conflict');
  });

  it('returns to review: the version ends, its decisions stay as history, the next version starts afresh', async () => {
    await toSigning();
    await store.decideAgreement(decision({ id: 'x1' }));
    const back = await store.returnAgreementToReview({ documentId: 'd1', at: 15, by: null });
    expect(back).toMatchObject({ state: 'review', version: 1, updatedBy: null });
    expect((await store.getAgreementVersion('d1', 1))?.outcome).toBe('returned');
    const again = await store.startSigning(signing(B, 16));
    expect(again.version).toBe(2);
    await storeError(store.decideAgreement(decision({ id: 'x2' })), 'stale_fingerprint');
    await store.decideAgreement(decision({ id: 'x3', version: 2, fingerprint: B }));
    expect((await store.listAgreementDecisions('d1')).map((d) => [d.id, d.version])).toEqual([
      ['x1', 1],
      ['x3', 2],
    ]);
  });

  it('keeps exports with their hashes, once', async () => {
    const file = {
      documentId: 'd1',
      name: 'accord-manifest.json',
      mediaType: 'application/json',
      sha256: A,
      size: 2,
      createdAt: 1,
      bytes: new Uint8Array([123, 125]),
    };
    await store.saveAgreementExports('d1', [file]);
    await storeError(store.saveAgreementExports('d1', [file]), 'already_exists');
    expect(await store.listAgreementExports('d1')).toEqual([
      {
        documentId: 'd1',
        name: 'accord-manifest.json',
        mediaType: 'application/json',
        sha256: A,
        size: 2,
        createdAt: 1,
      },
    ]);
    expect((await store.getAgreementExport('d1', 'accord-manifest.json'))?.bytes).toEqual(
      file.bytes,
    );
    expect((await store.findAgreementExports(A)).map((e) => e.name)).toEqual([
      'accord-manifest.json',
    ]);
    expect(await store.findAgreementExports(B)).toEqual([]);
  });
});
