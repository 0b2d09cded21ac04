import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommentRecord, CommentThreadRecord, Store, ThreadQuery } from '../store.ts';
import { createSqliteStore } from './sqlite-store.ts';
import { documentRecord, makeTempDir, seedPeople, storeError, textState } from './test-support.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let store: Store;
beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'accord.db');
  store = createSqliteStore({ path: file });
  // p1: ana (city, facilitator), bo (foodbank, editor); al (city) is not a member.
  await seedPeople(store);
  await store.createDocument(documentRecord('d1', 'p1'), textState('Le calendrier des actions'));
  await store.createDocument(documentRecord('d2', 'p1'), textState('Convention'));
});
afterEach(async () => {
  await store.close();
  temp.remove();
});

function thread(id: string, overrides: Partial<CommentThreadRecord> = {}): CommentThreadRecord {
  return {
    id,
    documentId: 'd1',
    partnershipId: 'p1',
    organisationId: 'city',
    visibility: 'partnership',
    anchor: { start: 'AQID', end: 'BAUG', quote: 'calendrier', prefix: 'Le ', suffix: ' des' },
    status: 'open',
    resolvedBy: null,
    resolvedAt: null,
    createdBy: 'ana',
    createdAt: 1_000,
    lastActivityAt: 1_000,
    ...overrides,
  };
}

function comment(id: string, threadId: string, overrides: Partial<CommentRecord> = {}) {
  const record: CommentRecord = {
    id,
    threadId,
    authorId: 'ana',
    authorOrganisationId: 'city',
    body: `Comment ${id}`,
    mentions: [],
    createdAt: 1_000,
    editedAt: null,
    deletedAt: null,
    ...overrides,
  };
  return record;
}

const visibleTo = (organisationId: string, extra: Partial<ThreadQuery> = {}): ThreadQuery => ({
  visibleToOrganisationId: organisationId,
  scope: { documentId: 'd1' },
  ...extra,
});
const ids = (threads: { id: string }[]) => threads.map((t) => t.id);

describe('threads', () => {
  it('stores a thread with its first comment, and replies in order', async () => {
    await store.createThread(thread('t1'), comment('c1', 't1'));
    await store.addComment(
      comment('c2', 't1', {
        authorId: 'bo',
        authorOrganisationId: 'foodbank',
        createdAt: 2_000,
        mentions: [{ kind: 'person', personId: 'ana' }],
      }),
    );
    const stored = await store.getThread('t1');
    expect(stored).toEqual({
      ...thread('t1', { lastActivityAt: 2_000 }),
      comments: [
        comment('c1', 't1'),
        comment('c2', 't1', {
          authorId: 'bo',
          authorOrganisationId: 'foodbank',
          createdAt: 2_000,
          mentions: [{ kind: 'person', personId: 'ana' }],
        }),
      ],
    });
    expect(await store.getThread('ghost')).toBeUndefined();
  });

  it('refuses unknown parents, a taken id, and writes nothing then', async () => {
    await storeError(
      store.createThread(thread('t1', { documentId: 'ghost' }), comment('c1', 't1')),
      'unknown_document',
    );
    await storeError(
      store.createThread(thread('t1', { createdBy: 'ghost' }), comment('c1', 't1')),
      'unknown_person',
    );
    await storeError(
      store.createThread(thread('t1'), comment('c1', 't1', { authorId: 'ghost' })),
      'unknown_person',
    );
    expect(await store.getThread('t1')).toBeUndefined();
    await store.createThread(thread('t1'), comment('c1', 't1'));
    await storeError(store.createThread(thread('t1'), comment('c9', 't1')), 'already_exists');
    await storeError(store.addComment(comment('c1', 't1')), 'already_exists');
    await storeError(store.addComment(comment('c2', 'ghost')), 'unknown_thread');
    await store.erasePerson('bo', 5_000);
    await storeError(
      store.addComment(comment('c3', 't1', { authorId: 'bo', authorOrganisationId: 'foodbank' })),
      'person_erased',
    );
    expect((await store.getThread('t1'))?.comments.map((c) => c.id)).toEqual(['c1']);
  });

  it('refuses a thread on a document of another partnership', async () => {
    await expect(
      store.createThread(thread('t1', { partnershipId: 'p2' }), comment('c1', 't1')),
    ).rejects.toThrow(/not in partnership p2/);
  });
});

