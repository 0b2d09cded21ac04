export type { Catalog } from './catalogs/fr.ts';
export { catalogs, detectLocale, isLocale, type Locale, locales } from './locale.ts';
export { createTranslator } from './translator.ts';
export type { MessageArgs, MessageKey, MessageParams, Translator } from './types.ts';
