/**
 * Passwords: scrypt (N = 2^17, r = 8, p = 1) with a salt per hash, compared in constant time, and
 * slow on purpose. The time of one check is measured and printed: it is what each guess costs.
 */
import { describe, expect, it } from 'vitest';
import { decoyHash, hashPassword, SCRYPT_COST, verifyPassword } from '../../src-main/accounts/passwords.js';

const PASSWORD = 'correct horse battery staple';

describe('password hashes', () => {
  it('keeps scrypt’s cost and a fresh salt per hash, never the password', async () => {
    const [a, b] = [await hashPassword(PASSWORD), await hashPassword(PASSWORD)];
    expect(SCRYPT_COST).toEqual({ N: 131072, r: 8, p: 1 });
    expect(a).toMatch(/^scrypt\$N=131072,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a.split('$')[2]).not.toBe(b.split('$')[2]);
    expect(a).not.toBe(b);
    expect(a).not.toContain(PASSWORD);
    expect(a).not.toContain(Buffer.from(PASSWORD).toString('base64url'));
  }, 20_000);

  it('checks a password against its hash, and refuses a wrong one, a damaged hash, or a cheaper one', async () => {
    const hash = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword(`${PASSWORD} `, hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
    expect(await verifyPassword(PASSWORD, hash.slice(0, -2))).toBe(false);
    expect(await verifyPassword(PASSWORD, hash.replace('N=131072', 'N=1024'))).toBe(false);
    expect(await verifyPassword(PASSWORD, 'plain-text')).toBe(false);
    // The same text in another Unicode form is the same password (NFC).
    const composed = await hashPassword('café-latte-password');
    expect(await verifyPassword('cafe\u0301-latte-password', composed)).toBe(true);
  }, 30_000);

  it('costs a guess a measured fraction of a second, the same for a known and an unknown name', async () => {
    const hash = await hashPassword(PASSWORD);
    const decoy = decoyHash();
    const time = async (stored: string) => {
      const start = performance.now();
      await verifyPassword('a wrong guess', stored);
      return performance.now() - start;
    };
    const known = [await time(hash), await time(hash), await time(hash)];
    const unknown = [await time(decoy), await time(decoy), await time(decoy)];
    const median = (values: number[]) => values.sort((x, y) => x - y)[1]!;
    console.info(`one password check: ${median(known).toFixed(0)} ms (known name), ${median(unknown).toFixed(0)} ms (unknown name, decoy hash)`);
    expect(median(known)).toBeGreaterThan(100);
    expect(median(unknown) / median(known)).toBeGreaterThan(0.6);
    expect(median(unknown) / median(known)).toBeLessThan(1.6);
  }, 60_000);
});