describe('visibility', () => {
  beforeEach(async () => {
    await store.createThread(thread('shared'), comment('c1', 'shared'));
    await store.createThread(
      thread('city-note', { visibility: 'organisation', createdAt: 2_000 }),
      comment('c2', 'city-note', { createdAt: 2_000 }),
    );
    await store.createThread(
      thread('foodbank-note', {
        visibility: 'organisation',
        organisationId: 'foodbank',
        createdBy: 'bo',
        createdAt: 3_000,
      }),
      comment('c3', 'foodbank-note', {
        authorId: 'bo',
        authorOrganisationId: 'foodbank',
        createdAt: 3_000,
      }),
    );
  });

  it('lists shared threads and only the viewer organisation’s internal ones, oldest first', async () => {
    expect(ids(await store.listThreads(visibleTo('city')))).toEqual(['shared', 'city-note']);
    expect(ids(await store.listThreads(visibleTo('foodbank')))).toEqual([
      'shared',
      'foodbank-note',
    ]);
    expect(ids(await store.listThreads(visibleTo('grocer')))).toEqual(['shared']);
  });

  it('treats a stray visibility as internal: it can hide a thread, never show it', async () => {
    const raw = new Database(file);
    try {
      raw.prepare("UPDATE comment_threads SET visibility = 'public' WHERE id = 'city-note'").run();
    } finally {
      raw.close();
    }
    expect(ids(await store.listThreads(visibleTo('foodbank')))).not.toContain('city-note');
    expect((await store.getThread('city-note'))?.visibility).toBe('organisation');
  });
});

describe('editing, deleting, resolving', () => {
  beforeEach(async () => {
    await store.createThread(thread('t1'), comment('c1', 't1'));
  });

  it('edits a comment and moves the thread’s activity', async () => {
    const mentions = [{ kind: 'organisation', organisationId: 'foodbank' } as const];
    const edited = await store.editComment('c1', { body: 'Nouveau', mentions, at: 4_000 });
    expect(edited).toEqual(comment('c1', 't1', { body: 'Nouveau', mentions, editedAt: 4_000 }));
    expect(await store.getThread('t1')).toMatchObject({
      lastActivityAt: 4_000,
      comments: [edited],
    });
    await storeError(
      store.editComment('ghost', { body: 'x', mentions: [], at: 1 }),
      'unknown_comment',
    );
  });

  it('deletes by emptying the comment and keeping the row, once', async () => {
    await store.editComment('c1', {
      body: 'À supprimer',
      mentions: [{ kind: 'person', personId: 'bo' }],
      at: 2_000,
    });
    const first = await store.deleteComment('c1', 3_000);
    expect(first).toEqual({
      changed: true,
      comment: comment('c1', 't1', { body: '', editedAt: 2_000, deletedAt: 3_000 }),
    });
    const again = await store.deleteComment('c1', 9_000);
    expect(again).toEqual({ changed: false, comment: first.comment });
    expect((await store.getThread('t1'))?.comments).toEqual([first.comment]);
    await storeError(
      store.editComment('c1', { body: 'Revenant', mentions: [], at: 4_000 }),
      'comment_deleted',
    );
    await storeError(store.deleteComment('ghost', 1), 'unknown_comment');
  });

  it('the database refuses a deleted comment that still has a body', () => {
    const raw = new Database(file);
    try {
      expect(() => raw.prepare("UPDATE comments SET deleted_at = 5 WHERE id = 'c1'").run()).toThrow(
        /CHECK constraint failed/,
      );
    } finally {
      raw.close();
    }
  });

  it('resolves and reopens, keeping the first resolver when resolved twice', async () => {
    const resolved = await store.setThreadStatus('t1', { status: 'resolved', by: 'bo', at: 5_000 });
    expect(resolved).toEqual({
      changed: true,
      thread: thread('t1', {
        status: 'resolved',
        resolvedBy: 'bo',
        resolvedAt: 5_000,
        lastActivityAt: 5_000,
      }),
    });
    const twice = await store.setThreadStatus('t1', { status: 'resolved', by: 'ana', at: 6_000 });
    expect(twice).toEqual({ changed: false, thread: resolved.thread });
    const reopened = await store.setThreadStatus('t1', { status: 'open', at: 7_000 });
    expect(reopened).toEqual({ changed: true, thread: thread('t1', { lastActivityAt: 7_000 }) });
    expect(await store.getThread('t1')).toMatchObject(reopened.thread);
    await storeError(store.setThreadStatus('ghost', { status: 'open', at: 1 }), 'unknown_thread');
  });
});

