import type { Language } from '@accord/domain';
import type { MailMessage } from '../mail/mailer.ts';
import { escapeHtml } from '../mail/templates.ts';
import type { DigestItem, DigestReason, DigestSection } from './collect.ts';

/** Characters of a comment quoted in a digest; the link leads to the rest. */
export const DIGEST_EXCERPT_CHARS = 280;
/** Items listed in one digest; beyond it the mail says how many more wait in the inbox. */
export const DIGEST_MAX_ITEMS = 50;

export interface DigestMailInput {
  language: Language;
  name: string | null;
  sections: DigestSection[];
  /** Base of links (ACCORD_PUBLIC_URL), without a trailing slash. */
  publicUrl: string;
}

interface Wording {
  subject: (count: number) => string;
  greeting: (name: string | null) => string;
  lead: string;
  partnership: (name: string) => string;
  reason: (reason: DigestReason, author: string, organisation: string | null) => string;
  onPassage: (quote: string, document: string) => string;
  quoted: (text: string) => string;
  open: string;
  more: (count: number) => string;
  inbox: string;
  why: string;
  someone: string;
  signature: string;
}

// French first: the partnership's language picks the wording.
const wording: Record<Language, Wording> = {
  fr: {
    subject: (n) =>
      n === 1 ? 'Accord\u00a0: 1 nouveauté pour vous' : `Accord\u00a0: ${n} nouveautés pour vous`,
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    lead: 'Voici ce qui vous concerne dans les commentaires depuis votre dernier récapitulatif.',
    partnership: (name) => `Partenariat «\u202f${name}\u202f»`,
    reason: (reason, author, organisation) =>
      reason === 'mentioned-you'
        ? `${author} vous mentionne`
        : reason === 'mentioned-organisation'
          ? `${author} mentionne ${organisation ?? 'votre organisation'}`
          : `${author} a répondu dans une discussion à laquelle vous participez`,
    onPassage: (quote, document) => `sur «\u202f${quote}\u202f» dans «\u202f${document}\u202f»`,
    quoted: (text) => `«\u202f${text}\u202f»`,
    open: 'Ouvrir la discussion',
    more: (n) => `… et ${n}\u00a0autre${n > 1 ? 's' : ''} dans votre boîte de réception.`,
    inbox: 'Tout voir dans votre boîte de réception Accord',
    why: 'Vous recevez ce récapitulatif parce que l’on vous a mentionné, vous ou votre organisation, ou que l’on a répondu dans une discussion à laquelle vous participez.',
    someone: 'Quelqu’un',
    signature: '— Accord',
  },
  en: {
    subject: (n) => (n === 1 ? 'Accord: 1 new item for you' : `Accord: ${n} new items for you`),
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    lead: 'Here is what concerns you in comments since your last digest.',
    partnership: (name) => `Partnership “${name}”`,
    reason: (reason, author, organisation) =>
      reason === 'mentioned-you'
        ? `${author} mentioned you`
        : reason === 'mentioned-organisation'
          ? `${author} mentioned ${organisation ?? 'your organisation'}`
          : `${author} replied in a thread you take part in`,
    onPassage: (quote, document) => `on “${quote}” in “${document}”`,
    quoted: (text) => `“${text}”`,
    open: 'Open the thread',
    more: (n) => `… and ${n} more in your inbox.`,
    inbox: 'See everything in your Accord inbox',
    why: 'You get this digest because you or your organisation were mentioned, or someone replied in a thread you take part in.',
    someone: 'Someone',
    signature: '— Accord',
  },
};

/** The link the document page honours to open one thread (see docs/ARCHITECTURE.md). */
export const threadUrl = (publicUrl: string, documentId: string, threadId: string) =>
  `${publicUrl}/d/${encodeURIComponent(documentId)}#thread=${encodeURIComponent(threadId)}`;

export const inboxUrl = (publicUrl: string, partnershipId: string) =>
  `${publicUrl}/p/${encodeURIComponent(partnershipId)}/inbox`;

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * A digest: plain text, and simple HTML where every value that came from people (names, titles,
 * quotes, comment bodies) is escaped — a comment that looks like markup arrives as text.
 */
export function digestMail(input: DigestMailInput): Pick<MailMessage, 'subject' | 'text' | 'html'> {
  const w = wording[input.language];
  const total = input.sections.reduce((sum, s) => sum + s.items.length, 0);
  let budget = DIGEST_MAX_ITEMS;
  const shown = input.sections.map((section) => {
    const items = section.items.slice(0, Math.max(0, budget));
    budget -= items.length;
    return { ...section, items, hidden: section.items.length - items.length };
  });
  const line = (item: DigestItem) =>
    `${w.reason(item.reason, item.authorName ?? w.someone, item.organisationName)} ${w.onPassage(
      excerpt(item.quote, 80),
      item.documentTitle,
    )}`;

  const text = [
    w.greeting(input.name),
    w.lead,
    ...shown.map((section) =>
      [
        w.partnership(section.partnership.name),
        ...section.items.map(
          (item) =>
            `- ${line(item)}\n  ${w.quoted(excerpt(item.body, DIGEST_EXCERPT_CHARS))}\n  ${w.open}: ${threadUrl(input.publicUrl, item.documentId, item.threadId)}`,
        ),
        ...(section.hidden > 0 ? [w.more(section.hidden)] : []),
        `${w.inbox}: ${inboxUrl(input.publicUrl, section.partnership.id)}`,
      ].join('\n'),
    ),
    w.why,
    w.signature,
  ].join('\n\n');

  const link = (url: string, label: string) =>
    `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  const html = `<!doctype html>
<html lang="${input.language}">
<head><meta charset="utf-8"><title>${escapeHtml(w.subject(total))}</title></head>
<body style="font-family: system-ui, sans-serif; font-size: 16px; line-height: 1.5; color: #1f2937;">
<p>${escapeHtml(w.greeting(input.name))}</p>
<p>${escapeHtml(w.lead)}</p>
${shown
  .map(
    (
      section,
    ) => `<h2 style="font-size: 18px;">${escapeHtml(w.partnership(section.partnership.name))}</h2>
<ul>
${section.items
  .map(
    (item) => `<li style="margin-bottom: 12px;">${escapeHtml(line(item))}<br>
<span style="color: #4b5563;">${escapeHtml(w.quoted(excerpt(item.body, DIGEST_EXCERPT_CHARS)))}</span><br>
${link(threadUrl(input.publicUrl, item.documentId, item.threadId), w.open)}</li>`,
  )
  .join('\n')}
</ul>
${section.hidden > 0 ? `<p>${escapeHtml(w.more(section.hidden))}</p>` : ''}
<p>${link(inboxUrl(input.publicUrl, section.partnership.id), w.inbox)}</p>`,
  )
  .join('\n')}
<p style="font-size: 14px; color: #4b5563;">${escapeHtml(w.why)}</p>
<p>${escapeHtml(w.signature)}</p>
</body>
</html>
`;
  return { subject: w.subject(total), text, html };
}
