/** The upper end of a prefix's range among PostgreSQL's key values (code point order, COLLATE "C"). */
import { describe, expect, it } from 'vitest';
import { successor } from '../../src-main/store/postgres/key-lookup.js';

const codePointOrder = (a: string, b: string) => {
  const [x, y] = [[...a].map((c) => c.codePointAt(0)!), [...b].map((c) => c.codePointAt(0)!)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
};

describe('successor', () => {
  it('is after every text the prefix starts and before every other text after the prefix', () => {
    for (const prefix of ['INV2026', 'pid-7CMJS1', 'caf\u00e9', 'x\ud7ff', 'a\uffff', 'z\u{1f600}', 'q\u{10ffff}']) {
      const end = successor(prefix)!;
      for (const tail of ['', '0', 'zzz', '\uffff', '\u{10ffff}\u{10ffff}']) expect(codePointOrder(prefix + tail, end), prefix + tail).toBeLessThan(0);
      expect(codePointOrder(end, prefix)).toBeGreaterThan(0);
      expect(end.startsWith(prefix)).toBe(false);
    }
    // Past the last code point the one before moves on; surrogates are skipped.
    expect(successor('q\u{10ffff}')).toBe('r');
    expect(successor('x\ud7ff')).toBe('x\ue000');
    expect(successor('\u{10ffff}')).toBeNull();
  });
});
