import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewRoundRecord, Store } from '../store.ts';
import { createSqliteStore } from './sqlite-store.ts';
import { documentRecord, makeTempDir, seedPeople, storeError, textState } from './test-support.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let store: Store;
beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'accord.db');
  store = createSqliteStore({ path: file });
  // p1: ana (city, facilitator), bo (foodbank, editor); p2: cy (grocer, viewer).
  await seedPeople(store);
  await store.createDocument(documentRecord('d1', 'p1'), textState('Convention'));
  await store.createDocument(documentRecord('d2', 'p1'), textState('Plan'));
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

function round(id: string, overrides: Partial<ReviewRoundRecord> = {}): ReviewRoundRecord {
  return {
    id,
    documentId: 'd1',
    partnershipId: 'p1',
    openedBy: 'ana',
    openedAt: 1_000,
    deadline: 9_000,
    closedBy: null,
    closedAt: null,
    ...overrides,
  };
}

describe('review rounds', () => {
  it('opens one round per document at a time, and keeps closed ones as history', async () => {
    await store.openReviewRound(round('r1'));
    await storeError(store.openReviewRound(round('r2', { openedAt: 2_000 })), 'review_round_open');
    // Another document is independent.
    await store.openReviewRound(round('r3', { documentId: 'd2' }));

    const closed = await store.closeReviewRound('r1', 'ana', 3_000);
    expect(closed.changed).toBe(true);
    expect(closed.round).toMatchObject({ id: 'r1', closedBy: 'ana', closedAt: 3_000, marks: [] });
    const again = await store.closeReviewRound('r1', 'bo', 4_000);
    expect(again.changed).toBe(false);
    expect(again.round).toMatchObject({ closedBy: 'ana', closedAt: 3_000 });

    await store.openReviewRound(round('r2', { openedAt: 5_000 }));
    const rounds = await store.listReviewRounds('d1', 10);
    expect(rounds.map((r) => r.id)).toEqual(['r2', 'r1']);
    expect((await store.listReviewRounds('d1', 1)).map((r) => r.id)).toEqual(['r2']);
  });

  it('refuses unknown documents and people, documents of another partnership, closed rounds', async () => {
    await storeError(
      store.openReviewRound(round('r1', { documentId: 'nope' })),
      'unknown_document',
    );
    await storeError(
      store.openReviewRound(round('r1', { partnershipId: 'p2' })),
      'unknown_document',
    );
    await storeError(store.openReviewRound(round('r1', { openedBy: 'nobody' })), 'unknown_person');
    await expect(
      store.openReviewRound(round('r1', { closedAt: 2, closedBy: 'ana' })),
    ).rejects.toThrow();
    await storeError(store.closeReviewRound('nope', 'ana', 1), 'unknown_review_round');
    await storeError(
      store.markReview({
        roundId: 'nope',
        organisationId: 'city',
        markedBy: 'ana',
        markedAt: 1,
        summary: '',
      }),
      'unknown_review_round',
    );
  });

  it('marks reviews per organisation, replaces a second mark, and refuses a closed round', async () => {
    await store.openReviewRound(round('r1'));
    await store.markReview({
      roundId: 'r1',
      organisationId: 'foodbank',
      markedBy: 'bo',
      markedAt: 2_000,
      summary: 'Rien à redire.',
    });
    await store.markReview({
      roundId: 'r1',
      organisationId: 'city',
      markedBy: 'ana',
      markedAt: 2_500,
      summary: '',
    });
    const marked = await store.markReview({
      roundId: 'r1',
      organisationId: 'foodbank',
      markedBy: 'bo',
      markedAt: 3_000,
      summary: 'Finalement, une réserve sur l’article 2.',
    });
    expect(marked.marks).toEqual([
      {
        roundId: 'r1',
        organisationId: 'foodbank',
        markedBy: 'bo',
        markedAt: 3_000,
        summary: 'Finalement, une réserve sur l’article 2.',
      },
      { roundId: 'r1', organisationId: 'city', markedBy: 'ana', markedAt: 2_500, summary: '' },
    ]);
    // The grocer takes part in p2, not p1.
    await storeError(
      store.markReview({
        roundId: 'r1',
        organisationId: 'grocer',
        markedBy: 'cy',
        markedAt: 3_000,
        summary: '',
      }),
      'not_participating',
    );
    await store.closeReviewRound('r1', 'ana', 4_000);
    await storeError(
      store.markReview({
        roundId: 'r1',
        organisationId: 'city',
        markedBy: 'ana',
        markedAt: 5_000,
        summary: '',
      }),
      'review_round_closed',
    );
    expect(await store.getReviewRound('r1')).toMatchObject({
      closedAt: 4_000,
      marks: marked.marks,
    });
    expect(await store.getReviewRound('nope')).toBeUndefined();
  });

  it('keeps rounds and reviews across a reopen of the file', async () => {
    await store.openReviewRound(round('r1'));
    await store.markReview({
      roundId: 'r1',
      organisationId: 'city',
      markedBy: 'ana',
      markedAt: 2_000,
      summary: 'OK',
    });
    await store.close();
    store = createSqliteStore({ path: file });
    expect((await store.listReviewRounds('d1', 10))[0]?.marks).toHaveLength(1);
  });
});
