// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { TimelinePage } from '../../src-renderer/features/timeline/TimelinePage.js';
import type { PaymentHeadline, TimelineEntry, TimelineGetOutput } from '../../src-shared/contract/timeline.js';
import { fakeTransport } from './fake-transport.js';
import { renderWith } from './render-with.js';

afterEach(cleanup);

const entry = (id: string, minute: number, extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  kind: 'delivery',
  id,
  key: `delivery:${id}`,
  at: new Date(Date.UTC(2026, 10, 5, 12, minute)).toISOString(),
  title: 'AWAITING_PAYMENT',
  provider: 'paychant',
  status: 'pending',
  outcome: 'ok',
  detail: null,
  amount: { value: '50000', currency: 'NGN' },
  deliveryId: id,
  sessionId: null,
  statusAfter: 'pending',
  gapMs: null,
  flags: [],
  retryOf: null,
  ...extra,
});

const unverifiedCompletion: PaymentHeadline = {
  state: 'pending',
  since: '2026-11-05T12:00:00.000Z',
  stepKey: 'delivery:dlv_a',
  claimed: { status: 'completed', stepKey: 'delivery:dlv_c', at: '2026-11-05T12:40:00.000Z', verification: 'invalid' },
  verified: false,
  amount: { value: '140000', currency: 'NGN', changedFrom: { value: '50000', currency: 'NGN' } },
  silentForMs: null,
  tone: 'warning',
  summary: 'Completed, unverified: the signature of PAYMENT_COMPLETED did not verify, so the backend probably still shows pending.',
  actions: [
    'Open PAYMENT_COMPLETED and read its signature check.',
    'The amount changed from 50000 NGN to 140000 NGN between events: check which one the backend credited.',
  ],
};

const timeline = (headline: PaymentHeadline | null): TimelineGetOutput => ({
  key: 'TX-1',
  keys: [{ kind: 'transactionRef', value: 'TX-1' }],
  headline,
  steps: [
    entry('dlv_a', 0),
    entry('dlv_r1', 10, { retryOf: 'delivery:dlv_a', gapMs: 600_000, flags: ['duplicate'] }),
    entry('dlv_r2', 20, { retryOf: 'delivery:dlv_a', gapMs: 600_000, flags: ['duplicate'] }),
    entry('dlv_c', 40, {
      title: 'PAYMENT_COMPLETED',
      status: 'completed',
      outcome: 'failed',
      gapMs: 1_200_000,
      amount: { value: '140000', currency: 'NGN' },
      flags: ['failed_signature', 'amount_mismatch'],
    }),
  ],
  flags: [
    { kind: 'duplicate', stepKey: 'delivery:dlv_r1', message: 'Repeats dlv_a.' },
    { kind: 'duplicate', stepKey: 'delivery:dlv_r2', message: 'Repeats dlv_a.' },
    { kind: 'failed_signature', stepKey: 'delivery:dlv_c', message: 'PAYMENT_COMPLETED: the signature did not verify.' },
    { kind: 'amount_mismatch', stepKey: 'delivery:dlv_c', message: 'The amount changed: 50000 NGN in AWAITING_PAYMENT, 140000 NGN in PAYMENT_COMPLETED.' },
  ],
  truncated: false,
  warnings: [],
});

const stepKeys = () => Array.from(screen.getByTestId('timeline-steps').querySelectorAll('li.timeline-step')).map((li) => li.getAttribute('data-step-key'));

describe('the timeline headline', () => {
  it('puts one line on top, before the events: an unverified completion in amber, never green, with the amount change and what to do', async () => {
    const fake = fakeTransport({ 'timeline.get': () => timeline(unverifiedCompletion) });
    renderWith(fake.transport, <TimelinePage correlationKey="TX-1" />);
    const banner = await screen.findByTestId('payment-headline');
    expect(banner.getAttribute('data-tone')).toBe('warning');
    expect(banner.className).not.toContain('tone-good');
    expect(within(banner).getByTestId('headline-summary').textContent).toBe(unverifiedCompletion.summary);
    // The verified status is pending; "completed" is only a claim, not a (green) status badge.
    expect(within(banner).getByText('pending').className).toContain('status-pending');
    expect(within(banner).getByText('completed').className).toContain('claimed');
    expect(banner.querySelector('.status-completed')).toBeNull();
    expect(within(banner).getByTestId('headline-amount').textContent).toContain('140000 NGN changed, was 50000 NGN');
    expect(within(banner).getByRole('list', { name: 'What to do' }).querySelectorAll('li')).toHaveLength(2);
    // On top: the banner comes before the steps in the document.
    expect(banner.compareDocumentPosition(screen.getByTestId('timeline-steps')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByText(/nothing looks wrong/)).toBeNull();
    // The forged event's own claim is not drawn as a (green) status either.
    const forged = screen.getByTestId('timeline-steps').querySelector('[data-step-key="delivery:dlv_c"]')!;
    expect(forged.querySelector('.status-completed')).toBeNull();
    expect(forged.querySelector('.badge.claimed')!.textContent).toBe('completed, unverified');
  });

  it('collapses retries under their original (×2) with a toggle that shows them, gaps measured between the steps drawn', async () => {
    const fake = fakeTransport({ 'timeline.get': () => timeline(unverifiedCompletion) });
    renderWith(fake.transport, <TimelinePage correlationKey="TX-1" />);
    await screen.findByTestId('timeline-steps');
    expect(stepKeys()).toEqual(['delivery:dlv_a', 'delivery:dlv_c']);
    // Retries are counted under their original, not as something to check.
    expect(screen.getByText(/to check/).textContent).toBe('2 to check: signature failed, amount mismatch');
    const original = screen.getByTestId('timeline-steps').querySelector('[data-step-key="delivery:dlv_a"]')!;
    expect(within(original as HTMLElement).getByTestId('step-retries').textContent).toBe('×2 retries');
    const completed = screen.getByTestId('timeline-steps').querySelector('[data-step-key="delivery:dlv_c"]')!;
    expect(completed.querySelector('.timeline-gap')!.textContent).toBe('+40 min later');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show 2 retries' }));
    expect(stepKeys()).toEqual(['delivery:dlv_a', 'delivery:dlv_r1', 'delivery:dlv_r2', 'delivery:dlv_c']);
    expect(screen.getByTestId('timeline-steps').querySelector('[data-step-key="delivery:dlv_c"] .timeline-gap')!.textContent).toBe('+20 min later');
  });

  it('goes back with Escape, but not while typing a key', async () => {
    const back = vi.spyOn(window.history, 'back').mockImplementation(() => {});
    Object.defineProperty(window.history, 'length', { configurable: true, get: () => 3 });
    const fake = fakeTransport({ 'timeline.get': () => timeline(null) });
    renderWith(fake.transport, <TimelinePage correlationKey="TX-1" />);
    await screen.findByTestId('timeline-steps');
    expect(screen.queryByTestId('payment-headline')).toBeNull();
    const lookup = screen.getByRole('textbox', { name: 'Correlation key' });
    lookup.focus();
    fireEvent.keyDown(lookup, { key: 'Escape' });
    expect(back).not.toHaveBeenCalled();
    lookup.blur();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(back).toHaveBeenCalledTimes(1);
    back.mockRestore();
  });
});
