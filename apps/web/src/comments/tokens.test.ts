import { describe, expect, it } from 'vitest';
import { tokenizeBody } from './tokens.ts';

describe('tokenizeBody', () => {
  it('finds mentions, the longest label first, and web links without their final punctuation', () => {
    expect(
      tokenizeBody('Merci @Ville de Lyon et @Ville, voir https://exemple.fr/plan?v=2.', [
        'Ville',
        'Ville de Lyon',
      ]),
    ).toEqual([
      { kind: 'text', text: 'Merci ' },
      { kind: 'mention', text: '@Ville de Lyon' },
      { kind: 'text', text: ' et ' },
      { kind: 'mention', text: '@Ville' },
      { kind: 'text', text: ', voir ' },
      { kind: 'link', text: 'https://exemple.fr/plan?v=2', href: 'https://exemple.fr/plan?v=2' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps markup and other schemes as text', () => {
    const body = '<img src=x onerror=alert(1)> javascript:alert(1) <a href="https://x.fr">';
    const tokens = tokenizeBody(body, []);
    expect(tokens.filter((t) => t.kind === 'link')).toEqual([
      { kind: 'link', text: 'https://x.fr', href: 'https://x.fr' },
    ]);
    expect(tokens.map((t) => t.text).join('')).toBe(body);
  });

  it('leaves an @ that names nobody mentioned as text', () => {
    expect(tokenizeBody('écrire à @Inconnu', ['Ville'])).toEqual([
      { kind: 'text', text: 'écrire à @Inconnu' },
    ]);
  });
});
