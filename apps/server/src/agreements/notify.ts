import type { DocumentRecord, Language } from '@accord/domain';
import type { Store } from '@accord/store';
import type { Mailer, MailMessage } from '../mail/mailer.ts';
import { escapeHtml } from '../mail/templates.ts';

interface SigningMailInput {
  language: Language;
  name: string | null;
  organisation: string;
  title: string;
  shortFingerprint: string;
  url: string;
}

const wording: Record<
  Language,
  {
    subject: (title: string) => string;
    greeting: (name: string | null) => string;
    lead: (input: SigningMailInput) => string;
    fingerprint: (short: string) => string;
    button: string;
    signature: string;
  }
> = {
  fr: {
    subject: (title) => `Accord\u00a0: «\u202f${title}\u202f» attend votre signature`,
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    lead: ({ title, organisation }) =>
      `La convention «\u202f${title}\u202f» est verrouillée pour la signature. En tant que signataire de ${organisation}, vous pouvez l’approuver ou la refuser au nom de votre organisation.`,
    fingerprint: (short) => `Empreinte du texte à signer\u00a0: ${short}`,
    button: 'Lire et décider',
    signature: '— Accord',
  },
  en: {
    subject: (title) => `Accord: “${title}” awaits your signature`,
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    lead: ({ title, organisation }) =>
      `The agreement “${title}” is locked for signing. As a signatory of ${organisation}, you may approve or decline it on behalf of your organisation.`,
    fingerprint: (short) => `Fingerprint of the text to sign: ${short}`,
    button: 'Read and decide',
    signature: '— Accord',
  },
};

/** The signing invitation, plain text plus simple HTML; every name is escaped in the HTML. */
export function signingMail(
  to: { name: string | null; address: string },
  input: SigningMailInput,
): MailMessage {
  const w = wording[input.language] ?? wording.fr;
  const text = [
    w.greeting(input.name),
    '',
    w.lead(input),
    w.fingerprint(input.shortFingerprint),
    '',
    `${w.button}\u00a0: ${input.url}`,
    '',
    w.signature,
  ].join('\n');
  const safe = {
    ...input,
    title: escapeHtml(input.title),
    organisation: escapeHtml(input.organisation),
  };
  const html = [
    `<p>${escapeHtml(w.greeting(input.name))}</p>`,
    `<p>${w.lead(safe)}</p>`,
    `<p>${escapeHtml(w.fingerprint(input.shortFingerprint))}</p>`,
    `<p><a href="${escapeHtml(input.url)}">${escapeHtml(w.button)}</a></p>`,
    `<p>${escapeHtml(w.signature)}</p>`,
  ].join('\n');
  return { to, subject: w.subject(input.title), text, html };
}

/**
 * Tells the signatories of every party organisation that an agreement awaits their decision, by
 * mail when Accord has mail (the in-app notice is the document's signing panel). One failed
 * send is logged and never stops the others.
 */
export async function notifySignatories(deps: {
  store: Store;
  mailer: Mailer;
  publicUrl: string | null;
  document: DocumentRecord;
  parties: readonly string[];
  shortFingerprint: string;
}): Promise<number> {
  const { store, mailer, publicUrl, document, parties } = deps;
  if (!mailer.enabled || publicUrl === null) return 0;
  const [partnership, members, participations] = await Promise.all([
    store.getPartnership(document.partnershipId),
    store.listMembers(document.partnershipId),
    store.listParticipations(document.partnershipId),
  ]);
  const url = `${publicUrl.replace(/\/$/, '')}/d/${encodeURIComponent(document.id)}`;
  let sent = 0;
  for (const member of members) {
    const { person } = member;
    if (!member.signatory || !person.email || !parties.includes(person.organisationId)) continue;
    const organisation =
      participations.find((p) => p.organisationId === person.organisationId)?.organisation.name ??
      '';
    try {
      await mailer.send(
        signingMail(
          { name: person.name, address: person.email },
          {
            language: partnership?.language ?? document.language,
            name: person.name,
            organisation,
            title: document.title,
            shortFingerprint: deps.shortFingerprint,
            url,
          },
        ),
      );
      sent++;
    } catch (error) {
      console.error(`[signing-mail] could not mail person ${person.id}`, error);
    }
  }
  return sent;
}
