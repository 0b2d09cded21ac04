import type { fr } from './catalogs/fr.ts';

type PluralCategory = Intl.LDMLPluralRule;

/** Every leaf of the French catalog as a [dot path, literal message] pair. */
type Entries<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? [`${Prefix}${K}`, T[K]]
    : Entries<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

type Entry = Entries<typeof fr>;

/** `documents.count_one` and `documents.count_other` are both the message `documents.count`. */
type WithoutPluralSuffix<K> = K extends `${infer Base}_${PluralCategory}` ? Base : K;

/** A message name, as passed to `t()`: a dot path, plural variants folded into one key. */
export type MessageKey = WithoutPluralSuffix<Entry[0]>;

/** The French text(s) of a message: one string, or the union of its plural variants. */
type MessageText<K extends MessageKey> = Extract<Entry, [K | `${K}_${PluralCategory}`, string]>[1];

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The parameters a message needs, read from its `{placeholders}`; `count` must be a number. */
export type MessageParams<K extends MessageKey> = {
  [Name in Placeholders<MessageText<K>>]: Name extends 'count' ? number : string | number;
};

/** No second argument for a message without placeholders; a required one otherwise. */
export type MessageArgs<K extends MessageKey> = [Placeholders<MessageText<K>>] extends [never]
  ? []
  : [params: MessageParams<K>];

export type Translator = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;
