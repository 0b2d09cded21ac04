import { describe, expect, it } from 'vitest';
import { ID_PATTERN, newId } from './ids.ts';

describe('newId', () => {
  it('makes distinct URL-safe ids that match the wire pattern', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
    expect([...ids][0]).toHaveLength(16);
  });
});
