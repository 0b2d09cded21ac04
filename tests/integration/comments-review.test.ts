import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import {
  type Comment,
  type DemoPeople,
  errorOf,
  type Inbox,
  listThreads,
  reply,
  sampleAnchor,
  signInDemoPeople,
  startThread,
  type Thread,
  threadsPath,
} from '../support/comments.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { api, apiJson, type TestSession } from '../support/session.ts';

/**
 * Asynchronous review over REST against the real server: limits, deletion traces, audit chains
 * (partnership vs organisation), what is new since the last visit, and the inbox's filters.
 */
let server: ServerProcess;
let claire: TestSession; // city, facilitator
let karim: TestSession; // city, editor
let sophie: TestSession; // Tremplin, editor
let lucas: TestSession; // Tremplin, commenter
let nadia: TestSession; // CCAS, viewer
let partnershipId: string;

beforeAll(async () => {
  server = await startServerProcess();
  const people: DemoPeople = await signInDemoPeople(server.url);
  ({ claire, karim, sophie, lucas, nadia, partnershipId } = people);
});
afterAll(async () => {
  await server.kill('SIGKILL');
});

describe('limits and deletion traces', () => {
  let documentId: string;
  beforeAll(async () => {
    documentId = await createDocument(karim);
  });

  it('takes 10 000 characters and refuses one more with 413 comment_too_long', async () => {
    const exact = await api(karim, threadsPath(documentId), {
      method: 'POST',
      body: { anchor: sampleAnchor(), body: 'é'.repeat(10_000) },
    });
    expect(exact.status).toBe(201);
    const { thread } = (await exact.json()) as { thread: Thread };
    const over = await api(karim, threadsPath(documentId), {
      method: 'POST',
      body: { anchor: sampleAnchor(), body: 'é'.repeat(10_001) },
    });
    expect(await errorOf(over)).toEqual({ status: 413, code: 'comment_too_long' });
    const longReply = await api(karim, `${threadsPath(documentId)}/${thread.id}/comments`, {
      method: 'POST',
      body: { body: 'x'.repeat(10_001) },
    });
    expect(await errorOf(longReply)).toEqual({ status: 413, code: 'comment_too_long' });
    const huge = await api(karim, threadsPath(documentId), {
      method: 'POST',
      body: { anchor: sampleAnchor(), body: 'x', padding: 'y'.repeat(300_000) },
    });
    expect(await errorOf(huge)).toEqual({ status: 413, code: 'payload_too_large' });
    const empty = await api(karim, threadsPath(documentId), {
      method: 'POST',
      body: { anchor: sampleAnchor(), body: '   ' },
    });
    expect(await errorOf(empty)).toEqual({ status: 400, code: 'invalid_body' });
    const badAnchor = await api(karim, threadsPath(documentId), {
      method: 'POST',
      body: { anchor: { ...sampleAnchor(), start: 'pas du base64 !' }, body: 'x' },
    });
    expect(await errorOf(badAnchor)).toEqual({ status: 400, code: 'invalid_body' });
  });

  it('a deleted comment stays as a trace: emptied, dated, and no longer editable', async () => {
    const thread = await startThread(karim, documentId, { body: 'Premier avis' });
    const second = await reply(karim, thread, 'Un ajout', [
      { kind: 'person', personId: sophie.personId },
    ]);
    const url = `${threadsPath(documentId)}/${thread.id}/comments/${second.id}`;
    const { comment } = await apiJson<{ comment: Comment }>(karim, url, { method: 'DELETE' });
    expect(comment).toMatchObject({ id: second.id, body: '', mentions: [] });
    expect(comment.deletedAt).toEqual(expect.any(Number));
    // Everyone still sees where it was.
    const { threads } = await listThreads(nadia, documentId);
    const seen = threads.find((t) => t.id === thread.id)!;
    expect(seen.comments.map((c) => [c.body, c.deletedAt !== null])).toEqual([
      ['Premier avis', false],
      ['', true],
    ]);
    const again = await apiJson<{ comment: Comment }>(karim, url, { method: 'DELETE' });
    expect(again.comment.deletedAt).toBe(comment.deletedAt);
    const edit = await api(karim, url, { method: 'PATCH', body: { body: 'Revenu' } });
    expect(await errorOf(edit)).toEqual({ status: 409, code: 'comment_deleted' });
  });

  it('an archived document keeps its threads readable but takes no new comment', async () => {
    const id = await createDocument(claire);
    const thread = await startThread(claire, id);
    await apiJson(claire, `/api/documents/${id}/archive`, {
      method: 'POST',
      body: { archived: true },
    });
    expect((await listThreads(karim, id)).threads.map((t) => t.id)).toEqual([thread.id]);
    const late = await api(karim, `${threadsPath(id)}/${thread.id}/comments`, {
      method: 'POST',
      body: { body: 'Trop tard' },
    });
    expect(await errorOf(late)).toEqual({ status: 409, code: 'document_archived' });
    const inbox = await apiJson<Inbox>(karim, `/api/partnerships/${partnershipId}/inbox?limit=200`);
    expect(inbox.threads.map((t) => t.id)).not.toContain(thread.id);
  });
});

