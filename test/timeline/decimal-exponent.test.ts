/**
 * Issue 13.3: amounts in exponent form. A JSON number may be written `1.2e-7`, and PHP's
 * json_encode prints 0.00001 as `1.0e-5` (providers.md, "number formatting"); the timeline must
 * compare them with a session's `0.00001` exactly, not raise a false amount mismatch.
 */
import { describe, expect, it } from 'vitest';
import { annotate, sortSteps } from '../../src-main/timeline/annotate.js';
import { contributedStep, type PlacedStep } from '../../src-main/timeline/delivery-step.js';
import { canonicalDecimal, sameDecimal } from '../../src-main/timeline/decimal.js';
import type { TimelineStep } from '../../src-shared/domain/timeline.js';
import { phpVersion, runPhp } from '../providers/php-reference.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 5, 12, minute)).toISOString();

const session = (value: string, currency: string): PlacedStep =>
  contributedStep({
    kind: 'session',
    id: 's',
    at: at(0),
    title: 'Session created',
    provider: 'instap',
    status: 'created',
    outcome: 'ok',
    detail: null,
    amount: { value, currency },
    deliveryId: null,
    sessionId: 's',
  } satisfies TimelineStep);

const payment = (value: string, currency: string): PlacedStep => ({
  step: {
    kind: 'delivery',
    id: 'p',
    at: at(5),
    title: 'p',
    provider: 'instap',
    status: 'completed',
    outcome: 'ok',
    detail: null,
    amount: { value, currency },
    deliveryId: 'p',
    sessionId: null,
  },
  amounts: [{ role: 'blockchain', value, currency }],
  duplicateOf: null,
  signatureFailed: false,
  verification: 'valid',
});

const flagsFor = (asked: string, reported: string) => annotate(sortSteps([session(asked, 'BTC'), payment(reported, 'BTC')])).flags.map((f) => f.kind);

describe('decimals in any JSON number form', () => {
  it.each([
    ['1.2e-7', '0.00000012'],
    ['1.0e-5', '0.00001'],
    ['1E+3', '1000'],
    ['1.5e2', '150.0'],
    ['-2.50e0', '-2.5'],
    ['12345678901234567890e-20', '0.1234567890123456789'],
    ['0e10', '0'],
  ])('%s equals %s', (a, b) => {
    expect(sameDecimal(a, b)).toBe(true);
  });

  it('still tells apart numbers that differ in the last digit, at any exponent', () => {
    expect(sameDecimal('1.2e-7', '0.00000013')).toBe(false);
    expect(sameDecimal('1e400', '1e401')).toBe(false);
    expect(sameDecimal('1e400', `1${'0'.repeat(400)}`)).toBe(true);
    expect(sameDecimal('1e-999999999', '0')).toBe(false);
  });

  it('prints the exact value without an exponent', () => {
    expect(canonicalDecimal('1.2e-7')).toBe('0.00000012');
    expect(canonicalDecimal('-1.0E+3')).toBe('-1000');
  });

  it('raises no amount mismatch for a payment reported as 1.0e-5 against a session for 0.00001', () => {
    expect(flagsFor('0.00001', '1.0e-5')).toEqual([]);
    expect(flagsFor('0.00000012', '1.2e-7')).toEqual([]);
    expect(flagsFor('0.00001', '1.0e-4')).toEqual(['amount_mismatch']);
  });

  it.skipIf(phpVersion === null)('accepts what PHP json_encode prints for the same amounts', () => {
    const amounts = ['0.00001', '0.00000012', '0.000123', '1e22', '0.5', '170.10', '12345678901234', '0.0001', '3.74e-9'];
    const printed = runPhp<string[]>('echo json_encode(array_map(fn($a) => json_encode((float) $a), json_decode(stream_get_contents(STDIN), true)));', amounts);
    expect(printed.slice(0, 2)).toEqual(['1.0e-5', '1.2e-7']);
    printed.forEach((php, i) => {
      // PHP prints the nearest double: equal to the amount whenever that has ≤ 15 significant digits.
      expect(sameDecimal(php, amounts[i]!), `${php} vs ${amounts[i]}`).toBe(true);
    });
  });
});
