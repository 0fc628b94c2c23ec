// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { TimelinePage } from '../../src-renderer/features/timeline/TimelinePage.js';
import type { TimelineEntry, TimelineGetOutput } from '../../src-shared/contract/timeline.js';
import { fakeTransport } from './fake-transport.js';
import { renderWith } from './render-with.js';

afterEach(cleanup);

const entry = (id: string, at: string, extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  kind: 'delivery',
  id,
  key: `delivery:${id}`,
  at,
  title: id,
  provider: 'paychant',
  status: 'pending',
  outcome: 'ok',
  detail: null,
  amount: null,
  deliveryId: id,
  sessionId: null,
  statusAfter: 'pending',
  gapMs: null,
  flags: [],
  ...extra,
});

const timeline: TimelineGetOutput = {
  key: 'TX-1',
  keys: [
    { kind: 'pid', value: 'P-1' },
    { kind: 'transactionRef', value: 'TX-1' },
  ],
  steps: [
    entry('ses_1', '2026-11-05T12:00:00.000Z', {
      kind: 'session',
      key: 'session:ses_1',
      title: 'Session created',
      deliveryId: null,
      sessionId: 'ses_1',
      status: 'created',
      statusAfter: 'created',
      amount: { value: '100.00', currency: 'USD' },
    }),
    entry('dlv_a', '2026-11-05T12:02:00.000Z', { title: 'AWAITING_PAYMENT', gapMs: 120_000 }),
    entry('dlv_b', '2026-11-05T13:02:00.000Z', {
      title: 'PAYMENT_COMPLETED',
      status: 'completed',
      statusAfter: 'completed',
      gapMs: 3_600_000,
      amount: { value: '90.00', currency: 'USD' },
      flags: ['amount_mismatch'],
    }),
  ],
  headline: null,
  flags: [{ kind: 'amount_mismatch', stepKey: 'delivery:dlv_b', message: 'The payment reports 90.00 USD, the session asked for 100.00 USD.' }],
  truncated: false,
  warnings: [],
};

describe('TimelinePage', () => {
  it('shows the steps in order with gaps, the status after each, links and flags', async () => {
    const fake = fakeTransport({ 'timeline.get': () => timeline });
    renderWith(fake.transport, <TimelinePage correlationKey="TX-1" />);
    const list = await screen.findByTestId('timeline-steps');
    const steps = Array.from(list.querySelectorAll('li.timeline-step'));
    expect(steps.map((s) => s.getAttribute('data-step-key'))).toEqual(['session:ses_1', 'delivery:dlv_a', 'delivery:dlv_b']);
    expect(steps[1]!.textContent).toContain('+2 min');
    // Shown as "+1 h"; read as "+1 h later" (an aria-label on a plain div is not read).
    const gap = steps[2]!.querySelector('.timeline-gap.long')!;
    expect(gap.textContent).toBe('+1 h later');
    expect(gap.querySelector('.visually-hidden')!.textContent).toBe(' later');
    expect(gap.hasAttribute('aria-label')).toBe(false);
    // The lookup is a form in a <search> landmark.
    expect(screen.getByRole('textbox', { name: 'Correlation key' }).closest('search')).toBeTruthy();
    expect(steps[2]!.querySelector('a')!.getAttribute('href')).toBe('#/deliveries/dlv_b');
    expect(steps[0]!.querySelector('a')!.getAttribute('href')).toBe('#/sessions/ses_1');
    expect(steps[2]!.textContent).toContain('amount mismatch');
    expect(steps[2]!.textContent).toContain('the session asked for 100.00 USD');
    expect(screen.getByText(/1 to check/)).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Linked keys' }).querySelector('a[href="#/timeline/P-1"]')).toBeTruthy();
    expect(fake.calls[0]!.input).toEqual({ key: 'TX-1' });
  });

  it('says plainly when nothing mentions the key, and offers a body search', async () => {
    const fake = fakeTransport({ 'timeline.get': () => ({ ...timeline, keys: [], steps: [], flags: [] }) });
    renderWith(fake.transport, <TimelinePage correlationKey="nope-1" />);
    await screen.findByText(/No delivery, session or replay mentions/);
    expect(screen.getByRole('link', { name: 'search the bodies' }).getAttribute('href')).toBe('#/inbox?q=nope-1');
  });

  it('shows an error state, and refreshes when a delivery arrives', async () => {
    let fail = true;
    const fake = fakeTransport({
      'timeline.get': () => {
        if (fail) throw new Error('The console answered HTTP 500.');
        return timeline;
      },
    });
    renderWith(fake.transport, <TimelinePage correlationKey="TX-1" />);
    expect((await screen.findByRole('alert')).textContent).toContain('HTTP 500');
    fail = false;
    act(() => fake.push({ type: 'deliveries.received', ids: ['dlv_c'] }));
    await waitFor(() => expect(screen.getByTestId('timeline-steps')).toBeTruthy(), { timeout: 3000 });
  });
});
