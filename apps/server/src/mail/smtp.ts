import { createTransport } from 'nodemailer';
import type { Mailer } from './mailer.ts';
import type { SmtpSettings } from './smtp-url.ts';

/** nodemailer's options for `settings`: never downgrades a `starttls` server to plain text. */
export function transportOptions(settings: SmtpSettings) {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    // Plain SMTP (loopback or `?tls=off`): do not try a STARTTLS the server may offer with a
    // certificate nobody can check (a local relay's self-signed one).
    ignoreTLS: settings.security === 'none',
    ...(settings.auth && { auth: { user: settings.auth.user, pass: settings.auth.pass } }),
    // A slow or dead server must not hold a request (the facilitator waits for `emailed`) long.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // Messages are built here from templates: they never reference files or URLs to inline.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** Sends through the SMTP server of `ACCORD_SMTP_URL`, one connection per message. */
export function createSmtpMailer(settings: SmtpSettings, from: string): Mailer {
  const transport = createTransport(transportOptions(settings), { from });
  return {
    enabled: true,
    async send(message) {
      await transport.sendMail({
        to: message.to.name
          ? { name: message.to.name, address: message.to.address }
          : message.to.address,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
    },
    close() {
      transport.close();
    },
  };
}