interface AuditEntry {
  chain: string;
  actorId: string | null;
  action: string;
  at: number;
  data: Record<string, unknown>;
}

async function auditOf(session: TestSession, path: string): Promise<AuditEntry[]> {
  const response = await api(session, path);
  expect(response.status).toBe(200);
  return (await response.text())
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as AuditEntry);
}

describe('audit chains', () => {
  it('records shared actions in the partnership’s chain and internal ones only in the organisation’s, and both verify', async () => {
    const documentId = await createDocument(sophie);
    const before = Date.now();
    const shared = await startThread(sophie, documentId, { body: 'Pour tous' });
    const sharedReply = await reply(lucas, shared, 'Réponse partagée');
    await api(lucas, `${threadsPath(documentId)}/${shared.id}/comments/${sharedReply.id}`, {
      method: 'PATCH',
      body: { body: 'Réponse partagée, corrigée' },
    });
    await api(lucas, `${threadsPath(documentId)}/${shared.id}/comments/${sharedReply.id}`, {
      method: 'DELETE',
    });
    await api(karim, `${threadsPath(documentId)}/${shared.id}`, {
      method: 'PATCH',
      body: { status: 'resolved' },
    });
    await api(karim, `${threadsPath(documentId)}/${shared.id}`, {
      method: 'PATCH',
      body: { status: 'open' },
    });
    const internal = await startThread(sophie, documentId, {
      body: 'Entre nous',
      visibility: 'organisation',
    });
    const internalReply = await reply(lucas, internal, 'D’accord');
    await api(lucas, `${threadsPath(documentId)}/${internal.id}/comments/${internalReply.id}`, {
      method: 'DELETE',
    });
    await api(sophie, `${threadsPath(documentId)}/${internal.id}`, {
      method: 'PATCH',
      body: { status: 'resolved' },
    });

    const partnershipLog = await auditOf(nadia, `/api/partnerships/${partnershipId}/audit`);
    const sharedEntries = partnershipLog.filter((e) => e.data.threadId === shared.id);
    expect(sharedEntries.map((e) => [e.action, e.actorId, e.data.organisationId])).toEqual([
      ['thread.created', sophie.personId, sophie.organisationId],
      ['comment.created', lucas.personId, lucas.organisationId],
      ['comment.edited', lucas.personId, lucas.organisationId],
      ['comment.deleted', lucas.personId, lucas.organisationId],
      ['thread.resolved', karim.personId, karim.organisationId],
      ['thread.reopened', karim.personId, karim.organisationId],
    ]);
    for (const entry of sharedEntries) {
      expect(entry.at).toBeGreaterThanOrEqual(before);
      expect(entry.data).toMatchObject({ documentId, visibility: 'partnership' });
    }
    // The comments' words never enter a log.
    expect(JSON.stringify(partnershipLog)).not.toContain('Réponse partagée');
    // Nothing of the internal thread in the shared log, in any form.
    expect(JSON.stringify(partnershipLog)).not.toContain(internal.id);

    const tremplinPath = `/api/organisations/${sophie.organisationId}/audit`;
    const tremplinLog = await auditOf(lucas, tremplinPath);
    expect(
      tremplinLog.filter((e) => e.data.threadId === internal.id).map((e) => [e.action, e.actorId]),
    ).toEqual([
      ['thread.created', sophie.personId],
      ['comment.created', lucas.personId],
      ['comment.deleted', lucas.personId],
      ['thread.resolved', sophie.personId],
    ]);
    expect(tremplinLog.every((e) => e.chain === `organisation:${sophie.organisationId}`)).toBe(
      true,
    );
    expect(JSON.stringify(tremplinLog)).not.toContain(shared.id);
    // Another organisation's chain does not exist for the others.
    expect((await api(claire, tremplinPath)).status).toBe(404);
    expect((await api(claire, `${tremplinPath}/verify`)).status).toBe(404);

    const partnershipVerdict = await apiJson<{ ok: boolean }>(
      claire,
      `/api/partnerships/${partnershipId}/audit/verify`,
    );
    expect(partnershipVerdict.ok).toBe(true);
    const tremplinVerdict = await apiJson<{ ok: boolean; entries: number }>(
      sophie,
      `${tremplinPath}/verify`,
    );
    expect(tremplinVerdict).toMatchObject({ ok: true, entries: tremplinLog.length });
  });
});

