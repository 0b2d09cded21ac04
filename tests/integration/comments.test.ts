import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import {
  type Comment,
  errorOf,
  type Inbox,
  listThreads,
  reply,
  sampleAnchor,
  startThread,
  type Thread,
  threadsPath,
} from '../support/comments.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { api, apiJson, demo, signIn, type TestSession } from '../support/session.ts';

/**
 * Comments over REST against the real server: who may do what, and internal notes that never
 * reach another organisation (the rest of the review flow is in comments-review.test.ts).
 * Demo people: claire (facilitator) and karim (editor) of the city; sophie (editor) and lucas
 * (commenter) of Tremplin; nadia (viewer) of the CCAS.
 */
type RoleName = 'facilitator' | 'editor' | 'commenter' | 'viewer';
const roleNames: RoleName[] = ['facilitator', 'editor', 'commenter', 'viewer'];

let server: ServerProcess;
const sessions = {} as Record<RoleName, TestSession>;
let sophie: TestSession;
let partnershipId: string;

const claire = () => sessions.facilitator;
const karim = () => sessions.editor;
const lucas = () => sessions.commenter;
const nadia = () => sessions.viewer;

beforeAll(async () => {
  server = await startServerProcess();
  for (const role of roleNames) sessions[role] = await signIn(server.url, demo[role]);
  sophie = await signIn(server.url, demo.editorOtherOrganisation);
  const [partnership] = await apiJson<{ id: string }[]>(claire(), '/api/partnerships');
  partnershipId = partnership!.id;
});
afterAll(async () => {
  await server.kill('SIGKILL');
});

function setRole(personId: string, role: RoleName) {
  return apiJson(claire(), `/api/partnerships/${partnershipId}/members/${personId}`, {
    method: 'PATCH',
    body: { role },
  });
}

