import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { errorOf, eventSocket, signInDemoPeople } from '../support/comments.ts';
import {
  openRound,
  type ReviewRound,
  type ReviewRounds,
  reviewsPath,
  roundsPath,
} from '../support/reviews.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { api, apiJson, type TestSession } from '../support/session.ts';

/**
 * Review rounds against the real server process: who may open, close and mark for every role,
 * bad input, the live event to the document's sockets, and the partnership's audit chain.
 */
let server: ServerProcess;
let claire: TestSession; // city, facilitator
let karim: TestSession; // city, editor
let sophie: TestSession; // Tremplin, editor
let lucas: TestSession; // Tremplin, commenter
let nadia: TestSession; // CCAS, viewer
let partnershipId: string;

const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  server = await startServerProcess();
  ({ claire, karim, sophie, lucas, nadia, partnershipId } = await signInDemoPeople(server.url));
});
afterAll(async () => {
  await server.kill('SIGKILL');
});

function open(session: TestSession, documentId: string, deadline = Date.now() + 7 * DAY) {
  return api(session, roundsPath(documentId), { method: 'POST', body: { deadline } });
}
function mark(session: TestSession, round: ReviewRound, body: Record<string, unknown> = {}) {
  return api(session, reviewsPath(round.documentId, round.id), { method: 'POST', body });
}
function close(session: TestSession, round: ReviewRound) {
  return api(session, `${roundsPath(round.documentId)}/${round.id}`, {
    method: 'PATCH',
    body: { status: 'closed' },
  });
}
const rounds = (session: TestSession, documentId: string) =>
  apiJson<ReviewRounds>(session, roundsPath(documentId));

describe('permissions, for every role', () => {
  it('only facilitators open and close rounds; every member reads them', async () => {
    const documentId = await createDocument(karim);
    for (const session of [karim, sophie, lucas, nadia]) {
      expect(await errorOf(await open(session, documentId))).toEqual({
        status: 403,
        code: 'forbidden',
      });
    }
    const created = await open(claire, documentId);
    expect(created.status).toBe(201);
    const { round } = (await created.json()) as { round: ReviewRound };
    for (const session of [claire, karim, sophie, lucas, nadia]) {
      const seen = await rounds(session, documentId);
      expect(seen.current?.id).toBe(round.id);
      expect(seen.organisations).toHaveLength(5);
    }
    for (const session of [karim, sophie, lucas, nadia]) {
      expect(await errorOf(await close(session, round))).toEqual({
        status: 403,
        code: 'forbidden',
      });
    }
    expect((await close(claire, round)).status).toBe(200);
  });

  it('facilitators, editors and commenters mark their own organisation’s review; viewers do not', async () => {
    const documentId = await createDocument(karim);
    const round = await openRound(claire, documentId);
    // Facilitator (city), then an editor of the same organisation replaces it.
    expect((await mark(claire, round, { summary: 'Relu par la Ville.' })).status).toBe(200);
    expect((await mark(karim, round, { summary: 'Relu, une réserve.' })).status).toBe(200);
    // A commenter speaks for Tremplin.
    expect((await mark(lucas, round, { summary: 'Vu pour Tremplin.' })).status).toBe(200);
    // A viewer may not, not even for their own organisation.
    expect(await errorOf(await mark(nadia, round))).toEqual({ status: 403, code: 'forbidden' });
    // Nobody marks another organisation's review, whatever their role.
    for (const session of [claire, sophie]) {
      const other = session === claire ? sophie.organisationId : claire.organisationId;
      expect(await errorOf(await mark(session, round, { organisationId: other }))).toEqual({
        status: 403,
        code: 'forbidden',
      });
    }
    const seen = await rounds(nadia, documentId);
    expect(seen.current?.marks.map((m) => [m.organisationId, m.markedBy, m.summary])).toEqual([
      [claire.organisationId, karim.personId, 'Relu, une réserve.'],
      [lucas.organisationId, lucas.personId, 'Vu pour Tremplin.'],
    ]);
    expect(seen.people.map((p) => p.id)).toEqual(
      expect.arrayContaining([claire.personId, karim.personId, lucas.personId]),
    );
  });
});

