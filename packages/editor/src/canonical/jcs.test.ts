import { describe, expect, it } from 'vitest';
import { canonicalizeJson } from './jcs.ts';

describe('canonicalizeJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units at every level and drops whitespace', () => {
    // The sorting example of RFC 8785 section 3.2.3.
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Read the keys in written order (Object.keys would put the integer-like "1" first).
    const written = canonicalizeJson(value);
    const keys = [...written.matchAll(/"([^"]*)":/g)].map((m) => JSON.parse(`"${m[1]}"`));
    expect(keys).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
    expect(canonicalizeJson({ b: [1, { d: true, c: null }], a: 'x' })).toBe(
      '{"a":"x","b":[1,{"c":null,"d":true}]}',
    );
  });

  it('writes numbers and strings as ECMAScript does', () => {
    // From RFC 8785 section 3.2.2 and appendix B.
    expect(canonicalizeJson([1e21, 1e-7, 0.000001, -0, 4.5, 333333333.3333333])).toBe(
      '[1e+21,1e-7,0.000001,0,4.5,333333333.3333333]',
    );
    expect(canonicalizeJson('€$\u000f\nA\'B"\\\\"/')).toBe('"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"');
    expect(() => canonicalizeJson(Number.NaN)).toThrow();
  });
});
