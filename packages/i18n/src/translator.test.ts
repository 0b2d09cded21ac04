import { describe, expect, expectTypeOf, it } from 'vitest';
import { createTranslator, detectLocale, isLocale, type MessageKey } from './index.ts';

const NBSP = '\u00a0';

describe('createTranslator', () => {
  const tFr = createTranslator('fr');
  const tEn = createTranslator('en');

  it('returns the message for a dot-path key', () => {
    expect(tFr('save.saved')).toBe('Enregistré');
    expect(tEn('save.saved')).toBe('Saved');
    expect(tFr('app.tagline')).toBe('L’espace de travail partagé des partenariats');
  });

  it('interpolates {placeholders}', () => {
    expect(tFr('identity.continueAs', { name: 'Awa Diallo' })).toBe(
      'Continuer en tant que Awa Diallo',
    );
    expect(
      tEn('connection.refusedEdit', { reason: tEn('connection.refusedReasons.readOnly') }),
    ).toBe('Your change could not be saved: you have read-only access.');
  });

  it('picks the plural variant with Intl.PluralRules', () => {
    expect(tFr('presence.count', { count: 1 })).toBe(`1${NBSP}personne`);
    // French treats 0 as singular, English does not.
    expect(tFr('presence.count', { count: 0 })).toBe(`0${NBSP}personne`);
    expect(tEn('presence.count', { count: 0 })).toBe('0 people');
    expect(tFr('presence.count', { count: 3 })).toBe(`3${NBSP}personnes`);
    expect(tEn('presence.count', { count: 1 })).toBe('1 person');
  });

  it('formats numbers for the locale and falls back to _other for other categories', () => {
    // 1 000 000 is the `many` category in French, which the catalog does not spell out.
    expect(tFr('documents.count', { count: 1_000_000 })).toMatch(/^1\s000\s000\sdocuments$/);
    expect(tEn('documents.count', { count: 1500 })).toBe('1,500 documents');
  });

  it('leaves a missing parameter visible instead of printing undefined', () => {
    // @ts-expect-error the types require `name`; this is what happens if a caller bypasses them.
    expect(tEn('presence.self', {})).toBe('{name} (you)');
  });

  it('returns an unknown key unchanged', () => {
    // Only reachable from untyped code (a key read from data, a plain JS caller).
    const untyped = tEn as unknown as (key: string) => string;
    expect(untyped('nowhere.toBeFound')).toBe('nowhere.toBeFound');
  });

  it('types keys and parameters', () => {
    expectTypeOf<'save.saved'>().toExtend<MessageKey>();
    expectTypeOf<'presence.count'>().toExtend<MessageKey>();
    expectTypeOf<'presence.count_one'>().not.toExtend<MessageKey>();
    expectTypeOf<'save'>().not.toExtend<MessageKey>();
    // @ts-expect-error a plural message needs its count
    tFr('presence.count');
    // @ts-expect-error count must be a number, so plurals can be chosen
    tFr('presence.count', { count: '3' });
    // @ts-expect-error a message without placeholders takes no parameters
    tFr('save.saved', { name: 'x' });
  });
});

describe('detectLocale', () => {
  it('chooses the first supported preference', () => {
    expect(detectLocale(['en-GB', 'fr-FR'])).toBe('en');
    expect(detectLocale(['de-DE', 'en-US', 'fr'])).toBe('en');
    expect(detectLocale(['fr-CA', 'en'])).toBe('fr');
    expect(detectLocale(['EN'])).toBe('en');
  });

  it('defaults to French', () => {
    expect(detectLocale([])).toBe('fr');
    expect(detectLocale(['de', 'es-ES'])).toBe('fr');
  });

  it('recognises locale codes', () => {
    expect(isLocale('fr')).toBe(true);
    expect(isLocale('fr-FR')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
