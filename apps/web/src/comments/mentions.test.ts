import { describe, expect, it } from 'vitest';
import {
  type MentionCandidate,
  matchCandidates,
  mentionQuery,
  mentionsInBody,
} from './mentions.ts';

const ville: MentionCandidate = {
  mention: { kind: 'organisation', organisationId: 'org-ville' },
  label: 'Ville de Lyon',
  description: 'Ville de Lyon (toute l’organisation)',
  organisationId: 'org-ville',
};
const claire: MentionCandidate = {
  mention: { kind: 'person', personId: 'p-claire' },
  label: 'Claire Éluard',
  description: 'Claire Éluard (Ville de Lyon)',
  organisationId: 'org-ville',
};

describe('mentions', () => {
  it('reads the query after an @ that starts a word, not inside an email address', () => {
    expect(mentionQuery('Merci @Vil', 10)).toEqual({ start: 6, query: 'Vil' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('claire@ville.fr', 15)).toBeNull();
    expect(mentionQuery('Merci', 5)).toBeNull();
  });

  it('matches any word of a label, ignoring case and accents', () => {
    expect(matchCandidates([ville, claire], 'lyon')).toEqual([ville]);
    expect(matchCandidates([ville, claire], 'eluard')).toEqual([claire]);
    expect(matchCandidates([ville, claire], 'de ly')).toEqual([ville]);
    expect(matchCandidates([ville, claire], '')).toEqual([ville, claire]);
  });

  it('keeps only the mentions still written in the body, once each', () => {
    expect(
      mentionsInBody('@Ville de Lyon, pouvez-vous ? @Ville de Lyon', [ville, claire, ville]),
    ).toEqual([ville.mention]);
  });
});
