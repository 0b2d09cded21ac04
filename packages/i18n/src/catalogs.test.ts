import { describe, expect, it } from 'vitest';
import { en } from './catalogs/en.ts';
import { fr } from './catalogs/fr.ts';

function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const frMessages = leaves(fr);
const enMessages = leaves(en);

describe('catalog parity', () => {
  it('has every French key in English', () => {
    expect([...frMessages.keys()].filter((key) => !enMessages.has(key))).toEqual([]);
  });

  it('has no English key missing from French', () => {
    expect([...enMessages.keys()].filter((key) => !frMessages.has(key))).toEqual([]);
  });

  it('has no empty or blank message', () => {
    for (const messages of [frMessages, enMessages]) {
      expect([...messages].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual(
        [],
      );
    }
  });

  it('uses the same placeholders in both languages', () => {
    const mismatches = [...frMessages]
      .filter(
        ([key, text]) =>
          placeholders(text).join() !== placeholders(enMessages.get(key) ?? '').join(),
      )
      .map(([key]) => key);
    expect(mismatches).toEqual([]);
  });

  it('gives every plural message an _other variant, and uses _ only for plurals', () => {
    for (const key of frMessages.keys()) {
      const last = key.split('.').at(-1) ?? '';
      const match = /^(\w+?)_(zero|one|two|few|many|other)$/.exec(last);
      if (!last.includes('_')) continue;
      expect(match, key).not.toBeNull();
      const base = key.slice(0, key.length - last.length) + match![1];
      expect(frMessages.has(`${base}_other`), key).toBe(true);
      expect(placeholders(frMessages.get(key)!), key).toContain('count');
    }
  });
});

describe('French typography', () => {
  it('never breaks a line before : ; ? ! » or after «', () => {
    const plainSpace = [...frMessages].filter(([, text]) => / [:;?!»]|« /.test(text));
    expect(plainSpace.map(([key]) => key)).toEqual([]);
  });

  it('uses the typographic apostrophe and ellipsis', () => {
    const typewriter = [...frMessages].filter(([, text]) => /'|\.\.\./.test(text));
    expect(typewriter.map(([key]) => key)).toEqual([]);
  });
});
