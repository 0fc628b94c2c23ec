// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ReplayPage } from '../../src-renderer/features/replay/ReplayPage.js';
import { ReplayMatchingLink } from '../../src-renderer/features/replay/ReplayMatchingLink.js';
import { filterWords, replayParamsFor } from '../../src-renderer/features/replay/bulk-form.js';
import { laterJob, progressSegments } from '../../src-renderer/features/replay/bulk-progress.js';
import { attemptView, jobView as job, targetView } from './fixtures.js';
import { renderWithTransport as renderWith } from './render.js';

afterEach(cleanup);

const target = targetView();
/** An inbox view with every filter set, and its selection (which a bulk replay does not carry). */
const inbox = new URLSearchParams({
  provider: 'paychant',
  eventType: 'PAYMENT_COMPLETED',
  status: 'completed',
  verification: 'valid',
  environment: 'sandbox',
  q: 'RAIL',
  since: '2026-03-01T10:00:00.000Z',
  until: '2026-03-02T10:00:00.000Z',
  selected: 'dlv_9',
});
const carried = {
  provider: 'paychant',
  eventType: 'PAYMENT_COMPLETED',
  status: 'completed',
  verification: 'valid',
  environment: 'sandbox',
  q: 'RAIL',
  since: '2026-03-01T10:00:00.000Z',
  until: '2026-03-02T10:00:00.000Z',
};

const pageAnswers = (extra = {}) => ({
  'replay.targets.list': () => ({ targets: [target] }),
  'replay.attempts': () => ({ items: [] }),
  'replay.bulk.list': () => ({ jobs: [] }),
  'replay.bulk.count': () => ({ count: 118, limit: 1000, tooMany: false }),
  'replay.bulk.start': () => job({ total: 118 }),
  ...extra,
});