describe('permission matrix over REST', () => {
  let documentId: string;
  let shared: Thread;
  /** Each role's own comment on the shared thread (nadia wrote hers while she was a commenter). */
  const own = {} as Record<RoleName, Comment>;
  /** One thread per role to resolve, and one already resolved to reopen. */
  const toResolve = {} as Record<RoleName, Thread>;
  const toReopen = {} as Record<RoleName, Thread>;

  beforeAll(async () => {
    documentId = await createDocument(claire());
    shared = await startThread(claire(), documentId, { body: 'Fil de départ' });
    own.facilitator = shared.comments[0]!;
    own.editor = await reply(karim(), shared, 'Réponse de Karim');
    own.commenter = await reply(lucas(), shared, 'Réponse de Lucas');
    await setRole(nadia().personId, 'commenter');
    own.viewer = await reply(nadia(), shared, 'Écrit quand Nadia commentait');
    await setRole(nadia().personId, 'viewer');
    for (const role of roleNames) {
      toResolve[role] = await startThread(claire(), documentId, { body: `À résoudre (${role})` });
      toReopen[role] = await startThread(claire(), documentId, { body: `À rouvrir (${role})` });
      await api(claire(), `${threadsPath(documentId)}/${toReopen[role].id}`, {
        method: 'PATCH',
        body: { status: 'resolved' },
      });
    }
  });

  const comment = (threadId: string, commentId: string) =>
    `${threadsPath(documentId)}/${threadId}/comments/${commentId}`;

  /** Written out here, not derived from the policy under test. */
  const matrix: {
    action: string;
    request: (role: RoleName) => { method: string; path: string; body?: unknown };
    expected: Record<RoleName, number>;
  }[] = [
    {
      action: 'list the threads',
      request: () => ({ method: 'GET', path: threadsPath(documentId) }),
      expected: { facilitator: 200, editor: 200, commenter: 200, viewer: 200 },
    },
    {
      action: 'read a thread',
      request: () => ({ method: 'GET', path: `${threadsPath(documentId)}/${shared.id}` }),
      expected: { facilitator: 200, editor: 200, commenter: 200, viewer: 200 },
    },
    {
      action: 'start a thread',
      request: (role) => ({
        method: 'POST',
        path: threadsPath(documentId),
        body: { anchor: sampleAnchor(), body: `Nouveau fil (${role})` },
      }),
      expected: { facilitator: 201, editor: 201, commenter: 201, viewer: 403 },
    },
    {
      action: 'start an internal thread',
      request: (role) => ({
        method: 'POST',
        path: threadsPath(documentId),
        body: { anchor: sampleAnchor(), body: `Note (${role})`, visibility: 'organisation' },
      }),
      expected: { facilitator: 201, editor: 201, commenter: 201, viewer: 403 },
    },
    {
      action: 'reply',
      request: (role) => ({
        method: 'POST',
        path: `${threadsPath(documentId)}/${shared.id}/comments`,
        body: { body: `Réponse (${role})` },
      }),
      expected: { facilitator: 201, editor: 201, commenter: 201, viewer: 403 },
    },
    {
      action: 'edit my own comment',
      request: (role) => ({
        method: 'PATCH',
        path: comment(shared.id, own[role].id),
        body: { body: `Corrigé (${role})` },
      }),
      expected: { facilitator: 200, editor: 200, commenter: 200, viewer: 403 },
    },
    {
      action: 'edit someone else’s comment',
      request: (role) => ({
        method: 'PATCH',
        path: comment(shared.id, own[role === 'facilitator' ? 'editor' : 'facilitator'].id),
        body: { body: 'Pas à moi' },
      }),
      expected: { facilitator: 403, editor: 403, commenter: 403, viewer: 403 },
    },
    {
      action: 'delete someone else’s comment',
      request: (role) => ({
        method: 'DELETE',
        path: comment(shared.id, own[role === 'facilitator' ? 'editor' : 'facilitator'].id),
      }),
      expected: { facilitator: 403, editor: 403, commenter: 403, viewer: 403 },
    },
    {
      action: 'resolve a thread',
      request: (role) => ({
        method: 'PATCH',
        path: `${threadsPath(documentId)}/${toResolve[role].id}`,
        body: { status: 'resolved' },
      }),
      expected: { facilitator: 200, editor: 200, commenter: 403, viewer: 403 },
    },
    {
      action: 'reopen a thread',
      request: (role) => ({
        method: 'PATCH',
        path: `${threadsPath(documentId)}/${toReopen[role].id}`,
        body: { status: 'open' },
      }),
      expected: { facilitator: 200, editor: 200, commenter: 403, viewer: 403 },
    },
    {
      action: 'mark the comments read',
      request: () => ({ method: 'POST', path: `${threadsPath(documentId)}/read`, body: {} }),
      expected: { facilitator: 200, editor: 200, commenter: 200, viewer: 200 },
    },
    {
      action: 'read the inbox',
      request: () => ({ method: 'GET', path: `/api/partnerships/${partnershipId}/inbox` }),
      expected: { facilitator: 200, editor: 200, commenter: 200, viewer: 200 },
    },
    // Last: it empties each role's own comment.
    {
      action: 'delete my own comment',
      request: (role) => ({ method: 'DELETE', path: comment(shared.id, own[role].id) }),
      expected: { facilitator: 200, editor: 200, commenter: 200, viewer: 403 },
    },
  ];

  for (const row of matrix) {
    for (const role of roleNames) {
      it(`${role} → ${row.action} → ${row.expected[role]}`, async () => {
        const { method, path, body } = row.request(role);
        const response = await api(sessions[role], path, { method, body });
        expect(response.status).toBe(row.expected[role]);
        if (response.status === 403) expect((await errorOf(response)).code).toBe('forbidden');
      });
    }
  }

  it('a resolve records who and when, a reopen clears it', async () => {
    const { threads } = await listThreads(karim(), documentId);
    const resolved = threads.find((t) => t.id === toResolve.editor.id)!;
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: karim().personId });
    expect(resolved.resolvedAt).toEqual(expect.any(Number));
    const reopened = threads.find((t) => t.id === toReopen.editor.id)!;
    expect(reopened).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null });
  });
});

