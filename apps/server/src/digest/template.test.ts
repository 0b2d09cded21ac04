import { describe, expect, it } from 'vitest';
import type { DigestItem, DigestSection } from './collect.ts';
import { DIGEST_MAX_ITEMS, digestMail } from './template.ts';

const item = (overrides: Partial<DigestItem> = {}): DigestItem => ({
  reason: 'mentioned-you',
  documentId: 'doc1',
  documentTitle: 'Convention <cadre>',
  threadId: 'th1',
  quote: '40 personnes',
  authorName: 'Karim & Co',
  organisationName: null,
  body: '<script>alert(1)</script> Pouvez-vous relire ?',
  at: 1,
  ...overrides,
});
const section = (items: DigestItem[], language: 'fr' | 'en' = 'fr'): DigestSection => ({
  partnership: { id: 'p1', name: 'Pacte "emploi"', language },
  items,
});

describe('digest mail', () => {
  it('escapes everything people wrote in the HTML, and keeps the plain text as written', () => {
    const mail = digestMail({
      language: 'fr',
      name: 'Sophie <b>',
      sections: [section([item()])],
      publicUrl: 'https://accord.example',
    });
    expect(mail.subject).toBe('Accord\u00a0: 1 nouveauté pour vous');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Karim &amp; Co vous mentionne');
    expect(mail.html).toContain('Pacte &quot;emploi&quot;');
    expect(mail.text).toContain('Bonjour Sophie <b>,');
    expect(mail.text).toContain('<script>alert(1)</script> Pouvez-vous relire ?');
    expect(mail.text).toContain('https://accord.example/d/doc1#thread=th1');
    expect(mail.text).toContain('https://accord.example/p/p1/inbox');
    expect(mail.html).toContain('href="https://accord.example/d/doc1#thread=th1"');
  });

  it('speaks English for an English partnership, and names each reason', () => {
    const mail = digestMail({
      language: 'en',
      name: null,
      sections: [
        section(
          [
            item(),
            item({ reason: 'mentioned-organisation', organisationName: 'Tremplin' }),
            item({ reason: 'replied', authorName: null }),
          ],
          'en',
        ),
      ],
      publicUrl: 'https://accord.example',
    });
    expect(mail.subject).toBe('Accord: 3 new items for you');
    expect(mail.text).toContain('Hello,');
    expect(mail.text).toContain('Karim & Co mentioned you');
    expect(mail.text).toContain('Karim & Co mentioned Tremplin');
    expect(mail.text).toContain('Someone replied in a thread you take part in');
  });

  it('lists at most a page of items and says how many more wait in the inbox', () => {
    const many = Array.from({ length: DIGEST_MAX_ITEMS + 3 }, (_, i) =>
      item({ threadId: `t${i}` }),
    );
    const mail = digestMail({
      language: 'fr',
      name: null,
      sections: [section(many)],
      publicUrl: 'https://accord.example',
    });
    expect(mail.subject).toContain(`${DIGEST_MAX_ITEMS + 3} nouveautés`);
    expect(mail.text).toContain('… et 3\u00a0autres dans votre boîte de réception.');
    expect(mail.text).not.toContain(`#thread=t${DIGEST_MAX_ITEMS}\n`);
  });
});
