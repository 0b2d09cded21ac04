import path from 'node:path';
import { CloseCode } from '@accord/sync/protocol';
import Database from 'better-sqlite3';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument } from '../support/api.ts';
import { connectClient, type TestClient, waitFor, waitForStatus } from '../support/clients.ts';
import { rawSocket } from '../support/raw-socket.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { api, apiJson, demo, sessionFrom, signIn, type TestSession } from '../support/session.ts';

type RoleName = 'facilitator' | 'editor' | 'commenter' | 'viewer';
const roleNames: RoleName[] = ['facilitator', 'editor', 'commenter', 'viewer'];

let server: ServerProcess;
const sessions = {} as Record<RoleName, TestSession>;
let partnershipId: string;
let documentId: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startServerProcess();
  for (const role of roleNames) sessions[role] = await signIn(server.url, demo[role]);
  const [partnership] = await apiJson<{ id: string }[]>(sessions.facilitator, '/api/partnerships');
  partnershipId = partnership!.id;
  documentId = await createDocument(sessions.facilitator);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.kill('SIGKILL');
});

function client(session: TestSession | null, id = documentId): TestClient {
  const c = connectClient(server.wsUrl, id, session);
  clients.push(c);
  return c;
}

/**
 * The expected answer of every action for every role, written out here — not derived from the
 * policy under test. Targets that do not exist (member `nobody`) let a facilitator's allowed
 * request answer 404 without changing anything, while the others must get 403 before any lookup.
 */
const matrix: {
  action: string;
  request: () => { method: string; path: string; body?: unknown };
  expected: Record<RoleName, number>;
}[] = [
  {
    action: 'view partnership',
    request: () => ({ method: 'GET', path: `/api/partnerships/${partnershipId}` }),
    expected: { facilitator: 200, editor: 200, commenter: 200, viewer: 200 },
  },
  {
    action: 'update partnership',
    request: () => ({
      method: 'PATCH',
      path: `/api/partnerships/${partnershipId}`,
      body: { purpose: 'Un objectif commun.' },
    }),
    expected: { facilitator: 200, editor: 403, commenter: 403, viewer: 403 },
  },
  {
    action: 'view document',
    request: () => ({ method: 'GET', path: `/api/documents/${documentId}` }),
    expected: { facilitator: 200, editor: 200, commenter: 200, viewer: 200 },
  },
  {
    action: 'create document',
    request: () => ({
      method: 'POST',
      path: `/api/partnerships/${partnershipId}/documents`,
      body: { title: 'Notes', kind: 'notes' },
    }),
    expected: { facilitator: 201, editor: 201, commenter: 403, viewer: 403 },
  },
  {
    action: 'rename document',
    request: () => ({
      method: 'PATCH',
      path: `/api/documents/${documentId}`,
      body: { title: 'Notes de séance' },
    }),
    expected: { facilitator: 200, editor: 200, commenter: 403, viewer: 403 },
  },
  {
    action: 'archive document',
    request: () => ({
      method: 'POST',
      path: `/api/documents/${documentId}/archive`,
      body: { archived: false },
    }),
    expected: { facilitator: 200, editor: 403, commenter: 403, viewer: 403 },
  },
  {
    action: 'invite',
    request: () => ({
      method: 'POST',
      path: `/api/partnerships/${partnershipId}/invitations`,
      body: { organisationId: sessions.facilitator.organisationId, role: 'viewer' },
    }),
    expected: { facilitator: 201, editor: 403, commenter: 403, viewer: 403 },
  },
  {
    action: 'list invitations',
    request: () => ({ method: 'GET', path: `/api/partnerships/${partnershipId}/invitations` }),
    expected: { facilitator: 200, editor: 403, commenter: 403, viewer: 403 },
  },
  {
    action: 'change a role',
    request: () => ({
      method: 'PATCH',
      path: `/api/partnerships/${partnershipId}/members/nobody`,
      body: { role: 'viewer' },
    }),
    expected: { facilitator: 404, editor: 403, commenter: 403, viewer: 403 },
  },
  {
    action: 'set a signatory',
    request: () => ({
      method: 'PATCH',
      path: `/api/partnerships/${partnershipId}/members/nobody`,
      body: { signatory: true },
    }),
    expected: { facilitator: 404, editor: 403, commenter: 403, viewer: 403 },
  },
  {
    action: 'remove a member',
    request: () => ({
      method: 'DELETE',
      path: `/api/partnerships/${partnershipId}/members/nobody`,
    }),
    expected: { facilitator: 404, editor: 403, commenter: 403, viewer: 403 },
  },
  {
    action: 'issue a password reset',
    request: () => ({
      method: 'POST',
      path: `/api/partnerships/${partnershipId}/members/nobody/password-reset`,
      body: {},
    }),
    expected: { facilitator: 404, editor: 403, commenter: 403, viewer: 403 },
  },
  {
    action: 'add an organisation',
    request: () => ({
      method: 'POST',
      path: `/api/partnerships/${partnershipId}/organisations`,
      body: { organisation: { name: 'Université', sector: 'academic' }, colour: '#0f766e' },
    }),
    expected: { facilitator: 201, editor: 403, commenter: 403, viewer: 403 },
  },
  {
    action: 'remove an organisation',
    request: () => ({
      method: 'DELETE',
      path: `/api/partnerships/${partnershipId}/organisations/nobody`,
    }),
    expected: { facilitator: 404, editor: 403, commenter: 403, viewer: 403 },
  },
  {
    action: 'download the audit log',
    request: () => ({ method: 'GET', path: `/api/partnerships/${partnershipId}/audit` }),
    expected: { facilitator: 200, editor: 200, commenter: 200, viewer: 200 },
  },
];

