/** One message to one person: plain text and a simple HTML alternative, never user-supplied HTML. */
export interface MailMessage {
  to: { name: string | null; address: string };
  subject: string;
  text: string;
  html: string;
}

/**
 * Outgoing mail. `smtp.ts` sends through the SMTP server of `ACCORD_SMTP_URL`; without it,
 * `noMailer` sends nothing and the routes say so (links are then only shown to facilitators).
 */
export interface Mailer {
  /** False when Accord has no way to send mail. */
  readonly enabled: boolean;
  /** Resolves once the SMTP server accepted the message; rejects on any failure. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** The mailer when `ACCORD_SMTP_URL` is not set. */
export const noMailer: Mailer = {
  enabled: false,
  send: () => Promise.reject(new Error('Mail is not configured (ACCORD_SMTP_URL).')),
  close() {},
};
