import { describe, expect, it } from 'vitest';
import { annotate, sortSteps } from '../../src-main/timeline/annotate.js';
import { contributedStep, type PlacedStep } from '../../src-main/timeline/delivery-step.js';
import { canonicalDecimal, sameDecimal } from '../../src-main/timeline/decimal.js';
import type { TimelineStep } from '../../src-shared/domain/timeline.js';
import type { NormalizedStatus } from '../../src-shared/domain/normalized.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 5, 12, minute)).toISOString();

function delivery(id: string, minute: number, status: NormalizedStatus | null, extra: Partial<PlacedStep> & { amount?: [string, string] } = {}): PlacedStep {
  const amount = extra.amount ? { value: extra.amount[0], currency: extra.amount[1] } : null;
  return {
    step: {
      kind: 'delivery',
      id,
      at: at(minute),
      title: id,
      provider: 'paychant',
      status,
      outcome: 'ok',
      detail: null,
      amount,
      deliveryId: id,
      sessionId: null,
    },
    amounts: amount ? [{ role: 'fiat', ...amount }] : [],
    duplicateOf: extra.duplicateOf ?? null,
    signatureFailed: extra.signatureFailed ?? false,
    verification: extra.verification ?? (extra.signatureFailed ? 'invalid' : 'valid'),
  };
}

const session = (id: string, minute: number, amount: [string, string], status: NormalizedStatus = 'created'): PlacedStep =>
  contributedStep({
    kind: 'session',
    id,
    at: at(minute),
    title: 'Session created',
    provider: 'instaxchange',
    status,
    outcome: 'ok',
    detail: null,
    amount: { value: amount[0], currency: amount[1] },
    deliveryId: null,
    sessionId: id,
  } satisfies TimelineStep);

describe('timeline annotation', () => {
  it('sorts by time, a session before a delivery at the same instant, and drops repeated steps', () => {
    const steps = sortSteps([delivery('d2', 5, 'completed'), delivery('d1', 1, 'pending'), session('s1', 1, ['10', 'USD']), delivery('d1', 1, 'pending')]);
    expect(steps.map((s) => s.step.id)).toEqual(['s1', 'd1', 'd2']);
  });

  it('carries the status after each step and the gap since the previous one', () => {
    const { steps, flags } = annotate(sortSteps([delivery('a', 0, 'pending'), delivery('b', 3, 'info'), delivery('c', 10, 'completed')]));
    expect(steps.map((s) => s.statusAfter)).toEqual(['pending', 'pending', 'completed']);
    expect(steps.map((s) => s.gapMs)).toEqual([null, 180_000, 420_000]);
    expect(flags).toEqual([]);
  });

  it('flags an earlier stage arriving late as out of order and keeps the later status', () => {
    const { steps, flags } = annotate(sortSteps([delivery('a', 0, 'confirming'), delivery('b', 1, 'pending')]));
    expect(flags.map((f) => [f.kind, f.stepKey])).toEqual([['out_of_order', 'delivery:b']]);
    expect(steps[1]!.statusAfter).toBe('confirming');
    expect(steps[1]!.flags).toEqual(['out_of_order']);
  });

  it('flags a status going backwards after a final outcome, and a paid payment turning failed', () => {
    const back = annotate(sortSteps([delivery('a', 0, 'completed'), delivery('b', 1, 'pending')]));
    expect(back.flags.map((f) => f.kind)).toEqual(['status_backwards']);
    expect(back.steps[1]!.statusAfter).toBe('completed');
    const reversed = annotate(sortSteps([delivery('a', 0, 'completed'), delivery('b', 1, 'failed')]));
    expect(reversed.flags.map((f) => f.kind)).toEqual(['status_backwards']);
    expect(reversed.steps[1]!.statusAfter).toBe('failed');
  });

  it('flags duplicates and failed signatures, but not a retry of an older event as out of order', () => {
    const { flags } = annotate(
      sortSteps([delivery('a', 0, 'pending'), delivery('b', 1, 'completed', { signatureFailed: true }), delivery('c', 2, 'pending', { duplicateOf: 'a' })]),
    );
    expect(flags.map((f) => [f.kind, f.stepKey])).toEqual([
      ['failed_signature', 'delivery:b'],
      ['duplicate', 'delivery:c'],
    ]);
  });

  it('flags a payment after the session expired, and an amount that does not match the session', () => {
    const { flags } = annotate(
      sortSteps([session('s1', 0, ['100.00', 'USD']), delivery('e', 60, 'expired'), delivery('p', 75, 'completed', { amount: ['90.00', 'usd'] })]),
    );
    expect(flags.map((f) => f.kind)).toEqual(['expired_then_paid', 'amount_mismatch']);
    expect(flags[0]!.message).toContain('15 min after the session expired');
    expect(flags[1]!.message).toBe('The payment reports 90.00 usd, the session asked for 100.00 USD.');
  });

  it('accepts the same amount written differently, and ignores amounts in another currency', () => {
    expect(annotate(sortSteps([session('s', 0, ['100', 'USD']), delivery('p', 1, 'completed', { amount: ['100.00', 'USD'] })])).flags).toEqual([]);
    expect(annotate(sortSteps([session('s', 0, ['100', 'USD']), delivery('p', 1, 'completed', { amount: ['0.0015', 'BTC'] })])).flags).toEqual([]);
  });
});

describe('decimal comparison', () => {
  it('compares decimal strings exactly, without floats', () => {
    expect(canonicalDecimal('-0012.3400')).toBe('-12.34');
    expect(canonicalDecimal('-0.000')).toBe('0');
    expect(sameDecimal('170.00', '170')).toBe(true);
    expect(sameDecimal('12345678901234567890.1', '12345678901234567890.10')).toBe(true);
    expect(sameDecimal('12345678901234567890', '12345678901234567891')).toBe(false);
    expect(sameDecimal('abc', 'abc')).toBe(false);
  });
});