describe('permission matrix over REST', () => {
  for (const row of matrix) {
    for (const role of roleNames) {
      it(`${role} → ${row.action} → ${row.expected[role]}`, async () => {
        const { method, path, body } = row.request();
        const response = await api(sessions[role], path, { method, body });
        expect(response.status).toBe(row.expected[role]);
        if (response.status === 403)
          expect(((await response.json()) as { code: string }).code).toBe('forbidden');
      });
    }
  }
});

function update(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  change(doc);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

describe('permission matrix over the websocket', () => {
  const writes: Record<RoleName, boolean> = {
    facilitator: true,
    editor: true,
    commenter: false,
    viewer: false,
  };
  for (const role of roleNames) {
    it(`${role} ${writes[role] ? 'writes' : 'is read-only'}`, async () => {
      const id = await createDocument(sessions.editor);
      const watcher = client(sessions.editor, id);
      const person = client(sessions[role], id);
      await waitForStatus(person, 'connected', (s) => s.connection === 'connected');
      expect(person.connection.getStatus().readOnly).toBe(!writes[role]);
      person.text.insert(0, `écrit par ${role}`);
      if (writes[role]) {
        await waitFor('peer sees the edit', () => watcher.text.toString() === `écrit par ${role}`);
        await waitForStatus(person, 'saved', (s) => s.save === 'saved');
      } else {
        await waitForStatus(person, 'refused', (s) => s.refused?.reason === 'read-only');
        // A late joiner loads from the server: nothing of the refused edit is there.
        const late = client(sessions.editor, id);
        await waitForStatus(late, 'late synced', (s) => s.connection === 'connected');
        expect(late.text.toString()).toBe('');
        expect(watcher.text.toString()).toBe('');
      }
    });
  }

  it('a viewer’s raw update frames change nothing on the server', async () => {
    const id = await createDocument(sessions.editor);
    const outcome = await rawSocket(`${server.wsUrl}/${id}?accord=1`, {
      cookie: sessions.viewer.cookie,
      frames: [update((doc) => doc.getText('test').insert(0, 'intrus'))],
      keepOpenMs: 500,
    });
    expect(outcome.kind).toBe('closed');
    const reader = client(sessions.editor, id);
    await waitForStatus(reader, 'reader connected', (s) => s.connection === 'connected');
    expect(reader.text.toString()).toBe('');
  });
});

describe('identity, origin and sessions on the websocket', () => {
  it('closes 4401 without a session, and 4404 for a document of another partnership', async () => {
    const anonymous = await rawSocket(`${server.wsUrl}/${documentId}`);
    expect(anonymous).toMatchObject({ kind: 'closed', code: CloseCode.unauthenticated });

    const outsider = await signUpOutsider();
    const foreign = await rawSocket(`${server.wsUrl}/${documentId}`, { cookie: outsider.cookie });
    expect(foreign).toMatchObject({ kind: 'closed', code: CloseCode.notFound });
    // Same answer over REST: another partnership's ids reveal nothing.
    expect((await api(outsider, `/api/documents/${documentId}`)).status).toBe(404);
    expect((await api(outsider, `/api/partnerships/${partnershipId}`)).status).toBe(404);
    expect((await api(outsider, `/api/partnerships/${partnershipId}/invitations`)).status).toBe(
      404,
    );
  });

  it('refuses a handshake from a foreign Origin with HTTP 403 before the upgrade', async () => {
    const outcome = await rawSocket(`${server.wsUrl}/${documentId}`, {
      cookie: sessions.editor.cookie,
      origin: 'https://evil.example',
    });
    expect(outcome).toEqual({ kind: 'rejected', status: 403 });
    const same = await rawSocket(`${server.wsUrl}/${documentId}`, {
      cookie: sessions.editor.cookie,
      origin: server.url,
      keepOpenMs: 300,
    });
    expect(same).toMatchObject({ kind: 'closed', code: 1000 });
  });

  it('answers 404 before the upgrade for any path but a document’s sync socket', async () => {
    const wsRoot = server.wsUrl.replace(/\/sync$/, '');
    for (const path of ['/api/health', `/sync/${documentId}/extra`, '/sync/']) {
      const outcome = await rawSocket(`${wsRoot}${path}`, { cookie: sessions.editor.cookie });
      expect(outcome).toEqual({ kind: 'rejected', status: 404 });
    }
  });

  it('accepts a single-use ticket once', async () => {
    const { ticket } = await apiJson<{ ticket: string }>(sessions.editor, '/api/auth/ticket', {
      method: 'POST',
      body: {},
    });
    const first = await rawSocket(`${server.wsUrl}/${documentId}?ticket=${ticket}`, {
      keepOpenMs: 300,
    });
    expect(first).toMatchObject({ kind: 'closed', code: 1000 });
    const again = await rawSocket(`${server.wsUrl}/${documentId}?ticket=${ticket}`);
    expect(again).toMatchObject({ kind: 'closed', code: CloseCode.unauthenticated });
  });

  it('stamps presence with the server’s identity: nobody can appear as someone else', async () => {
    const id = await createDocument(sessions.editor);
    const karim = client(sessions.editor, id);
    const observer = client(sessions.viewer, id);
    await waitForStatus(karim, 'connected', (s) => s.connection === 'connected');
    karim.connection.provider.awareness.setLocalState({
      name: 'Claire Martin (Ville de Val-de-Sèvre)',
      color: '#000000',
    });
    await waitFor('observer sees karim', () =>
      [...observer.connection.provider.awareness.getStates().values()].some(
        (s) => typeof s.name === 'string' && s.name.startsWith('Karim'),
      ),
    );
    const states = [...observer.connection.provider.awareness.getStates().values()];
    expect(states.some((s) => typeof s.name === 'string' && s.name.startsWith('Claire'))).toBe(
      false,
    );
  });

  it('signing out closes that session’s sockets with 4401', async () => {
    const session = await signIn(server.url, demo.editorOtherOrganisation);
    const c = client(session);
    await waitForStatus(c, 'connected', (s) => s.connection === 'connected');
    await api(session, '/api/auth/signout', { method: 'POST', body: {} });
    await waitForStatus(c, 'closed 4401', (s) => s.connection === 'closed', 5_000);
    expect(c.connection.getStatus().closeCode).toBe(CloseCode.unauthenticated);
  });
});

describe('role changes reach open sockets within a second', () => {
  it('reconnects with the new role (4500), and closes for good on removal (4403)', async () => {
    const invited = await inviteAndSignUp('editor');
    const id = await createDocument(sessions.facilitator);
    const c = client(invited, id);
    await waitForStatus(c, 'connected', (s) => s.connection === 'connected' && !s.readOnly);

    await apiJson(
      sessions.facilitator,
      `/api/partnerships/${partnershipId}/members/${invited.personId}`,
      { method: 'PATCH', body: { role: 'viewer' } },
    );
    await waitForStatus(
      c,
      'read-only after role change',
      (s) => s.connection === 'connected' && s.readOnly,
      3_000,
    );

    await apiJson(
      sessions.facilitator,
      `/api/partnerships/${partnershipId}/members/${invited.personId}`,
      { method: 'DELETE' },
    );
    await waitForStatus(c, 'closed after removal', (s) => s.connection === 'closed', 3_000);
    expect(c.connection.getStatus().closeCode).toBe(CloseCode.forbidden);
    expect((await api(invited, `/api/documents/${id}`)).status).toBe(404);
  });
});

describe('invitations', () => {
  it('let exactly one person in, once', async () => {
    const { token } = await apiJson<{ token: string }>(
      sessions.facilitator,
      `/api/partnerships/${partnershipId}/invitations`,
      {
        method: 'POST',
        body: { organisationId: sessions.facilitator.organisationId, role: 'commenter' },
      },
    );
    const signUp = (email: string) =>
      fetch(`${server.url}/api/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Invitée',
          email,
          password: 'un mot de passe sûr',
          invitationToken: token,
        }),
      });
    expect((await signUp('premiere@exemple.fr')).status).toBe(201);
    const second = await signUp('seconde@exemple.fr');
    expect(second.status).toBe(410);
    expect(((await second.json()) as { code: string }).code).toBe('invitation_used');
    const unknown = await fetch(`${server.url}/api/invitations/not-a-token`);
    expect(unknown.status).toBe(404);
  });
});

/** Opens the server's own SQLite file beside it, to play the part of someone with disk access. */
function rawDatabase(): Database.Database {
  return new Database(path.join(server.dataDir, 'accord.sqlite'));
}

describe('expired invitations and erased people', () => {
  it('refuses an invitation past its expiry', async () => {
    const invitation = await apiJson<{ id: string; token: string }>(
      sessions.facilitator,
      `/api/partnerships/${partnershipId}/invitations`,
      {
        method: 'POST',
        body: { organisationId: sessions.facilitator.organisationId, role: 'editor' },
      },
    );
    const db = rawDatabase();
    db.prepare('UPDATE invitations SET expires_at = 1 WHERE id = ?').run(invitation.id);
    db.close();
    const preview = await (await fetch(`${server.url}/api/invitations/${invitation.token}`)).json();
    expect(preview).toMatchObject({ status: 'expired' });
    const response = await fetch(`${server.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Trop tard',
        email: `tard-${Date.now()}@exemple.fr`,
        password: 'un mot de passe sûr',
        invitationToken: invitation.token,
      }),
    });
    expect(response.status).toBe(410);
    expect(((await response.json()) as { code: string }).code).toBe('invitation_expired');
  });

  it('erases a person’s data; their membership goes, the audit chain still verifies', async () => {
    const invited = await inviteAndSignUp('editor');
    const erase = await api(invited, '/api/auth/erase', {
      method: 'POST',
      body: { password: 'un mot de passe sûr' },
    });
    expect(erase.status).toBe(200);
    const { members } = await apiJson<{ members: { id: string }[] }>(
      sessions.facilitator,
      `/api/partnerships/${partnershipId}`,
    );
    expect(members.map((m) => m.id)).not.toContain(invited.personId);
    expect((await api(invited, '/api/auth/session')).status).toBe(401);
    const verdict = await apiJson<{ ok: boolean }>(
      sessions.viewer,
      `/api/partnerships/${partnershipId}/audit/verify`,
    );
    expect(verdict.ok).toBe(true);
    const log = await (
      await api(sessions.viewer, `/api/partnerships/${partnershipId}/audit`)
    ).text();
    expect(log).toContain(invited.personId);
    expect(log).not.toContain('Invitée editor');
  });
});

