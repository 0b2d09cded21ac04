import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { api, apiJson, DEMO_PASSWORD, demo, signIn, type TestSession } from '../support/session.ts';
import {
  freePort,
  type ReceivedMail,
  type SmtpProcess,
  startSmtpProcess,
} from '../support/smtp-process.ts';

/**
 * Password-reset mail against a real SMTP server process (smtp-server, see
 * tests/support/smtp-sink.ts) and the real Accord server process.
 */

const NEW_PASSWORD = 'un-nouveau-mot-de-passe';

function post(baseUrl: string, path: string, body: unknown) {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The reset link in a mail's text, checked to point at the server. */
function resetLinkIn(mail: ReceivedMail, serverUrl: string): { url: string; token: string } {
  const match = /(http:\/\/\S+\/reset\/([A-Za-z0-9_-]+))/.exec(mail.text ?? '');
  if (!match) throw new Error(`no reset link in:\n${mail.text}`);
  expect(match[1]!.startsWith(`${serverUrl}/reset/`)).toBe(true);
  return { url: match[1]!, token: match[2]! };
}

async function resetWith(serverUrl: string, token: string, newPassword = NEW_PASSWORD) {
  const response = await post(serverUrl, '/api/auth/reset', { token, newPassword });
  expect(response.status, await response.clone().text()).toBe(200);
}

describe('with SMTP configured', () => {
  let smtp: SmtpProcess;
  let server: ServerProcess;
  let facilitator: TestSession;
  let partnershipId: string;

  beforeAll(async () => {
    smtp = await startSmtpProcess();
    // Links in mail use ACCORD_PUBLIC_URL (never the request's Host): give the server its own.
    const port = await freePort();
    server = await startServerProcess({
      env: {
        ACCORD_PORT: String(port),
        ACCORD_PUBLIC_URL: `http://127.0.0.1:${port}`,
        ACCORD_SMTP_URL: smtp.url,
        ACCORD_MAIL_FROM: 'Accord Tests <accord@tests.invalid>',
      },
    });
    facilitator = await signIn(server.url, demo.facilitator);
    const [partnership] = await apiJson<{ id: string }[]>(facilitator, '/api/partnerships');
    partnershipId = partnership!.id;
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await smtp?.stop();
  });

  async function personId(email: string): Promise<string> {
    const detail = await apiJson<{ members: { id: string; email?: string; name: string }[] }>(
      facilitator,
      `/api/partnerships/${partnershipId}`,
    );
    const session = await signIn(server.url, email);
    expect(detail.members.some((m) => m.id === session.personId)).toBe(true);
    return session.personId;
  }

  it('emails a facilitator-issued link to the member, and the link works', async () => {
    const karim = await personId(demo.editor);
    const since = smtp.mails.length;
    const response = await api(
      facilitator,
      `/api/partnerships/${partnershipId}/members/${karim}/password-reset`,
      { method: 'POST', body: {} },
    );
    expect(response.status).toBe(201);
    const issued = (await response.json()) as { url: string; token: string; emailed: boolean };
    expect(issued.emailed).toBe(true);

    const mail = await smtp.waitForMail(demo.editor, { since });
    expect(mail.mailFrom).toBe('accord@tests.invalid');
    expect(mail.from).toBe('"Accord Tests" <accord@tests.invalid>');
    expect(mail.to).toContain('Karim Benali');
    // The demo partnership is French: so is the mail, and it names who sent the link.
    expect(mail.subject).toBe('Accord\u00a0: choisir un nouveau mot de passe');
    expect(mail.text).toContain('Bonjour Karim Benali,');
    expect(mail.text).toContain('Claire Martin');
    expect(mail.html).toContain(issued.url);
    const link = resetLinkIn(mail, server.url);
    expect(link.url).toBe(issued.url);

    await resetWith(server.url, link.token);
    await signIn(server.url, demo.editor, NEW_PASSWORD);
    const old = await post(server.url, '/api/auth/signin', {
      email: demo.editor,
      password: DEMO_PASSWORD,
    });
    expect(old.status).toBe(401);
    // Single use.
    const again = await post(server.url, '/api/auth/reset', {
      token: link.token,
      newPassword: 'encore-un-autre-mot-de-passe',
    });
    expect(again.status).toBe(400);
  });

  it('answers forgot the same with or without an account, and mails only the account', async () => {
    const since = smtp.mails.length;
    const unknown = await post(server.url, '/api/auth/forgot', { email: 'personne@demo.accord' });
    const known = await post(server.url, '/api/auth/forgot', { email: 'Lucas@Demo.Accord' });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(await unknown.text()).toBe(await known.text());
    expect(unknown.headers.get('content-type')).toBe(known.headers.get('content-type'));

    const mail = await smtp.waitForMail(demo.commenter, { since });
    expect(mail.subject).toBe('Accord\u00a0: choisir un nouveau mot de passe');
    expect(mail.text).toContain('Bonjour Lucas Girard,');
    // Give a mail to the unknown address every chance to show up: there must be none.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sent = smtp.mails.slice(since);
    expect(sent.flatMap((m) => m.rcptTo)).toEqual([demo.commenter]);

    await resetWith(server.url, resetLinkIn(mail, server.url).token);
    await signIn(server.url, demo.commenter, NEW_PASSWORD);
  });

  it('writes in the partnership’s language', async () => {
    const patch = (language: string) =>
      apiJson(facilitator, `/api/partnerships/${partnershipId}`, {
        method: 'PATCH',
        body: { language },
      });
    await patch('en');
    try {
      const since = smtp.mails.length;
      const response = await post(server.url, '/api/auth/forgot', {
        email: demo.editorOtherOrganisation,
      });
      expect(response.status).toBe(202);
      const mail = await smtp.waitForMail(demo.editorOtherOrganisation, { since });
      expect(mail.subject).toBe('Accord: choose a new password');
      expect(mail.text).toContain('Hello Sophie Lefèvre,');
      expect(mail.html).toContain('lang="en"');
    } finally {
      await patch('fr');
    }
  });

  it('limits forgot per email, whether or not the account exists', async () => {
    const ask = () => post(server.url, '/api/auth/forgot', { email: 'fantome@demo.accord' });
    for (let i = 0; i < 5; i++) expect((await ask()).status).toBe(202);
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { code: string }).code).toBe('too_many_attempts');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('keeps the reset when the mail fails: emailed false, the link still works', async () => {
    await smtp.stop();
    const nadia = await personId(demo.viewer);
    const response = await api(
      facilitator,
      `/api/partnerships/${partnershipId}/members/${nadia}/password-reset`,
      { method: 'POST', body: {} },
    );
    expect(response.status).toBe(201);
    const issued = (await response.json()) as { url: string; token: string; emailed: boolean };
    expect(issued.emailed).toBe(false);
    expect(server.output()).toMatch(/\[mail\] password-reset mail to person \S+ not sent/);
    await resetWith(server.url, issued.token);
    await signIn(server.url, demo.viewer, NEW_PASSWORD);

    // Self-service still answers as usual; the failure is only logged.
    const forgot = await post(server.url, '/api/auth/forgot', { email: demo.facilitator });
    expect(forgot.status).toBe(202);
  });
});

describe('without SMTP', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess({ env: { ACCORD_SMTP_URL: '' } });
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
  });

  it('answers forgot with 501 mail_disabled', async () => {
    const response = await post(server.url, '/api/auth/forgot', { email: demo.editor });
    expect(response.status).toBe(501);
    expect(((await response.json()) as { code: string }).code).toBe('mail_disabled');
  });

  it('still gives the facilitator the link, emailed false', async () => {
    const facilitator = await signIn(server.url, demo.facilitator);
    const editor = await signIn(server.url, demo.editor);
    const [partnership] = await apiJson<{ id: string }[]>(facilitator, '/api/partnerships');
    const issued = await apiJson<{ url: string; token: string; emailed: boolean }>(
      facilitator,
      `/api/partnerships/${partnership!.id}/members/${editor.personId}/password-reset`,
      { method: 'POST', body: {} },
    );
    expect(issued.emailed).toBe(false);
    expect(issued.url).toMatch(/\/reset\/[A-Za-z0-9_-]+$/);
    await resetWith(server.url, issued.token);
  });
});
