import { en } from './catalogs/en.ts';
import { type Catalog, fr } from './catalogs/fr.ts';

/** Supported locales, French first: it is the product's primary language and the fallback. */
export const locales = ['fr', 'en'] as const;

export type Locale = (typeof locales)[number];

export const catalogs: Readonly<Record<Locale, Catalog>> = { fr, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * Picks the locale from the user's ordered preferences (`navigator.languages`, or the parsed
 * `Accept-Language` header): the first one we support wins, by its primary subtag (`en-GB` → `en`).
 * French when none is supported, since French is the product's language of reference.
 */
export function detectLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const primary = language.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(primary)) return primary;
  }
  return 'fr';
}
