import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { type Inbox, reply, signInDemoPeople, startThread } from '../support/comments.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { api, apiJson, demo, type TestSession } from '../support/session.ts';
import {
  freePort,
  type ReceivedMail,
  type SmtpProcess,
  startSmtpProcess,
} from '../support/smtp-process.ts';

/**
 * Comment digests by email, against a real SMTP server process and the real Accord server, with
 * rounds every 1.2 s (ACCORD_DIGEST_MINUTES=0.02); and the proof, with clients of two
 * organisations, that an internal thread never reaches another organisation — neither through
 * the inbox (REST) nor through a digest (email).
 */
let smtp: SmtpProcess;
let server: ServerProcess;
let claire: TestSession; // Ville, facilitator
let karim: TestSession; // Ville, editor
let sophie: TestSession; // Tremplin, editor
let lucas: TestSession; // Tremplin, commenter
let nadia: TestSession; // CCAS, viewer
let partnershipId: string;

/** Demo accounts outside the city (Ville de Val-de-Sèvre). */
const notCity = [
  'sophie@demo.accord',
  'lucas@demo.accord',
  'antoine@demo.accord',
  'nadia@demo.accord',
  'fatou@demo.accord',
  'julien@demo.accord',
];

beforeAll(async () => {
  smtp = await startSmtpProcess();
  const port = await freePort();
  server = await startServerProcess({
    env: {
      ACCORD_PORT: String(port),
      ACCORD_PUBLIC_URL: `http://127.0.0.1:${port}`,
      ACCORD_SMTP_URL: smtp.url,
      ACCORD_DIGEST_MINUTES: '0.02',
    },
  });
  ({ claire, karim, sophie, lucas, nadia, partnershipId } = await signInDemoPeople(server.url));
});
afterAll(async () => {
  await server?.kill('SIGKILL');
  await smtp?.stop();
});

const mailsTo = (address: string) => smtp.mails.filter((m) => m.rcptTo.includes(address));
const everything = (mail: ReceivedMail) => `${mail.subject}\n${mail.text}\n${mail.html}`;
/** Digest rounds the server has finished so far (one log line each). */
const rounds = () => (server.output().match(/\[digest\] round:/g) ?? []).length;

async function digestContaining(address: string, text: string): Promise<ReceivedMail> {
  await expect
    .poll(() => mailsTo(address).some((m) => m.text?.includes(text)), { timeout: 15_000 })
    .toBe(true);
  return mailsTo(address).find((m) => m.text?.includes(text))!;
}

/** Waits until `count` more rounds have finished: everyone was considered again. */
async function moreRounds(count: number): Promise<void> {
  const target = rounds() + count;
  await expect.poll(rounds, { timeout: 15_000 }).toBeGreaterThanOrEqual(target);
}

describe('comment digests', () => {
  it('emails the mention of an organisation to its people, once, with links into Accord', async () => {
    const documentId = await createDocument(karim);
    const thread = await startThread(karim, documentId, {
      body: 'MENTION-TREMPLIN : pouvez-vous relire <b>cet objectif</b> ?',
      mentions: [{ kind: 'organisation', organisationId: sophie.organisationId }],
    });
    const mail = await digestContaining(demo.editorOtherOrganisation, 'MENTION-TREMPLIN');
    // The demo partnership is French: so is the digest.
    expect(mail.subject).toMatch(/^Accord\u00a0: \d+ nouveautés? pour vous$/);
    expect(mail.text).toContain('Bonjour Sophie Lefèvre,');
    expect(mail.text).toContain('Karim Benali mentionne Association Tremplin');
    expect(mail.text).toContain(`${server.url}/d/${documentId}#thread=${thread.id}`);
    expect(mail.text).toContain(`${server.url}/p/${partnershipId}/inbox`);
    // Markup in a comment arrives as text.
    expect(mail.html).toContain('&lt;b&gt;cet objectif&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>cet objectif');
    // Lucas (Tremplin too) gets it; Nadia (CCAS) does not.
    await digestContaining(demo.commenter, 'MENTION-TREMPLIN');
    expect(mailsTo(demo.viewer).some((m) => m.text?.includes('MENTION-TREMPLIN'))).toBe(false);
    // The author never gets their own comment.
    expect(mailsTo(demo.editor).some((m) => m.text?.includes('MENTION-TREMPLIN'))).toBe(false);

    // The next rounds send nothing new to Sophie: nothing happened since her digest.
    const sent = mailsTo(demo.editorOtherOrganisation).length;
    await moreRounds(2);
    expect(mailsTo(demo.editorOtherOrganisation)).toHaveLength(sent);

    // A reply in a thread Karim started reaches him in his next digest, and only it.
    await reply(sophie, thread, 'REPLY-TREMPLIN : c’est relu.');
    const replyMail = await digestContaining(demo.editor, 'REPLY-TREMPLIN');
    expect(replyMail.text).toContain('Sophie Lefèvre a répondu dans une discussion');
    expect(replyMail.text).not.toContain('MENTION-TREMPLIN');
  });

  it('emails a mention of a person, and leaves out what they already read in the app', async () => {
    const readDocument = await createDocument(karim);
    const unreadDocument = await createDocument(karim);
    await startThread(karim, readDocument, {
      body: 'ALREADY-READ pour Nadia',
      mentions: [{ kind: 'person', personId: nadia.personId }],
    });
    await apiJson(nadia, `/api/documents/${readDocument}/threads/read`, {
      method: 'POST',
      body: {},
    });
    await startThread(karim, unreadDocument, {
      body: 'NOT-YET-READ pour Nadia',
      mentions: [{ kind: 'person', personId: nadia.personId }],
    });
    const mail = await digestContaining(demo.viewer, 'NOT-YET-READ');
    expect(mail.text).toContain('Karim Benali vous mentionne');
    await moreRounds(2);
    expect(mailsTo(demo.viewer).some((m) => m.text?.includes('ALREADY-READ'))).toBe(false);
  });
});