describe('audit log', () => {
  it('records who did what and verifies as a chain', async () => {
    const log = await (
      await api(sessions.viewer, `/api/partnerships/${partnershipId}/audit`)
    ).text();
    const entries = log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; actorId: string | null });
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'partnership.created',
        'document.created',
        'invitation.created',
        'member.joined',
        'member.roleChanged',
        'member.removed',
      ]),
    );
    const verdict = await apiJson<{ ok: boolean }>(
      sessions.viewer,
      `/api/partnerships/${partnershipId}/audit/verify`,
    );
    expect(verdict.ok).toBe(true);
  });

  it('detects an entry tampered with on disk', async () => {
    const db = rawDatabase();
    // Someone with disk access lifts the store's guard and rewrites history.
    db.exec('DROP TRIGGER audit_entries_are_never_updated');
    db.prepare(`UPDATE audit_entries SET data = '{"forged":true}' WHERE chain = ? AND seq = 2`).run(
      `partnership:${partnershipId}`,
    );
    db.close();
    const verdict = await apiJson<{ ok: boolean; brokenAt: number }>(
      sessions.viewer,
      `/api/partnerships/${partnershipId}/audit/verify`,
    );
    expect(verdict).toMatchObject({ ok: false, brokenAt: 2 });
  });
});