describe('the inbox query', () => {
  beforeEach(async () => {
    // t1 by ana on d1, replied by bo mentioning the city; t2 by bo on d2, resolved;
    // t3 by bo on d1 mentioning ana, reply deleted; t4 internal to the food bank.
    await store.createThread(thread('t1'), comment('c1', 't1'));
    await store.addComment(
      comment('c2', 't1', {
        authorId: 'bo',
        authorOrganisationId: 'foodbank',
        createdAt: 5_000,
        mentions: [{ kind: 'organisation', organisationId: 'city' }],
      }),
    );
    await store.createThread(
      thread('t2', {
        documentId: 'd2',
        organisationId: 'foodbank',
        createdBy: 'bo',
        createdAt: 2_000,
        lastActivityAt: 2_000,
      }),
      comment('c3', 't2', { authorId: 'bo', authorOrganisationId: 'foodbank', createdAt: 2_000 }),
    );
    await store.setThreadStatus('t2', { status: 'resolved', by: 'bo', at: 6_000 });
    await store.createThread(
      thread('t3', {
        organisationId: 'foodbank',
        createdBy: 'bo',
        createdAt: 3_000,
        lastActivityAt: 3_000,
      }),
      comment('c4', 't3', {
        authorId: 'bo',
        authorOrganisationId: 'foodbank',
        createdAt: 3_000,
        mentions: [{ kind: 'person', personId: 'ana' }],
      }),
    );
    await store.addComment(comment('c5', 't3', { createdAt: 3_500 }));
    await store.deleteComment('c4', 4_000);
    await store.createThread(
      thread('t4', {
        visibility: 'organisation',
        organisationId: 'foodbank',
        createdBy: 'bo',
        createdAt: 7_000,
        lastActivityAt: 7_000,
      }),
      comment('c6', 't4', {
        authorId: 'bo',
        authorOrganisationId: 'foodbank',
        createdAt: 7_000,
        mentions: [{ kind: 'person', personId: 'ana' }],
      }),
    );
  });

  const inbox = (organisationId: string, extra: Partial<ThreadQuery> = {}) =>
    store
      .listThreads({
        visibleToOrganisationId: organisationId,
        scope: { partnershipId: 'p1' },
        ...extra,
      })
      .then(ids);

  it('lists a partnership’s visible threads, most recently active first', async () => {
    expect(await inbox('city')).toEqual(['t2', 't1', 't3']);
    expect(await inbox('foodbank')).toEqual(['t4', 't2', 't1', 't3']);
    expect(await inbox('city', { limit: 2 })).toEqual(['t2', 't1']);
  });

  it('filters by status, starting organisation, document, participant and mention', async () => {
    expect(await inbox('city', { status: 'open' })).toEqual(['t1', 't3']);
    expect(await inbox('city', { status: 'resolved' })).toEqual(['t2']);
    expect(await inbox('city', { startedByOrganisationId: 'foodbank' })).toEqual(['t2', 't3']);
    expect(await inbox('city', { documentId: 'd2' })).toEqual(['t2']);
    expect(await inbox('city', { participantId: 'ana' })).toEqual(['t1', 't3']);
    // t1 mentions the city; t3's mention of ana was deleted; t4 is not the city's to see.
    const ana = { personId: 'ana', organisationId: 'city' };
    expect(await inbox('city', { mentioning: ana })).toEqual(['t1']);
    const bo = { personId: 'bo', organisationId: 'foodbank' };
    expect(await inbox('foodbank', { mentioning: bo })).toEqual([]);
    expect(await inbox('city', { status: 'open', participantId: 'ana', mentioning: ana })).toEqual([
      't1',
    ]);
  });

  it('leaves archived documents out', async () => {
    await store.setDocumentArchived('d2', true);
    expect(await inbox('city')).toEqual(['t1', 't3']);
    // A document's own list still has them.
    expect(
      ids(
        await store.listThreads({ visibleToOrganisationId: 'city', scope: { documentId: 'd2' } }),
      ),
    ).toEqual(['t2']);
  });
});

