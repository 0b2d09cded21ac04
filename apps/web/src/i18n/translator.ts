import {
  type MessageKey as CatalogKey,
  createTranslator,
  type Locale,
  type MessageArgs,
} from '@accord/i18n';
import { type PendingMessages, pendingEn, pendingFr } from './pending-keys.ts';

/** Dot paths to every string leaf of a catalog: `'save.closed'`, `'editor.label'`, … */
type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafPaths<T[K]>}`;
}[keyof T & string];

export type PendingKey = LeafPaths<PendingMessages>;
export type { CatalogKey };

type Params = Readonly<Record<string, string | number>>;

/**
 * `@accord/i18n`'s translator (keys and parameters type-checked), extended with the web app's
 * pending keys until they move into the package.
 */
export interface Translate {
  <K extends CatalogKey>(key: K, ...args: MessageArgs<K>): string;
  (key: PendingKey, params?: Params): string;
}

const pendingCatalogs: Record<Locale, PendingMessages> = { fr: pendingFr, en: pendingEn };

function flatten(tree: object, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') into.set(prefix + key, value);
    else flatten(value, `${prefix}${key}.`, into);
  }
  return into;
}

export function createWebTranslator(locale: Locale): Translate {
  // Loosely typed inside, like the package's own translator; `Translate` checks the callers.
  const catalog = createTranslator(locale) as unknown as (key: string, params?: Params) => string;
  const pending = flatten(pendingCatalogs[locale]);
  const numbers = new Intl.NumberFormat(locale);

  function translate(key: string, params: Params = {}): string {
    const template = pending.get(key);
    if (template === undefined) return catalog(key, params);
    return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = params[name];
      if (value === undefined) return placeholder;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  }
  return translate as Translate;
}

/** Each language's name in that language, for the language switch. */
export const languageNames: Record<Locale, string> = {
  fr: createTranslator('fr')('app.languageName'),
  en: createTranslator('en')('app.languageName'),
};
