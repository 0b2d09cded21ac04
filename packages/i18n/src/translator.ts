import { catalogs, type Locale } from './locale.ts';
import type { Translator } from './types.ts';

type Params = Readonly<Record<string, string | number>>;

function flatten(tree: object, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') into.set(prefix + key, value);
    else flatten(value, `${prefix}${key}.`, into);
  }
  return into;
}

/**
 * Returns `t(key, params)` for one locale.
 *
 * - `{name}` is replaced by `params.name`; numbers are formatted for the locale (1 000 in French).
 *   A missing parameter leaves `{name}` in the text: visible in review, never "undefined".
 * - A plural message is stored as `key_one`, `key_other`, … (Intl.PluralRules categories); `t`
 *   picks the variant for `params.count`, falling back to `key_other`. French counts 0 as `one`.
 * - An unknown key (only possible by bypassing the types) returns the key itself.
 */
export function createTranslator(locale: Locale): Translator {
  const messages = flatten(catalogs[locale]);
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);

  function t(key: string, params: Params = {}): string {
    const count = params.count;
    const category = typeof count === 'number' ? plurals.select(count) : 'other';
    const template =
      messages.get(key) ??
      messages.get(`${key}_${category}`) ??
      messages.get(`${key}_other`) ??
      key;
    return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = params[name];
      if (value === undefined) return placeholder;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  }
  // Loosely typed inside; the Translator return type is what checks keys and params for callers.
  return t;
}