describe('what is new since my last visit, and the inbox', () => {
  let documentId: string;
  let otherDocumentId: string;
  let byKarim: Thread;
  let bySophie: Thread;
  let resolved: Thread;

  beforeAll(async () => {
    documentId = await createDocument(claire);
    otherDocumentId = await createDocument(claire);
    byKarim = await startThread(karim, documentId, { body: 'Qui pilote cette action ?' });
    await reply(sophie, byKarim, 'Tremplin peut piloter, @Lucas ?', [
      { kind: 'person', personId: lucas.personId },
    ]);
    bySophie = await startThread(sophie, otherDocumentId, {
      body: 'La Ville peut-elle confirmer ?',
      mentions: [{ kind: 'organisation', organisationId: claire.organisationId }],
    });
    resolved = await startThread(karim, otherDocumentId, { body: 'Coquille corrigée' });
    await api(karim, `${threadsPath(otherDocumentId)}/${resolved.id}`, {
      method: 'PATCH',
      body: { status: 'resolved' },
    });
  });

  it('counts what others wrote since my last visit, per thread and per document', async () => {
    const first = await listThreads(lucas, documentId);
    expect(first.seenAt).toBeNull();
    expect(first.unread).toBe(2);
    expect(first.threads.find((t) => t.id === byKarim.id)?.unread).toBe(2);
    // The author's own comment is never new to them.
    expect((await listThreads(karim, documentId)).unread).toBe(1);

    const marked = await apiJson<{ seenAt: number }>(lucas, `${threadsPath(documentId)}/read`, {
      method: 'POST',
      body: { upTo: first.at },
    });
    expect(marked.seenAt).toBe(first.at);
    expect((await listThreads(lucas, documentId)).unread).toBe(0);

    // What arrives after the list I read stays new, and so does an edit.
    const later = await reply(karim, byKarim, 'Merci, noté.');
    const again = await listThreads(lucas, documentId);
    expect(again.seenAt).toBe(first.at);
    expect(again.unread).toBe(1);
    await api(lucas, `${threadsPath(documentId)}/read`, { method: 'POST', body: {} });
    await api(karim, `${threadsPath(documentId)}/${byKarim.id}/comments/${later.id}`, {
      method: 'PATCH',
      body: { body: 'Merci, c’est noté.' },
    });
    expect((await listThreads(lucas, documentId)).unread).toBe(1);
    // A marker never goes back.
    const back = await apiJson<{ seenAt: number }>(lucas, `${threadsPath(documentId)}/read`, {
      method: 'POST',
      body: { upTo: 1 },
    });
    expect(back.seenAt).toBeGreaterThan(first.at);
  });

  const inbox = (session: TestSession, query = '') =>
    apiJson<Inbox>(session, `/api/partnerships/${partnershipId}/inbox?limit=200${query}`);
  const idsOf = (result: Inbox) => result.threads.map((t) => t.id);
  const ours = () => [byKarim.id, bySophie.id, resolved.id];
  const onlyOurs = (result: Inbox) => idsOf(result).filter((id) => ours().includes(id));

  it('lists threads across documents, most recently active first, with their document', async () => {
    const result = await inbox(nadia);
    expect(onlyOurs(result)).toEqual([byKarim.id, resolved.id, bySophie.id]);
    const entry = result.threads.find((t) => t.id === bySophie.id)!;
    expect(entry.document).toMatchObject({ id: otherDocumentId });
    expect(entry.unread).toBe(1);
  });

  it('filters: open or resolved, by organisation, mine, mentioning me', async () => {
    expect(onlyOurs(await inbox(nadia, '&status=resolved'))).toEqual([resolved.id]);
    expect(onlyOurs(await inbox(nadia, '&status=open'))).toEqual([byKarim.id, bySophie.id]);
    const tremplin = await inbox(nadia, `&organisationId=${sophie.organisationId}`);
    expect(onlyOurs(tremplin)).toEqual([bySophie.id]);
    expect(onlyOurs(await inbox(sophie, '&mine=1'))).toEqual([byKarim.id, bySophie.id]);
    expect(onlyOurs(await inbox(karim, '&mine=1&status=open'))).toEqual([byKarim.id]);
    // Lucas by name; Claire and Karim through their organisation.
    expect(onlyOurs(await inbox(lucas, '&mentions=1'))).toEqual([byKarim.id]);
    expect(onlyOurs(await inbox(claire, '&mentions=1'))).toEqual([bySophie.id]);
    expect(onlyOurs(await inbox(nadia, '&mentions=1'))).toEqual([]);
    expect(onlyOurs(await inbox(sophie, `&documentId=${otherDocumentId}`))).toEqual([
      resolved.id,
      bySophie.id,
    ]);
  });

  it('pages with a limit and refuses bad filters', async () => {
    const page = await apiJson<Inbox>(nadia, `/api/partnerships/${partnershipId}/inbox?limit=1`);
    expect(page.threads).toHaveLength(1);
    expect(page.hasMore).toBe(true);
    const bad = await api(nadia, `/api/partnerships/${partnershipId}/inbox?status=closed`);
    expect(await errorOf(bad)).toEqual({ status: 400, code: 'bad_request' });
  });
});
