import { describe, expect, it } from 'vitest';
import { threadLink } from '../inbox/filters.ts';
import { linkedThreadId } from './linkedThread.ts';

describe('linkedThreadId', () => {
  it('reads back the thread of the links the inbox writes', () => {
    const link = threadLink('doc 1', 'th/2');
    expect(linkedThreadId(link.slice(link.indexOf('#')))).toBe('th/2');
  });

  it('names no thread for another fragment, an empty one or a broken escape', () => {
    expect(linkedThreadId('')).toBeNull();
    expect(linkedThreadId('#main-content')).toBeNull();
    expect(linkedThreadId('#thread=')).toBeNull();
    expect(linkedThreadId('#thread=%E0%A4%A')).toBeNull();
  });
});
