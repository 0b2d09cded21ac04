import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveThrough } from '../support/agreements.ts';
import { createDocument } from '../support/api.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { signIn } from '../support/session.ts';
import { freePort, type SmtpProcess, startSmtpProcess } from '../support/smtp-process.ts';

/** The signatories' mail when an agreement enters signing, through a real SMTP server process. */
let smtp: SmtpProcess;
let server: ServerProcess;

beforeAll(async () => {
  smtp = await startSmtpProcess();
  const port = await freePort();
  server = await startServerProcess({
    env: {
      ACCORD_PORT: String(port),
      ACCORD_PUBLIC_URL: `http://127.0.0.1:${port}`,
      ACCORD_SMTP_URL: smtp.url,
      ACCORD_MAIL_FROM: 'Accord Tests <accord@tests.invalid>',
    },
  });
});
afterAll(async () => {
  await server?.kill('SIGKILL');
  await smtp?.stop();
});

describe('signatories are told when an agreement enters signing', () => {
  it('mails every signatory of every party, in the partnership’s language, and nobody else', async () => {
    const claire = await signIn(server.url, 'claire@demo.accord');
    const documentId = await createDocument(claire, 'agreement');
    const since = smtp.mails.length;
    const view = await moveThrough(claire, documentId, 'review', 'signing');
    const signatories = ['claire', 'sophie', 'antoine', 'nadia', 'fatou'];
    const mails = await Promise.all(
      signatories.map((n) => smtp.waitForMail(`${n}@demo.accord`, { since, timeoutMs: 20_000 })),
    );
    for (const mail of mails) {
      expect(mail.subject).toBe(
        'Accord\u00a0: «\u202fTest agreement\u202f» attend votre signature',
      );
      expect(mail.text).toContain(view.signing!.shortFingerprint);
      expect(mail.text).toContain(`${server.url}/d/${documentId}`);
    }
    // Karim is an editor but not a signatory: no mail for him.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.mails.some((m) => m.rcptTo.includes('karim@demo.accord'))).toBe(false);
  });
});