describe('bulk replay from the inbox', () => {
  it('links "Replay N matching" to the replay page with every filter of the inbox view', () => {
    expect(Object.fromEntries(replayParamsFor(inbox))).toEqual(carried);
    renderWith(<ReplayMatchingLink params={inbox} total={118} />, {});
    const link = screen.getByRole('link', { name: 'Replay 118 matching…' });
    expect(Object.fromEntries(new URLSearchParams(link.getAttribute('href')!.split('?')[1]))).toEqual(carried);
    cleanup();
    renderWith(<ReplayMatchingLink params={new URLSearchParams('selected=dlv_1')} total={312} />, {});
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('counts what matches every filter and asks every time, for that count, before sending', async () => {
    const fake = renderWith(<ReplayPage params={replayParamsFor(inbox)} />, pageAnswers());
    const count = await screen.findByTestId('bulk-count');
    await waitFor(() =>
      expect(count.textContent).toMatch(
        /^118 deliveries match: paychant · event PAYMENT_COMPLETED · status completed · signature valid · sandbox environment · matching “RAIL” · received /,
      ),
    );
    expect(fake.calls.find((c) => c.name === 'replay.bulk.count')!.input).toEqual({ filter: carried });

    // The target was confirmed long ago: the bulk replay still asks.
    fireEvent.click(screen.getByRole('button', { name: 'Replay 118 matching…' }));
    let dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('Replay 118 deliveries to Local staging?');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(fake.calls.some((c) => c.name === 'replay.bulk.start')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Replay 118 matching…' }));
    dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replay 118' }));
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'replay.bulk.start')).toBe(true));
    expect(fake.calls.find((c) => c.name === 'replay.bulk.start')!.input).toEqual({
      targetId: 'rpt_1',
      filter: carried,
      concurrency: 1,
      resign: false,
      confirm: true,
      expectedCount: 118,
    });
  });

  it('says when too many or none match, and will not send then', async () => {
    renderWith(
      <ReplayPage params={new URLSearchParams('provider=paychant')} />,
      pageAnswers({ 'replay.bulk.count': () => ({ count: 1001, limit: 1000, tooMany: true }) }),
    );
    await screen.findByText('More than 1,000 deliveries match: narrow the filter.');
    expect((screen.getByRole('button', { name: 'Replay matching…' }) as HTMLButtonElement).disabled).toBe(true);
    cleanup();
    renderWith(<ReplayPage params={new URLSearchParams()} />, pageAnswers());
    await screen.findByText(/Choose at least one filter/);
    expect((screen.getByRole('button', { name: 'Replay matching…' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('a bulk job on the replay page', () => {
  it('draws failures in red in the progress bar, pauses with the reason, resumes and cancels', async () => {
    const fake = renderWith(
      <ReplayPage params={new URLSearchParams()} />,
      pageAnswers({
        'replay.bulk.list': () => ({ jobs: [job({ total: 10, succeeded: 4, failed: 3 })] }),
        'replay.bulk.resume': () => job({ total: 10, succeeded: 4, failed: 3, state: 'running' }),
        'replay.bulk.cancel': () => job({ total: 10, succeeded: 4, failed: 3, state: 'cancelling' }),
      }),
    );
    const row = (await screen.findByRole('list', { name: 'Bulk replays' })).querySelector('li')!;
    const bar = within(row).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('7');
    expect(bar.getAttribute('aria-valuemax')).toBe('10');
    const failed = bar.querySelector('.bulk-progress-failed') as HTMLElement;
    expect(failed.style.width).toBe('30%');
    expect((bar.querySelector('.bulk-progress-ok') as HTMLElement).style.width).toBe('40%');

    act(() =>
      fake.push({
        type: 'replay.progress',
        job: job({
          total: 10,
          succeeded: 4,
          failed: 3,
          state: 'paused',
          pausedReason: 'Paused by itself: 3 sends in a row got no answer from "Local staging".',
          lastError: 'CREATED · REF-7: the connection was refused',
        }),
      }),
    );
    await within(row).findByText(/Paused by itself: 3 sends in a row/);
    expect(row.textContent).toContain('Last failure: CREATED · REF-7: the connection was refused');
    fireEvent.click(within(row).getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(fake.calls.find((c) => c.name === 'replay.bulk.resume')?.input).toEqual({ id: 'rpj_1' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(fake.calls.find((c) => c.name === 'replay.bulk.cancel')?.input).toEqual({ id: 'rpj_1' }));
  });

  it('retries the failed deliveries only, after confirming their count', async () => {
    const done = job({ total: 10, succeeded: 7, failed: 3, state: 'finished', finishedAt: new Date().toISOString() });
    const fake = renderWith(
      <ReplayPage params={new URLSearchParams()} />,
      pageAnswers({ 'replay.bulk.list': () => ({ jobs: [done] }), 'replay.bulk.retryFailed': () => job({ id: 'rpj_2', total: 3, retryOf: 'rpj_1' }) }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Retry 3 failed only' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('Replay 3 deliveries to Local staging?');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replay 3' }));
    await waitFor(() => expect(fake.calls.find((c) => c.name === 'replay.bulk.retryFailed')?.input).toEqual({ id: 'rpj_1', confirm: true, expectedCount: 3 }));
    await screen.findByText(/retry of the failures of an earlier job/);
  });

  it('names each delivery in the log by its event and reference', async () => {
    renderWith(
      <ReplayPage params={new URLSearchParams()} />,
      pageAnswers({
        'replay.attempts': () => ({
          items: [
            { ...attemptView({ id: 'rpa_1', deliveryId: 'dlv_01HX' }), delivery: { eventType: 'PAYMENT_COMPLETED', reference: 'E2E-PAY-1' } },
            { ...attemptView({ id: 'rpa_2', deliveryId: 'dlv_02HX' }), delivery: null },
          ],
        }),
      }),
    );
    const named = await screen.findByRole('link', { name: 'PAYMENT_COMPLETED · E2E-PAY-1' });
    expect(named.getAttribute('href')).toBe('#/deliveries/dlv_01HX');
    expect(screen.getByRole('link', { name: 'dlv_02HX' })).toBeTruthy();
  });

  it('keeps the later view of a job when a call’s answer comes after the pushed progress', () => {
    const cancelled = job({ state: 'cancelled', failed: 3, skipped: 14, total: 17, finishedAt: new Date().toISOString() });
    const cancelling = job({ state: 'cancelling', failed: 3, total: 17 });
    expect(laterJob(cancelled, cancelling)).toBe(cancelled);
    expect(laterJob(cancelling, cancelled)).toBe(cancelled);
    expect(laterJob(job({ succeeded: 5 }), job({ succeeded: 4 })).succeeded).toBe(5);
    expect(laterJob(undefined, cancelling)).toBe(cancelling);
  });

  it('splits the bar by outcome and says the filter in words', () => {
    expect(progressSegments({ total: 4, succeeded: 1, failed: 2, skipped: 0 })).toEqual([
      { kind: 'ok', count: 1, percent: 25 },
      { kind: 'failed', count: 2, percent: 50 },
    ]);
    expect(filterWords({})).toBe('every delivery');
    expect(filterWords({ provider: 'calypso', status: 'compliance_hold' })).toBe('calypso · status compliance hold');
  });
});