describe('bad input', () => {
  it('refuses a deadline in the past or beyond a year, and malformed bodies', async () => {
    const documentId = await createDocument(karim);
    expect(await errorOf(await open(claire, documentId, Date.now() - 60_000))).toEqual({
      status: 400,
      code: 'invalid_deadline',
    });
    expect(await errorOf(await open(claire, documentId, Date.now() + 400 * DAY))).toEqual({
      status: 400,
      code: 'invalid_deadline',
    });
    const noDeadline = await api(claire, roundsPath(documentId), { method: 'POST', body: {} });
    expect(await errorOf(noDeadline)).toEqual({ status: 400, code: 'invalid_body' });
    const text = await api(claire, roundsPath(documentId), {
      method: 'POST',
      body: { deadline: 'demain' },
    });
    expect(await errorOf(text)).toEqual({ status: 400, code: 'invalid_body' });
    // Nothing was opened by any of these.
    expect((await rounds(claire, documentId)).current).toBeNull();
  });

  it('refuses a second open round, marks on a closed round, and unknown organisations or rounds', async () => {
    const documentId = await createDocument(karim);
    const round = await openRound(claire, documentId);
    expect(await errorOf(await open(claire, documentId))).toEqual({
      status: 409,
      code: 'review_round_open',
    });
    expect(await errorOf(await mark(karim, round, { organisationId: 'inconnue' }))).toEqual({
      status: 404,
      code: 'not_found',
    });
    expect(await errorOf(await mark(karim, round, { organisationId: 'pas un id !' }))).toEqual({
      status: 400,
      code: 'invalid_body',
    });
    expect(await errorOf(await mark(karim, round, { summary: 'x'.repeat(2_001) }))).toEqual({
      status: 413,
      code: 'summary_too_long',
    });
    expect(await errorOf(await mark(karim, { ...round, id: 'inconnu' }))).toEqual({
      status: 404,
      code: 'not_found',
    });
    // A round of another document is not found through this one.
    const otherDocument = await createDocument(karim);
    expect(await errorOf(await mark(karim, { ...round, documentId: otherDocument }))).toEqual({
      status: 404,
      code: 'not_found',
    });
    expect(await errorOf(await close(claire, { ...round, documentId: otherDocument }))).toEqual({
      status: 404,
      code: 'not_found',
    });

    expect((await close(claire, round)).status).toBe(200);
    // Closing again is a no-op that keeps the first closer.
    const again = (await (await close(claire, round)).json()) as { round: ReviewRound };
    expect(again.round.closedBy).toBe(claire.personId);
    expect(await errorOf(await mark(karim, round))).toEqual({
      status: 409,
      code: 'review_round_closed',
    });
    // A closed round is history; a new one can be opened.
    const next = await openRound(claire, documentId);
    const seen = await rounds(karim, documentId);
    expect(seen.current?.id).toBe(next.id);
    expect(seen.history.map((r) => r.id)).toEqual([round.id]);
  });

  it('refuses a round on an archived document', async () => {
    const documentId = await createDocument(claire);
    await apiJson(claire, `/api/documents/${documentId}/archive`, {
      method: 'POST',
      body: { archived: true },
    });
    expect(await errorOf(await open(claire, documentId))).toEqual({
      status: 409,
      code: 'document_archived',
    });
  });
});

describe('live and audited', () => {
  it('pushes each change to the document’s sockets of every organisation', async () => {
    const documentId = await createDocument(karim);
    const tremplin = eventSocket(server.wsUrl, documentId, sophie.cookie);
    const ccas = eventSocket(server.wsUrl, documentId, nadia.cookie);
    await Promise.all([tremplin.ready, ccas.ready]);
    try {
      const round = await openRound(claire, documentId);
      await mark(lucas, round, { summary: 'Bon pour nous.' });
      await close(claire, round);
      const changes = (socket: typeof tremplin) =>
        socket.events
          .map(({ event }) => event as unknown as { type: string; change: string })
          .filter((event) => event.type === 'review.changed')
          .map((event) => event.change);
      await expect
        .poll(() => changes(tremplin), { timeout: 5_000 })
        .toEqual(['opened', 'marked', 'closed']);
      await expect
        .poll(() => changes(ccas), { timeout: 5_000 })
        .toEqual(['opened', 'marked', 'closed']);
      const marked = ccas.events.find(
        (e) => (e.event as unknown as { change?: string }).change === 'marked',
      )?.event as unknown as { round: ReviewRound };
      expect(marked.round.marks[0]?.summary).toBe('Bon pour nous.');
    } finally {
      tremplin.close();
      ccas.close();
    }
  });

  it('records open, mark and close in the partnership’s chain, without the summary, and it verifies', async () => {
    const documentId = await createDocument(karim);
    const round = await openRound(claire, documentId);
    await mark(sophie, round, { summary: 'Résumé confidentiel de Tremplin' });
    await close(claire, round);
    const response = await api(nadia, `/api/partnerships/${partnershipId}/audit`);
    const text = await response.text();
    const entries = text
      .split('\n')
      .filter(Boolean)
      .map(
        (line) =>
          JSON.parse(line) as { action: string; actorId: string; data: Record<string, unknown> },
      )
      .filter((entry) => entry.data.roundId === round.id);
    expect(entries.map((e) => [e.action, e.actorId, e.data.organisationId])).toEqual([
      ['review.opened', claire.personId, claire.organisationId],
      ['review.marked', sophie.personId, sophie.organisationId],
      ['review.closed', claire.personId, claire.organisationId],
    ]);
    expect(entries[0]?.data).toMatchObject({ documentId, deadline: round.deadline });
    expect(text).not.toContain('Résumé confidentiel');
    const verdict = await apiJson<{ ok: boolean }>(
      nadia,
      `/api/partnerships/${partnershipId}/audit/verify`,
    );
    expect(verdict.ok).toBe(true);
  });
});
