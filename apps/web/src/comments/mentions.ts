import type { Mention } from '../api/index.ts';

/** Someone (or a whole organisation) the composer may mention, with the label written after @. */
export interface MentionCandidate {
  mention: Mention;
  /** Written in the body after '@'. */
  label: string;
  /** Shown in the picker. */
  description: string;
  organisationId: string;
}

/** The query typed after the '@' that precedes the caret, if the caret is in one. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  // An @ starts a mention at the beginning or after a space or opening punctuation (not in an email).
  if (at > 0 && !/[\s([{«"']/u.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (query.length > 60 || query.includes('\n')) return null;
  return { start: at, query };
}

/** Candidates whose label starts a word with the query (case and accents ignored). */
export function matchCandidates(
  candidates: readonly MentionCandidate[],
  query: string,
  limit = 8,
): MentionCandidate[] {
  const q = fold(query.trim());
  return candidates
    .filter(
      (c) =>
        q === '' ||
        fold(c.label)
          .split(/\s+/u)
          .some((_, i, words) => words.slice(i).join(' ').startsWith(q)),
    )
    .slice(0, limit);
}

/** The mentions whose `@label` is still in the body (a label deleted by hand is no mention). */
export function mentionsInBody(body: string, picked: readonly MentionCandidate[]): Mention[] {
  const seen = new Set<string>();
  const mentions: Mention[] = [];
  for (const candidate of picked) {
    const key = mentionKey(candidate.mention);
    if (seen.has(key) || !body.includes(`@${candidate.label}`)) continue;
    seen.add(key);
    mentions.push(candidate.mention);
  }
  return mentions;
}

export function mentionKey(mention: Mention): string {
  return mention.kind === 'person' ? `p:${mention.personId}` : `o:${mention.organisationId}`;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