describe('CSRF', () => {
  it('refuses a write without the session’s token, and anything but JSON', async () => {
    const noToken = await fetch(`${server.url}/api/partnerships/${partnershipId}/documents`, {
      method: 'POST',
      headers: { cookie: sessions.editor.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x', kind: 'notes' }),
    });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { code: string }).code).toBe('csrf_failed');
    const form = await fetch(`${server.url}/api/partnerships/${partnershipId}/documents`, {
      method: 'POST',
      headers: {
        cookie: sessions.editor.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        'x-csrf-token': sessions.editor.csrfToken,
      },
      body: 'title=x&kind=notes',
    });
    expect(form.status).toBe(415);
  });
});

async function signUpOutsider(): Promise<TestSession> {
  const response = await fetch(`${server.url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Personne extérieure',
      email: `exterieure-${Date.now()}@exemple.fr`,
      password: 'un mot de passe sûr',
      organisation: { name: 'Autre collectif', sector: 'community-group' },
    }),
  });
  expect(response.status).toBe(201);
  const outsider = await sessionFrom(server.url, response);
  await apiJson(outsider, '/api/partnerships', {
    method: 'POST',
    body: { name: 'Autre partenariat' },
  });
  return outsider;
}

async function inviteAndSignUp(role: RoleName): Promise<TestSession> {
  const { token } = await apiJson<{ token: string }>(
    sessions.facilitator,
    `/api/partnerships/${partnershipId}/invitations`,
    {
      method: 'POST',
      body: { organisationId: sessions.facilitator.organisationId, role },
    },
  );
  const response = await fetch(`${server.url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `Invitée ${role}`,
      email: `invitee-${role}-${Date.now()}@exemple.fr`,
      password: 'un mot de passe sûr',
      invitationToken: token,
    }),
  });
  expect(response.status).toBe(201);
  return sessionFrom(server.url, response);
}

describe('pages that carry secrets', () => {
  it('never leak an invitation or reset token as a referrer', async () => {
    // Needs the built web app (`pnpm build`, which `npm test` runs first).
    const response = await fetch(`${server.url}/invitation/some-token`);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('password-reset links', () => {
  it('are issued only for people whose every partnership the facilitator runs', async () => {
    const resetFor = (personId: string) =>
      api(
        sessions.facilitator,
        `/api/partnerships/${partnershipId}/members/${personId}/password-reset`,
        {
          method: 'POST',
          body: {},
        },
      );
    const lucas = await signIn(server.url, demo.commenter);
    expect((await resetFor(lucas.personId)).status).toBe(201);
    // Not oneself (use "forgot password"), and not someone who also works elsewhere.
    expect((await resetFor(sessions.facilitator.personId)).status).toBe(403);
    const fatou = await signIn(server.url, 'fatou@demo.accord');
    await apiJson(fatou, '/api/partnerships', {
      method: 'POST',
      body: { name: 'Jardins partagés' },
    });
    expect((await resetFor(fatou.personId)).status).toBe(403);
  });
});
