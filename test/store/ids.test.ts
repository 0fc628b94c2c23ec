/** newId: the ids every delivery, job and attempt gets (format, time, order within and across milliseconds). */
import { describe, expect, it } from 'vitest';
import { idTime, newId } from '../../src-main/store/ids.js';

const randomPart = (id: string) => id.slice(id.indexOf('_') + 11);

describe('newId', () => {
  it('is the prefix, 10 characters of time and 16 of randomness, in Crockford base32; its time reads back', () => {
    for (const at of [0, 1, 1_700_000_000_000, 2 ** 48 - 1]) {
      const id = newId('dlv', at);
      expect(id).toMatch(/^dlv_[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(idTime(id)).toBe(at);
    }
  });

  it('sorts in creation order within one millisecond, through carries across the random bytes', () => {
    const at = 1_800_000_000_000;
    // 70,000 ids: the last random byte wraps about 270 times, and the one before it carries each time.
    const ids = Array.from({ length: 70_000 }, () => newId('rja', at));
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(ids.every((id) => idTime(id) === at)).toBe(true);
  });

  it('draws fresh randomness for each new millisecond, and sorts by time across them', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => newId('dlv', 1_900_000_000_000 + i));
    // A pool of random bytes serves many milliseconds: no two may get the same slice of it.
    expect(new Set(ids.map(randomPart)).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
