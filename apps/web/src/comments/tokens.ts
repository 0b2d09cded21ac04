/**
 * A comment body split into what the page shows: plain text, mentions and links. Bodies are plain
 * text; the page renders each token as a React text node (never as HTML), so markup in a body
 * shows as the characters it is made of.
 */
export type BodyToken =
  | { kind: 'text'; text: string }
  | { kind: 'mention'; text: string }
  | { kind: 'link'; text: string; href: string };

/** Web addresses only: other schemes (javascript:, data:) stay text. */
const linkPattern = /\bhttps?:\/\/[^\s<>"'«»]+/giu;
/** Punctuation that ends a sentence rather than the address. */
const trailing = /[.,;:!?)\]}’]+$/u;

/**
 * Splits `body`; `mentionLabels` are the labels of what the comment mentions, written `@label`
 * in the body (the longest first, so "@Ville de Lyon" wins over "@Ville").
 */
export function tokenizeBody(body: string, mentionLabels: readonly string[]): BodyToken[] {
  const labels = [...new Set(mentionLabels)]
    .filter((l) => l !== '')
    .sort((a, b) => b.length - a.length);
  const tokens: BodyToken[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') tokens.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < body.length) {
    if (body[i] === '@') {
      const label = labels.find((l) => body.startsWith(l, i + 1));
      if (label !== undefined) {
        flush();
        tokens.push({ kind: 'mention', text: `@${label}` });
        i += label.length + 1;
        continue;
      }
    }
    linkPattern.lastIndex = i;
    const link = body[i] === 'h' || body[i] === 'H' ? linkPattern.exec(body) : null;
    if (link !== null && link.index === i) {
      const href = link[0].replace(trailing, '');
      flush();
      tokens.push({ kind: 'link', text: href, href });
      i += href.length;
      continue;
    }
    text += body[i];
    i++;
  }
  flush();
  return tokens;
}
