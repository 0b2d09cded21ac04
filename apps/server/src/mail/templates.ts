import type { Language } from '@accord/domain';
import type { MailMessage } from './mailer.ts';

/** What a password-reset message says. Names come from people: they are escaped in the HTML. */
export interface ResetMailInput {
  language: Language;
  /** The recipient, null when unknown. */
  name: string | null;
  url: string;
  validHours: number;
  /** Who issued the link, from which partnership; null when the person asked for it. */
  issuedBy: { name: string | null; partnership: string } | null;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A text with `{name}` slots: the plain-text and HTML bodies fill them differently. */
type Line = (fill: (value: string) => string) => string;

interface Wording {
  subject: string;
  greeting: (name: string | null, fill: (value: string) => string) => string;
  lead: (input: ResetMailInput) => Line;
  button: string;
  copyHint: string;
  validity: (hours: number) => string;
  ignore: string;
  signature: string;
}

// French first: the partnership's language picks the wording, French when none is known.
const wording: Record<Language, Wording> = {
  fr: {
    subject: 'Accord\u00a0: choisir un nouveau mot de passe',
    greeting: (name, fill) => (name ? `Bonjour ${fill(name)},` : 'Bonjour,'),
    lead: ({ issuedBy }) =>
      issuedBy
        ? (fill) =>
            `${issuedBy.name ? fill(issuedBy.name) : 'La personne qui anime votre partenariat'}, du partenariat «\u202f${fill(issuedBy.partnership)}\u202f», vous envoie un lien pour choisir un nouveau mot de passe Accord.`
        : () =>
            'Une réinitialisation du mot de passe de votre compte Accord a été demandée. Pour choisir un nouveau mot de passe, ouvrez ce lien\u00a0:',
    button: 'Choisir un nouveau mot de passe',
    copyHint: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur\u00a0:',
    validity: (hours) => `Ce lien ne sert qu’une fois et reste valable ${hours}\u00a0heures.`,
    ignore:
      'Si vous n’avez pas demandé ce lien, ignorez ce message\u00a0: votre mot de passe actuel reste valable.',
    signature: '— Accord',
  },
  en: {
    subject: 'Accord: choose a new password',
    greeting: (name, fill) => (name ? `Hello ${fill(name)},` : 'Hello,'),
    lead: ({ issuedBy }) =>
      issuedBy
        ? (fill) =>
            `${issuedBy.name ? fill(issuedBy.name) : 'The person who facilitates your partnership'}, from the partnership “${fill(issuedBy.partnership)}”, sends you a link to choose a new Accord password.`
        : () =>
            'Someone asked to reset the password of your Accord account. To choose a new password, open this link:',
    button: 'Choose a new password',
    copyHint: 'If the button does not work, copy this address into your browser:',
    validity: (hours) => `This link works once and stays valid for ${hours} hours.`,
    ignore:
      'If you did not ask for this link, ignore this message: your current password still works.',
    signature: '— Accord',
  },
};

const plain = (value: string) => value;

/** The password-reset message, plain text and HTML, in the recipient's partnership language. */
export function passwordResetMail(
  input: ResetMailInput,
): Pick<MailMessage, 'subject' | 'text' | 'html'> {
  const w = wording[input.language];
  const lead = w.lead(input);
  const text = [
    w.greeting(input.name, plain),
    lead(plain),
    input.url,
    `${w.validity(input.validHours)} ${w.ignore}`,
    w.signature,
  ].join('\n\n');
  const url = escapeHtml(input.url);
  const html = `<!doctype html>
<html lang="${input.language}">
<head><meta charset="utf-8"><title>${escapeHtml(w.subject)}</title></head>
<body style="font-family: system-ui, sans-serif; font-size: 16px; line-height: 1.5; color: #1f2937;">
<p>${w.greeting(input.name, escapeHtml)}</p>
<p>${lead(escapeHtml)}</p>
<p><a href="${url}" style="display: inline-block; padding: 10px 18px; background: #1d4ed8; color: #ffffff; border-radius: 6px; text-decoration: none;">${escapeHtml(w.button)}</a></p>
<p style="font-size: 14px; color: #4b5563;">${escapeHtml(w.copyHint)}<br><a href="${url}">${url}</a></p>
<p>${escapeHtml(w.validity(input.validHours))} ${escapeHtml(w.ignore)}</p>
<p>${escapeHtml(w.signature)}</p>
</body>
</html>
`;
  return { subject: w.subject, text, html };
}
