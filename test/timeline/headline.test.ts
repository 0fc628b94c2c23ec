import { describe, expect, it } from 'vitest';
import { annotate, sortSteps } from '../../src-main/timeline/annotate.js';
import { contributedStep, type PlacedStep } from '../../src-main/timeline/delivery-step.js';
import { durationText, paymentHeadline, SILENCE_MS } from '../../src-main/timeline/headline.js';
import type { TimelineStep } from '../../src-shared/domain/timeline.js';
import type { NormalizedStatus } from '../../src-shared/domain/normalized.js';
import type { VerificationStatus } from '../../src-shared/domain/verification.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 5, 12, minute)).toISOString();
const minutesAfter = (minute: number) => new Date(Date.UTC(2026, 10, 5, 12, minute));

function event(
  id: string,
  minute: number,
  title: string,
  status: NormalizedStatus | null,
  extra: { verification?: VerificationStatus; fiat?: string; duplicateOf?: string } = {},
): PlacedStep {
  const verification = extra.verification ?? 'valid';
  const amounts = extra.fiat ? [{ role: 'fiat', value: extra.fiat, currency: 'NGN' }] : [];
  return {
    step: {
      kind: 'delivery',
      id,
      at: at(minute),
      title,
      provider: 'paychant',
      status,
      outcome: verification === 'invalid' ? 'failed' : 'ok',
      detail: null,
      amount: amounts[0] ? { value: amounts[0].value, currency: 'NGN' } : null,
      deliveryId: id,
      sessionId: null,
    },
    amounts,
    duplicateOf: extra.duplicateOf ?? null,
    signatureFailed: verification === 'invalid',
    verification,
  };
}

const ourCall = (id: string, minute: number, kind: 'session' | 'status_check', status: NormalizedStatus | null, ok = true): PlacedStep =>
  contributedStep({
    kind,
    id,
    at: at(minute),
    title: kind === 'session' ? 'Instap session created by hand' : 'Instap status checked',
    provider: 'instap',
    status,
    outcome: ok ? 'ok' : 'failed',
    detail: ok ? null : 'HTTP 502 from the provider',
    amount: null,
    deliveryId: null,
    sessionId: 'ses_1',
  } satisfies TimelineStep);

function build(steps: PlacedStep[], now = minutesAfter(30)) {
  const sorted = sortSteps(steps);
  const annotated = annotate(sorted);
  const { headline, flags } = paymentHeadline(sorted, annotated.steps, now);
  return { steps: annotated.steps, flags: [...annotated.flags, ...flags], headline: headline! };
}

