/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) for the values a canonical tree holds: objects,
 * arrays, strings, finite numbers, booleans and null. Object keys are sorted by their UTF-16 code
 * units (JavaScript's default string order, as the RFC specifies); strings and numbers are written
 * as ECMAScript's `JSON.stringify` writes them, which is what the RFC prescribes (its section 3.2.2
 * defers to ECMA-262). No whitespace. `undefined` members are left out, as JSON does.
 *
 * Written here rather than taken from a package: it is twenty lines, and a dependency would be
 * one more thing whose output a signature depends on.
 */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue | undefined };

export function canonicalizeJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('JCS cannot encode a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalizeJson).join(',')}]`;
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalizeJson(value[key] as JsonValue)}`).join(',')}}`;
}
