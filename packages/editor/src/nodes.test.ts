import { describe, expect, it } from 'vitest';
import { accordNodes, accordTheme, createAccordHeadlessEditor } from './index.ts';

function classNames(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(classNames);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(classNames);
  return [];
}

describe('accordNodes', () => {
  it('lists each node class and type name once', () => {
    expect(new Set(accordNodes).size).toBe(accordNodes.length);
    const typeNames = accordNodes.map((klass) => klass.getType());
    expect(new Set(typeNames).size).toBe(typeNames.length);
  });

  it('covers the rich-text, list, link and table nodes', () => {
    expect(accordNodes.map((klass) => klass.getType()).sort()).toEqual(
      [
        'autolink',
        'heading',
        'link',
        'list',
        'listitem',
        'quote',
        'table',
        'tablecell',
        'tablerow',
        'action',
        'action-title',
        'action-description',
        'action-commitment',
      ].sort(),
    );
  });

  it('registers in a headless editor without a DOM', () => {
    const editor = createAccordHeadlessEditor();
    for (const klass of accordNodes) expect(editor.hasNode(klass)).toBe(true);
  });
});

describe('accordTheme', () => {
  it('uses unique accord- prefixed class names only', () => {
    const names = classNames(accordTheme);
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) expect(name).toMatch(/^accord-[a-z0-9-]+$/);
    expect(new Set(names).size).toBe(names.length);
  });
});