describe('read markers', () => {
  it('stores a marker per person and document that never goes back', async () => {
    expect(await store.markRead('ana', 'd1', 5_000)).toBe(5_000);
    expect(await store.markRead('ana', 'd1', 4_000)).toBe(5_000);
    expect(await store.markRead('ana', 'd2', 1_000)).toBe(1_000);
    expect(await store.markRead('bo', 'd1', 7_000)).toBe(7_000);
    expect(await store.getReadMarkers('ana', ['d1', 'd2', 'ghost'])).toEqual(
      new Map([
        ['d1', 5_000],
        ['d2', 1_000],
      ]),
    );
    expect(await store.getReadMarkers('ana', [])).toEqual(new Map());
  });

  it('refuses unknown people and documents', async () => {
    await storeError(store.markRead('ghost', 'd1', 1), 'unknown_person');
    await storeError(store.markRead('ana', 'ghost', 1), 'unknown_document');
  });

  it('are erased with the person; what they wrote stays', async () => {
    await store.createThread(
      thread('t1', { organisationId: 'foodbank', createdBy: 'bo' }),
      comment('c1', 't1', { authorId: 'bo', authorOrganisationId: 'foodbank' }),
    );
    await store.markRead('bo', 'd1', 5_000);
    await store.erasePerson('bo', 6_000);
    expect(await store.getReadMarkers('bo', ['d1'])).toEqual(new Map());
    expect((await store.getThread('t1'))?.comments[0]?.body).toBe('Comment c1');
  });
});

describe('digest markers', () => {
  it('start unset, move only forward, and refuse unknown people', async () => {
    expect(await store.getDigestMarker('ana')).toBeUndefined();
    await store.setDigestMarker('ana', 5_000);
    await store.setDigestMarker('ana', 3_000);
    expect(await store.getDigestMarker('ana')).toBe(5_000);
    await store.setDigestMarker('ana', 8_000);
    expect(await store.getDigestMarker('ana')).toBe(8_000);
    expect(await store.getDigestMarker('bo')).toBeUndefined();
    await storeError(store.setDigestMarker('ghost', 1), 'unknown_person');
  });

  it('threads can be asked for by activity after a time', async () => {
    await store.createThread(thread('t1'), comment('c1', 't1', { createdAt: 1_000 }));
    await store.createThread(
      thread('t2', { createdAt: 2_000, lastActivityAt: 2_000 }),
      comment('c2', 't2', { createdAt: 2_000 }),
    );
    await store.addComment(comment('c3', 't1', { createdAt: 4_000 }));
    const active = (after: number) =>
      store.listThreads({
        visibleToOrganisationId: 'city',
        scope: { partnershipId: 'p1' },
        activeAfter: after,
      });
    expect(ids(await active(1_500))).toEqual(['t1', 't2']);
    expect(ids(await active(2_000))).toEqual(['t1']);
    expect(ids(await active(4_000))).toEqual([]);
  });
});

describe('durability', () => {
  it('keeps threads, comments and markers across a reopen of the file', async () => {
    await store.createThread(thread('t1'), comment('c1', 't1'));
    await store.markRead('ana', 'd1', 5_000);
    await store.close();
    store = createSqliteStore({ path: file });
    expect((await store.getThread('t1'))?.comments).toHaveLength(1);
    expect(await store.getReadMarkers('ana', ['d1'])).toEqual(new Map([['d1', 5_000]]));
  });
});
