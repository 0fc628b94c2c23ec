/** A text with no run of characters long enough to be an echo is returned without running the masker's regexes; echoes of exactly the shortest length are still masked. */
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

  it('returns a long text as it is when no run of characters an echo can hold is long enough', () => {
    const answer = `{"received": "evt 1", "at": "Wed, 02 Dec 2026 02:59:06 GMT", "note": ${JSON.stringify('ok; '.repeat(50))}}`;
    expect(masker.mask(answer)).toBe(answer);
    expect(masker.mask(answer, 10)).toBe(answer.slice(0, 10));
  });

  it('still masks the secret as typed, percent-encoded and JSON-escaped', () => {
    for (const echo of [secret, encodeURIComponent(secret), '\\u0061bcdefgh12', 'abc%64%65fgh12']) {
      expect(masker.mask(`{"echo": "${echo}", "at": "Wed, 02 Dec 2026"}`)).not.toContain('fgh');
    }
  });

  // Each echo below is broken into runs shorter than the shortest echo by one kind of character
  // (a backslash, an upper-case hex digit, %, +, - or _): were that character missing from what the
  // check counts as an echo's, the text would be returned unmasked.
  const escapedWhole = (text: string, upper = false) =>
    [...text]
      .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join('')
      [upper ? 'toUpperCase' : 'toString']();
  const percentWhole = (text: string) => [...Buffer.from(text)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  const cases: Array<{ secret: string; echo: (secret: string) => string }> = [
    { secret, echo: (s) => escapedWhole(s) },
    { secret: 'zjozjozjo/', echo: (s) => escapedWhole(s, true).replaceAll('\\U', '\\u') },
    { secret: 'zjozjozjo/', echo: percentWhole },
    { secret: 'open sesame 12', echo: (s) => s.replaceAll(' ', '+') },
    { secret: '???>>>???', echo: (s) => Buffer.from(s).toString('base64url') },
    { secret: '???>>>???', echo: (s) => Buffer.from(s).toString('base64') },
  ];
  it.each(cases)('masks an echo made of short runs: $secret', ({ secret: value, echo }) => {
    const text = echo(value);
    const masked = createSecretMasker([value]).mask(`{"echo": "${text}"}`);
    expect(masked).not.toContain(text);
    expect(masked.length).toBeGreaterThan(0);
  });

  it('keeps nothing for a negative keep, with or without an echo', () => {
    expect(masker.mask('plain answer text', -3)).toBe('');
    expect(masker.mask(`x ${secret} y`, -3)).toBe('');
  });
});
