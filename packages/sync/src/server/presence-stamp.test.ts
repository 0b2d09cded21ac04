import { describe, expect, it } from 'vitest';
import { PresenceStamp } from './presence-stamp.ts';

const identity = { name: 'Karim (Ville)', color: '#0055aa', awarenessData: { personId: 'p1' } };

describe('PresenceStamp', () => {
  it('writes the identity over what the client claims, and keeps the rest', () => {
    const stamp = new PresenceStamp(identity);
    const state = { name: 'Mallory', focusing: true, anchorPos: { item: 3 } };
    const sent = stamp.wrap(stamp.strip(state));
    expect(JSON.parse(sent)).toEqual({
      focusing: true,
      anchorPos: { item: 3 },
      ...identity,
    });
    // No key twice: the forged name is gone from the text, not only shadowed.
    expect(sent.match(/"name"/g)).toHaveLength(1);
  });

  it('strips to the client’s own part and wraps it back', () => {
    const stamp = new PresenceStamp(identity);
    const stripped = stamp.strip({ color: 'red', focusing: false });
    expect(stripped).toBe('{"focusing":false}');
    expect(JSON.parse(stamp.wrap(stripped))).toEqual({ focusing: false, ...identity });
    expect(JSON.parse(stamp.wrap(stamp.strip({ name: 'only the stamp' })))).toEqual(identity);
  });

  it('gives equal stamps equal text', () => {
    expect(new PresenceStamp(identity).json).toBe(new PresenceStamp({ ...identity }).json);
    expect(new PresenceStamp(identity).json).not.toBe(new PresenceStamp({ name: 'x' }).json);
  });
});
