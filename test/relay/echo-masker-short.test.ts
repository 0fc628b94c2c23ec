/** A text too short to hold any echo is returned without running the masker's regexes; echoes of exactly the shortest length are still masked. */
import { describe, expect, it } from 'vitest';
import { createSecretMasker } from '../../src-main/secrets/echo-masker.js';

describe('secret masker, short texts', () => {
  const secret = 'abcdefgh12';
  const masker = createSecretMasker([secret]);

  it('masks the shortest echo there is: the 8 base64 characters of the secret bytes 2 to 7 inside a longer base64 text', () => {
    const piece = Buffer.from(secret).subarray(2, 8).toString('base64');
    expect(piece).toHaveLength(8);
    expect(masker.mask(piece)).not.toContain(piece);
    expect(masker.mask(`${piece}!`)).not.toContain(piece);
  });

  it('returns shorter texts as they are, cut at keep', () => {
    expect(masker.mask('abcdefg')).toBe('abcdefg');
    expect(masker.mask('abcdefg', 3)).toBe('abc');
    expect(masker.mask('')).toBe('');
  });

  it('still masks the secret as typed, percent-encoded and JSON-escaped', () => {
    for (const echo of [secret, encodeURIComponent(secret), '\\u0061bcdefgh12']) expect(masker.mask(`x${echo}x`)).not.toContain('defgh');
  });
});
