import {
  type MessageKey as CatalogKey,
  createTranslator,
  type Locale,
  type Translator,
} from '@accord/i18n';

export type { CatalogKey };

/** `@accord/i18n`'s translator: keys and parameters type-checked against the catalogs. */
export type Translate = Translator;

export function createWebTranslator(locale: Locale): Translate {
  return createTranslator(locale);
}

/** Each language's name in that language, for the language switch. */
export const languageNames: Record<Locale, string> = {
  fr: createTranslator('fr')('app.languageName'),
  en: createTranslator('en')('app.languageName'),
};