describe('internal threads never reach another organisation', () => {
  it('not through the inbox, whatever the filters, nor through any digest', async () => {
    const documentId = await createDocument(karim);
    const internal = await startThread(karim, documentId, {
      visibility: 'organisation',
      body: 'SECRET-VILLE : notre marge de négociation',
      mentions: [{ kind: 'organisation', organisationId: karim.organisationId }],
    });
    await reply(claire, internal, 'SECRET-VILLE-REPLY : d’accord', [
      { kind: 'person', personId: karim.personId },
    ]);
    // An internal thread cannot even name another organisation or its people.
    const outward = await api(
      karim,
      `/api/documents/${documentId}/threads/${internal.id}/comments`,
      {
        method: 'POST',
        body: {
          body: 'SECRET-VILLE-LEAK',
          mentions: [{ kind: 'organisation', organisationId: sophie.organisationId }],
        },
      },
    );
    expect(outward.status).toBe(400);
    // A shared thread on the same document, for contrast.
    const shared = await startThread(sophie, documentId, {
      body: 'PUBLIC-TREMPLIN',
      mentions: [{ kind: 'organisation', organisationId: karim.organisationId }],
    });

    // REST: the inbox of people of other organisations, with every filter.
    const filters = [
      '',
      '?status=open',
      '?status=resolved',
      `?organisationId=${karim.organisationId}`,
      `?documentId=${documentId}`,
      '?mine=1',
      '?mentions=1',
      `?mentions=1&organisationId=${karim.organisationId}&documentId=${documentId}`,
    ];
    for (const session of [sophie, lucas, nadia]) {
      for (const filter of filters) {
        const response = await api(session, `/api/partnerships/${partnershipId}/inbox${filter}`);
        expect(response.status).toBe(200);
        const text = await response.text();
        expect(text).not.toContain(internal.id);
        expect(text).not.toContain('SECRET-VILLE');
      }
      const all = await apiJson<Inbox>(session, `/api/partnerships/${partnershipId}/inbox`);
      expect(all.threads.map((t) => t.id)).toContain(shared.id);
    }
    // The city sees its own note there: the checks above could fail.
    const cityInbox = await apiJson<Inbox>(
      karim,
      `/api/partnerships/${partnershipId}/inbox?mentions=1`,
    );
    expect(cityInbox.threads.map((t) => t.id)).toContain(internal.id);

    // Email: the city's people get the internal note in their digest…
    await digestContaining(demo.facilitator, 'SECRET-VILLE : notre marge');
    await digestContaining(demo.editor, 'SECRET-VILLE-REPLY');
    // …and Sophie gets the shared thread's news (the digest of another organisation ran)…
    await moreRounds(2);
    // …but no mail to anyone outside the city ever holds a word of it.
    for (const address of notCity) {
      for (const mail of mailsTo(address)) expect(everything(mail)).not.toContain('SECRET-VILLE');
    }
    for (const mail of smtp.mails) {
      if (mail.rcptTo.some((to) => notCity.includes(to))) {
        expect(everything(mail)).not.toContain(internal.id);
      }
    }
  });
});
