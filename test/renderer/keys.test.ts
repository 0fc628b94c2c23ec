import { describe, expect, it } from 'vitest';
import { keyed } from '../../src-renderer/ui/keys.js';

describe('keyed', () => {
  it('keys items by their content, numbering repeats', () => {
    const rows = keyed(
      [
        ['set-cookie', 'a'],
        ['x', '1'],
        ['set-cookie', 'a'],
        ['set-cookie', 'a'],
      ] as const,
      ([name, value]) => `${name}: ${value}`,
    );
    expect(rows.map((r) => r.key)).toEqual(['set-cookie: a', 'x: 1', 'set-cookie: a#2', 'set-cookie: a#3']);
    expect(rows[1]!.item).toEqual(['x', '1']);
  });

  it('keeps an item’s key when items before it of another content go away', () => {
    const before = keyed(['a', 'b', 'c'], (s) => s).map((r) => r.key);
    const after = keyed(['b', 'c'], (s) => s).map((r) => r.key);
    expect(after).toEqual(before.slice(1));
  });
});