describe('internal threads never reach another organisation over REST', () => {
  let documentId: string;
  let note: Thread;
  const path = () => `${threadsPath(documentId)}/${note.id}`;

  beforeAll(async () => {
    documentId = await createDocument(claire());
    note = await startThread(sophie, documentId, {
      body: 'Entre nous : le budget est serré.',
      visibility: 'organisation',
      mentions: [{ kind: 'person', personId: lucas().personId }],
    });
    await startThread(sophie, documentId, { body: 'Question pour tous' });
  });

  it('its organisation sees it: in the list, by id, in the inbox', async () => {
    for (const session of [sophie, lucas()]) {
      const { threads } = await listThreads(session, documentId);
      expect(threads.map((t) => t.id)).toContain(note.id);
      expect((await api(session, path())).status).toBe(200);
      const inbox = await apiJson<Inbox>(session, `/api/partnerships/${partnershipId}/inbox`);
      expect(inbox.threads.map((t) => t.id)).toContain(note.id);
    }
    // Lucas replies: a commenter of the organisation takes part in its notes.
    expect(
      (await api(lucas(), `${path()}/comments`, { method: 'POST', body: { body: 'Oui' } })).status,
    ).toBe(201);
  });

  it('anyone else, whatever their role, gets nothing — 404 by id, never 403', async () => {
    const first = note.comments[0]!.id;
    for (const session of [claire(), karim(), nadia()]) {
      const { threads } = await listThreads(session, documentId);
      expect(threads.map((t) => t.id)).not.toContain(note.id);
      expect(JSON.stringify(threads)).not.toContain('budget');
      const inbox = await apiJson<Inbox>(
        session,
        `/api/partnerships/${partnershipId}/inbox?organisationId=${sophie.organisationId}`,
      );
      expect(inbox.threads.map((t) => t.id)).not.toContain(note.id);
      const attempts: [string, string, unknown?][] = [
        ['GET', path()],
        ['POST', `${path()}/comments`, { body: 'Je m’invite' }],
        ['PATCH', `${path()}/comments/${first}`, { body: 'Réécrit' }],
        ['DELETE', `${path()}/comments/${first}`],
        ['PATCH', path(), { status: 'resolved' }],
        ['PATCH', path(), { status: 'open' }],
      ];
      for (const [method, target, body] of attempts) {
        const response = await api(session, target, { method, body });
        expect({ method, target, ...(await errorOf(response)) }).toEqual({
          method,
          target,
          status: 404,
          code: 'not_found',
        });
      }
    }
    // Nothing changed.
    const { thread } = await apiJson<{ thread: Thread }>(sophie, path());
    expect(thread.status).toBe('open');
    expect(thread.comments[0]!.body).toBe('Entre nous : le budget est serré.');
  });

  it('an internal note may mention only its own organisation and its people', async () => {
    const attempt = (mentions: unknown[]) =>
      api(sophie, threadsPath(documentId), {
        method: 'POST',
        body: { anchor: sampleAnchor(), body: 'Note', visibility: 'organisation', mentions },
      });
    const outsider = await attempt([{ kind: 'person', personId: claire().personId }]);
    expect(await errorOf(outsider)).toEqual({ status: 400, code: 'invalid_mention' });
    const otherOrganisation = await attempt([
      { kind: 'organisation', organisationId: claire().organisationId },
    ]);
    expect(await errorOf(otherOrganisation)).toEqual({ status: 400, code: 'invalid_mention' });
    const stranger = await attempt([{ kind: 'person', personId: 'no-such-person' }]);
    expect(await errorOf(stranger)).toEqual({ status: 400, code: 'invalid_mention' });
    const own = await attempt([{ kind: 'organisation', organisationId: sophie.organisationId }]);
    expect(own.status).toBe(201);
  });
});