describe('the payment headline', () => {
  it('does not take a status from an event whose signature failed: "completed, unverified", the backend still pending', () => {
    const { steps, flags, headline } = build([
      event('a', 0, 'AWAITING_PAYMENT', 'pending'),
      event('b', 5, 'PAYMENT_COMPLETED', 'completed', { verification: 'invalid' }),
    ]);
    expect(steps.map((s) => s.statusAfter)).toEqual(['pending', 'pending']);
    expect(flags.map((f) => f.kind)).toEqual(['failed_signature']);
    expect(headline).toMatchObject({ state: 'pending', since: at(0), stepKey: 'delivery:a', verified: false, tone: 'warning' });
    expect(headline.claimed).toEqual({ status: 'completed', stepKey: 'delivery:b', at: at(5), verification: 'invalid' });
    expect(headline.summary).toBe('Completed, unverified: the signature of PAYMENT_COMPLETED did not verify, so the backend probably still shows pending.');
    expect(headline.actions[0]).toMatch(/^Open PAYMENT_COMPLETED and read its signature check/);
  });

  it('says what to do when no secret is set, and has no state at all without a verified event', () => {
    const { headline } = build([event('b', 5, 'PAYMENT_COMPLETED', 'completed', { verification: 'no-secret' })]);
    expect(headline.state).toBeNull();
    expect(headline.summary).toBe(
      'Completed, unverified: no webhook secret is set for Paychant, so PAYMENT_COMPLETED could not be checked, so the backend probably has no status for it yet.',
    );
    expect(headline.actions).toEqual(["Add Paychant's webhook secret under Settings: stored deliveries are then verified again."]);
  });

  it('never lets our own calls set the status: a failed manual Instap call is not "failed" nor "went backwards"', () => {
    const { steps, flags, headline } = build([
      ourCall('ses_1', 0, 'session', 'created'),
      event('a', 2, 'depositEventObject', 'completed'),
      ourCall('chk_1', 4, 'status_check', 'failed', false),
    ]);
    expect(steps.map((s) => s.statusAfter)).toEqual([null, 'completed', 'completed']);
    expect(flags).toEqual([]);
    expect(headline).toMatchObject({ state: 'completed', since: at(2), verified: true, tone: 'good', summary: 'Completed, verified.' });
  });

  it('flags an amount that changes across events of one payment (50,000 → 140,000 NGN), exactly', () => {
    const { steps, flags, headline } = build([
      event('a', 0, 'AWAITING_PAYMENT', 'pending', { fiat: '50000' }),
      event('b', 3, 'PAYMENT_CONFIRMED', 'confirming', { fiat: '50000.00' }),
      event('c', 6, 'PAYMENT_COMPLETED', 'completed', { fiat: '140000' }),
    ]);
    expect(flags.map((f) => [f.kind, f.stepKey])).toEqual([['amount_mismatch', 'delivery:c']]);
    expect(flags[0]!.message).toBe(
      'The amount changed: 50000.00 NGN in PAYMENT_CONFIRMED, 140000 NGN in PAYMENT_COMPLETED. Check which one the backend credited.',
    );
    expect(steps[2]!.flags).toEqual(['amount_mismatch']);
    expect(headline.amount).toEqual({ value: '140000', currency: 'NGN', changedFrom: { value: '50000', currency: 'NGN' } });
    expect(headline.summary).toBe('Completed, verified.');
    // Completed, but the amount needs a look: not green.
    expect(headline.tone).toBe('warning');
    expect(headline.actions).toEqual(['The amount changed from 50000 NGN to 140000 NGN between events: check which one the backend credited.']);
  });

  it('does not count a retry as a change, and a same amount written differently is the same', () => {
    const { flags, headline } = build([
      event('a', 0, 'AWAITING_PAYMENT', 'pending', { fiat: '170.00' }),
      event('b', 1, 'PAYMENT_COMPLETED', 'completed', { fiat: '170' }),
      event('c', 2, 'AWAITING_PAYMENT', 'pending', { fiat: '99', duplicateOf: 'a' }),
    ]);
    expect(flags.map((f) => f.kind)).toEqual(['duplicate']);
    expect(headline).toMatchObject({ tone: 'good', summary: 'Completed, verified.', amount: { value: '170', currency: 'NGN', changedFrom: null } });
  });

  it('makes silence a flag: no event for 2 h since AWAITING_PAYMENT while the payment is open', () => {
    const { flags, headline, steps } = build([event('a', 0, 'AWAITING_PAYMENT', 'pending')], minutesAfter(125));
    expect(flags).toEqual([
      { kind: 'silent', stepKey: 'delivery:a', message: 'No event from Paychant for 2 h since AWAITING_PAYMENT: the payment may be stuck.' },
    ]);
    expect(headline).toMatchObject({ state: 'pending', tone: 'warning', silentForMs: 125 * 60_000 });
    expect(headline.summary).toBe('Pending, verified: no event from Paychant for 2 h since AWAITING_PAYMENT.');
    expect(headline.actions[0]).toMatch(/^Ask Paychant for the payment's status: the event that settles it may never have been sent/);
    expect(steps).toHaveLength(1);
    // Not yet silent, or final: nothing to say.
    expect(build([event('a', 0, 'AWAITING_PAYMENT', 'pending')], minutesAfter(SILENCE_MS / 60_000 - 1)).headline.silentForMs).toBeNull();
    expect(build([event('a', 0, 'PAYMENT_COMPLETED', 'completed')], minutesAfter(600)).headline).toMatchObject({ silentForMs: null, tone: 'good' });
  });

  it('measures silence from a session created by hand when no webhook ever came', () => {
    const { headline } = build([ourCall('ses_1', 0, 'session', 'created')], minutesAfter(200));
    expect(headline.state).toBeNull();
    expect(headline.summary).toBe('No verified status: no event from Instap for 3 h since the session was created by hand.');
    expect(headline.actions[0]).toContain('(or refresh the session under Sessions)');
  });

  it('reads a failed payment as bad and a long wait in words', () => {
    expect(build([event('a', 0, 'PAYMENT_FAILED', 'failed')]).headline).toMatchObject({ tone: 'bad', summary: 'Failed, verified.' });
    expect([durationText(45 * 60_000), durationText(125 * 60_000), durationText(50 * 3_600_000)]).toEqual(['45 min', '2 h', '2 days']);
  });
});
