/**
 * Finds a quoted passage again in the body's text after its anchor lost track of it. Block
 * separators ('\n') are ignored on both sides, so a paragraph split or merged inside or around
 * the passage still matches. Several occurrences are told apart by how much of the saved context
 * (`prefix` before, `suffix` after) still surrounds each, then by nearness to `near` (where the
 * anchor's positions last pointed, when they still point somewhere).
 */
export interface QuoteContext {
  quote: string;
  prefix: string;
  suffix: string;
}

/** At most this many occurrences are compared: a quote repeated more is hopelessly ambiguous. */
const maxCandidates = 1_000;

export function findQuote(
  text: string,
  context: QuoteContext,
  near?: number | null,
): { from: number; to: number } | null {
  const { stripped, offsets } = stripBreaks(text);
  const quote = context.quote.replaceAll('\n', '');
  if (quote.length === 0) return null;
  const prefix = context.prefix.replaceAll('\n', '');
  const suffix = context.suffix.replaceAll('\n', '');

  let best: { from: number; to: number; score: number; distance: number } | null = null;
  let at = stripped.indexOf(quote);
  for (let n = 0; at >= 0 && n < maxCandidates; n++) {
    const end = at + quote.length;
    const score =
      commonSuffix(prefix, stripped.slice(Math.max(0, at - prefix.length), at)) +
      commonPrefix(suffix, stripped.slice(end, end + suffix.length));
    const from = offsets[at]!;
    const to = offsets[end - 1]! + 1;
    const distance = near == null ? 0 : Math.abs(from - near);
    if (best === null || score > best.score || (score === best.score && distance < best.distance)) {
      best = { from, to, score, distance };
    }
    at = stripped.indexOf(quote, at + 1);
  }
  return best === null ? null : { from: best.from, to: best.to };
}

/** The text without '\n', and for each of its characters the offset in the original. */
function stripBreaks(text: string): { stripped: string; offsets: number[] } {
  const offsets: number[] = [];
  let stripped = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') continue;
    offsets.push(i);
    stripped += text[i];
  }
  return { stripped, offsets };
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
