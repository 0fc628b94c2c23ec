import { describe, expect, it } from 'vitest';
import { createSecretMasker } from '../../src-main/secrets/echo-masker.js';

const key = 'sk_live/Ab+Cd Ef"é=9x2Q';
const masked = '••••9x2Q';
const masker = createSecretMasker([key, null, '']);
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('masking echoed secrets', () => {
  it.each([
    ['plain', key],
    ['JSON, standard', JSON.stringify(key).slice(1, -1)],
    ['JSON, PHP (slashes and non-ASCII escaped)', 'sk_live\\/Ab+Cd Ef\\"\\u00e9=9x2Q'],
    ['JSON, upper-case \\u escape and an escaped letter', 'sk_live\\/Ab+Cd Ef\\"\\u00E9=9\\u0078\\u0032Q'],
    ['JSON inside a JSON string', 'sk_live\\\\\\/Ab+Cd Ef\\\\\\"\\\\u00e9=9x2Q'],
    ['encodeURIComponent', encodeURIComponent(key)],
    ['percent, lower-case hex', encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())],
    ['form-encoded', new URLSearchParams({ k: key }).toString().slice(2)],
    ['base64', b64(key)],
    ['base64 without padding', b64(key).replace(/=+$/, '')],
    ['base64url', Buffer.from(key).toString('base64url')],
    ['base64, PHP-escaped slashes', b64(key).replace(/\//g, '\\/')],
  ])('finds the %s form', (_name, form) => {
    const out = masker.mask(`{"error":"bad key ${form} (retry)"}`);
    expect(out).toBe(`{"error":"bad key ${masked} (retry)"}`);
  });

  it('masks the part of a longer base64 text that encodes the secret, at every offset', () => {
    for (const user of ['u', 'us', 'use', 'merchant-0:']) {
      const basic = b64(`${user}:${key}`);
      const out = masker.mask(`Basic ${basic}`);
      expect(out).toContain(masked);
      // What is left decodes to no more than two bytes of the secret at either end.
      const left = (out.match(/[A-Za-z0-9+/]+=*/g) ?? []).map((run) => Buffer.from(run, 'base64'));
      const secret = Buffer.from(key);
      for (let i = 0; i + 3 <= secret.length; i++) for (const bytes of left) expect(bytes.includes(secret.subarray(i, i + 3))).toBe(false);
    }
  });

  it('masks every secret, longest first, and an echo overlapping another whole', () => {
    const both = createSecretMasker(['abcdefgh1234', 'abcdefgh1234-longer', 'gh1234XYZW']);
    expect(both.mask('x abcdefgh1234-longer y')).toBe('x ••••nger y');
    expect(both.mask('x abcdefgh1234XYZW y')).toBe('x ••••1234 y');
  });

  it('cuts after masking: an echo that crosses the cut is masked, not half shown', () => {
    const text = `${'a'.repeat(10)}${key}${'b'.repeat(10)}`;
    expect(masker.mask(text, 14)).toBe(`${'a'.repeat(10)}${masked}`);
    expect(masker.mask(text, 5)).toBe('aaaaa');
    expect(masker.reach).toBeGreaterThanOrEqual(encodeURIComponent(key).length);
  });

  it('leaves text alone when there is nothing to mask', () => {
    expect(createSecretMasker([]).mask('plain answer', 5)).toBe('plain');
    expect(masker.mask('sk_live/Ab+Cd is only a prefix')).toBe('sk_live/Ab+Cd is only a prefix');
  });
});
