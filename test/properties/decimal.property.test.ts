/**
 * Exact decimal comparison over generated amounts, against a BigInt oracle: a value m × 10^e
 * written in every form a sender may use (plain, exponent, padded with zeros) is the same
 * amount, and two different values never are.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalDecimal, sameDecimal } from '../../src-main/timeline/decimal.js';
import { compareDecimal, decimalOfNumber } from '../../src-shared/sessions/decimal.js';

const runs = { numRuns: 500 };

/** An exact amount: an integer mantissa and a power of ten. */
const amount = fc.record({ mantissa: fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), exponent: fc.integer({ min: -30, max: 30 }) });
type Amount = { mantissa: bigint; exponent: number };

/** Both amounts scaled to one exponent, so BigInt compares them exactly. */
function oracleCompare(a: Amount, b: Amount): number {
  const e = Math.min(a.exponent, b.exponent);
  const x = a.mantissa * 10n ** BigInt(a.exponent - e);
  const y = b.mantissa * 10n ** BigInt(b.exponent - e);
  return x === y ? 0 : x < y ? -1 : 1;
}

function plain({ mantissa, exponent }: Amount, padLeft: number, padRight: number): string {
  const sign = mantissa < 0n ? '-' : '';
  let digits = (mantissa < 0n ? -mantissa : mantissa).toString();
  if (exponent >= 0) return `${sign}${'0'.repeat(padLeft)}${digits}${'0'.repeat(exponent)}${padRight > 0 ? `.${'0'.repeat(padRight)}` : ''}`;
  digits = digits.padStart(-exponent + 1, '0');
  const point = digits.length + exponent;
  return `${sign}${'0'.repeat(padLeft)}${digits.slice(0, point)}.${digits.slice(point)}${'0'.repeat(padRight)}`;
}

/** d.ddd…e±x, as JS and PHP print small and large floats (PHP writes `1.0e-5`). */
function scientific({ mantissa, exponent }: Amount, shift: number, upper: boolean, plus: boolean): string {
  const sign = mantissa < 0n ? '-' : '';
  const digits = (mantissa < 0n ? -mantissa : mantissa).toString();
  const cut = Math.max(1, Math.min(digits.length, shift));
  const e = exponent + digits.length - cut;
  const fraction = digits.slice(cut) || '0';
  return `${sign}${digits.slice(0, cut)}.${fraction}${upper ? 'E' : 'e'}${e >= 0 && plus ? '+' : ''}${e}`;
}

const forms = (a: Amount) =>
  fc.oneof(
    fc.tuple(fc.nat(3), fc.nat(3)).map(([l, r]) => plain(a, l, r)),
    fc.tuple(fc.integer({ min: 1, max: 30 }), fc.boolean(), fc.boolean()).map(([s, u, p]) => scientific(a, s, u, p)),
  );

describe('exact decimals', () => {
  it('one amount in any two forms is the same amount, with one canonical text', () => {
    const twoForms = amount.chain((a) => fc.tuple(forms(a), forms(a)));
    fc.assert(
      fc.property(twoForms, ([x, y]) => {
        expect(sameDecimal(x, y), `${x} vs ${y}`).toBe(true);
        expect(canonicalDecimal(x)).toBe(canonicalDecimal(y));
      }),
      runs,
    );
  });

  it('two different amounts are never the same, whatever their forms', () => {
    const pair = fc.tuple(amount, amount).chain(([a, b]) => fc.tuple(fc.constant(a), fc.constant(b), forms(a), forms(b)));
    fc.assert(
      fc.property(pair, ([a, b, x, y]) => {
        expect(sameDecimal(x, y), `${x} vs ${y}`).toBe(oracleCompare(a, b) === 0);
      }),
      runs,
    );
  });

  it('orders non-negative decimal strings as the oracle does', () => {
    const nonNegative = fc.record({ mantissa: fc.bigInt({ min: 0n, max: 10n ** 25n }), exponent: fc.integer({ min: -12, max: 12 }) });
    fc.assert(
      fc.property(nonNegative, nonNegative, fc.nat(2), fc.nat(2), (a, b, l, r) => {
        expect(compareDecimal(plain(a, l, r), plain(b, r, l))).toBe(oracleCompare(a, b));
      }),
      runs,
    );
  });

  it('a JSON number becomes the decimal its shortest form says, or is refused', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e20, max: 1e20 }), (n) => {
        const text = decimalOfNumber(n);
        if (text === null) return;
        expect(text).not.toMatch(/e/i);
        expect(sameDecimal(text, String(n))).toBe(true);
      }),
      runs,
    );
  });
});
