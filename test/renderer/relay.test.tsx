// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { RelayHopsPanel } from '../../src-renderer/features/relay/RelayHopsPanel.js';
import { RelayRoutesCard } from '../../src-renderer/features/relay/RelayRoutesCard.js';
import { RelayRoutesSettings } from '../../src-renderer/features/relay/RelayRoutesSettings.js';
import { routeForm, routeSaveInput } from '../../src-renderer/features/relay/route-form.js';
import { filtersFromParams } from '../../src-renderer/features/inbox/useDeliveries.js';
import { ConsoleError } from '../../src-renderer/transport/types.js';
import { ApiError } from '../../src-shared/contract/errors.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import type { RelayAttempt, RelayJobView, RelayRouteView } from '../../src-shared/contract/relay.js';
import { fakeTransport } from './fake-transport.js';
import { renderWith } from './render-with.js';

afterEach(cleanup);

const stats = (patch: Partial<RelayRouteView['stats']> = {}): RelayRouteView['stats'] => ({
  since: '2026-11-04T10:00:00.000Z',
  attempts: 10,
  succeeded: 10,
  successRate: 1,
  p50LatencyMs: 12,
  p95LatencyMs: 40,
  queueDepth: 0,
  oldestPendingAt: null,
  deadLetters: 0,
  lastAttemptAt: '2026-11-05T09:59:00.000Z',
  lastError: null,
  health: 'ok',
  healthReason: '10 of 10 tries accepted in the last 24 hours.',
  ...patch,
});

const route = (patch: Partial<RelayRouteView> = {}): RelayRouteView => ({
  id: 'rlr_1',
  provider: 'instap',
  label: null,
  path: '/webhooks/instap',
  url: 'http://127.0.0.1:3000/hooks',
  mode: 'passthrough',
  timeoutMs: 10_000,
  concurrency: 8,
  schedule: { kind: 'default' },
  scheduleWords: '10 s, … (29 tries over 23.4 h)',
  simulate: null,
  paused: false,
  pausedAt: null,
  productionLike: null,
  providerRetries: 'Instap: every 3 minutes for a day until a 200–204 (481 tries in all).',
  warnings: [],
  createdAt: '2026-11-05T09:00:00.000Z',
  updatedAt: '2026-11-05T09:00:00.000Z',
  stats: stats(),
  ...patch,
});

const delivery = {
  id: 'dlv_1',
  provider: 'instap',
  receivedAt: '2026-11-05T10:00:00.000Z',
  rejected: null,
  duplicateOf: null,
  duplicates: ['dlv_2'],
  providerRetry: {
    state: 'arrived',
    nextAt: '2026-11-05T10:03:00.000Z',
    attempt: 2,
    of: 481,
    gaveUp: false,
    retryDeliveryId: 'dlv_2',
    retryArrivedAt: '2026-11-05T10:03:02.000Z',
    answeredStatus: 502,
    note: null,
  },
} as unknown as DeliveryDetail;

const job: RelayJobView = {
  id: 'rjb_1',
  deliveryId: 'dlv_1',
  routeId: 'rlr_1',
  mode: 'passthrough',
  state: 'failed',
  attempts: 1,
  maxAttempts: 1,
  runAt: null,
  lastError: 'connection refused by 127.0.0.1:3000: nothing is listening there',
  locked: false,
  createdAt: delivery.receivedAt,
  finishedAt: delivery.receivedAt,
  answeredStatus: 502,
  answeredAt: '2026-11-05T10:00:00.050Z',
};

const attempt: RelayAttempt = {
  id: 'rla_1',
  deliveryId: 'dlv_1',
  jobId: 'rjb_1',
  routeId: 'rlr_1',
  mode: 'passthrough',
  url: 'http://127.0.0.1:3000/hooks',
  number: 1,
  startedAt: delivery.receivedAt,
  finishedAt: delivery.receivedAt,
  durationMs: 3,
  outcome: 'failed',
  response: null,
  error: job.lastError,
  sentHeaders: [['Authorization', 'Bearer ••••abcd']],
};

describe('relay hops panel', () => {
  it('shows what the provider got, when it retried (linked), and each backend try; retries by hand', async () => {
    const fake = fakeTransport({
      'relay.attempts': () => ({ job, route: route(), attempts: [attempt] }),
      'relay.retry': () => ({ retried: 1, skipped: 0, reasons: [] }),
    });
    renderWith(fake.transport, <RelayHopsPanel delivery={delivery} />);
    await screen.findByText(/Answered HTTP 502 at .* \(Gatewatch's own: the backend could not be reached\)\./);
    expect(screen.getByTestId('provider-retry').textContent).toMatch(/^Instap retried at .* \(try 2 of 481, expected around .*\)\. Open the retry$/);
    expect(screen.getByRole('link', { name: 'Open the retry' }).getAttribute('href')).toBe('#/deliveries/dlv_2');
    expect(screen.getAllByText(/connection refused by 127\.0\.0\.1:3000/)).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Retry now (one try)' }));
    await waitFor(() => expect(fake.calls.find((c) => c.name === 'relay.retry')?.input).toEqual({ deliveryId: 'dlv_1' }));
  });

  it('shows nothing for a delivery that was neither relayed nor refused', async () => {
    const fake = fakeTransport({ 'relay.attempts': () => ({ job: null, route: null, attempts: [] }) });
    const { container } = renderWith(fake.transport, <RelayHopsPanel delivery={{ ...delivery, providerRetry: null }} />);
    await waitFor(() => expect(fake.calls).toHaveLength(1));
    expect(container.textContent).toBe('');
  });
});

describe('relay routes on the dashboard', () => {
  it('marks a failing route and links its dead letters to the inbox', async () => {
    const failing = route({
      stats: stats({ health: 'failing', healthReason: "The backend's last 3 tries failed: connection refused.", successRate: 0.25, deadLetters: 4 }),
    });
    const fake = fakeTransport({
      'relay.routes.list': () => ({ routes: [failing, route({ id: 'rlr_2', path: '/webhooks/paychant', provider: 'paychant' })] }),
    });
    renderWith(fake.transport, <RelayRoutesCard />);
    const card = await screen.findByRole('article', { name: 'Route /webhooks/instap' });
    expect(card.querySelector('[data-health]')!.textContent).toBe('failing');
    expect(card.textContent).toContain('25.0 %');
    expect(screen.getByRole('link', { name: '4' }).getAttribute('href')).toBe('#/inbox?relay=failed&provider=instap');
    expect(screen.getByRole('article', { name: 'Route /webhooks/paychant' }).querySelector('[data-health]')!.textContent).toBe('healthy');
  });

  it("retries a route's dead letters in bulk", async () => {
    const failing = route({ stats: stats({ health: 'failing', deadLetters: 4 }) });
    const fake = fakeTransport({ 'relay.routes.list': () => ({ routes: [failing] }), 'relay.retry': () => ({ retried: 4, skipped: 0, reasons: [] }) });
    renderWith(fake.transport, <RelayRoutesCard />);
    fireEvent.click(await screen.findByRole('button', { name: 'Retry all 4 dead letters (one try each)' }));
    await screen.findByText('4 sent again.');
    expect(fake.calls.find((c) => c.name === 'relay.retry')?.input).toEqual({ filter: { routeId: 'rlr_1' } });
  });
});

describe('relay settings', () => {
  it('asks before relaying to a production-like host, then saves with confirm', async () => {
    const saved: unknown[] = [];
    const fake = fakeTransport({
      'relay.routes.list': () => ({ routes: [] }),
      'relay.routes.save': (input: { confirm?: boolean }) => {
        saved.push(input);
        if (!input.confirm)
          throw new ConsoleError(new ApiError('conflict', 'Confirm relaying to https://api.paychant.com/x: it looks like Paychant’s production API.').toBody());
        return route();
      },
    });
    renderWith(fake.transport, <RelayRoutesSettings />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a relay route' }));
    fireEvent.change(screen.getByLabelText('Destination URL'), { target: { value: 'https://api.paychant.com/x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save route' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('Confirm relaying to https://api.paychant.com/x');
    fireEvent.click(screen.getByRole('button', { name: 'Save and relay' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]).toMatchObject({ provider: 'paychant', url: 'https://api.paychant.com/x', mode: 'passthrough', confirm: true });
  });
});

describe('relay form and filters', () => {
  it('turns the form into a save input, or says what is wrong', () => {
    const form = { ...routeForm(), url: 'http://127.0.0.1:3000/h', mode: 'queue' as const, schedule: 'custom' as const, customDelays: '5, 60 600' };
    expect(routeSaveInput(form)).toEqual({
      input: {
        provider: 'paychant',
        label: null,
        url: 'http://127.0.0.1:3000/h',
        mode: 'queue',
        timeoutMs: 10_000,
        concurrency: 8,
        schedule: { kind: 'custom', delaysS: [5, 60, 600] },
        confirm: false,
      },
    });
    expect(routeSaveInput({ ...form, customDelays: '5, soon' })).toEqual({ error: 'Custom delays are whole seconds from 1 to 86400, separated by commas.' });
    const simulate = routeSaveInput({ ...form, mode: 'simulate', simFailNext: '2', simStatus: '500' });
    expect('input' in simulate && simulate.input.simulate).toEqual({ status: 500, body: '', delayMs: 0, failNext: 2, noAnswer: false });
  });

  it('reads the relay filter from the route, dropping values the API would refuse', () => {
    expect(filtersFromParams(new URLSearchParams('relay=failed'))).toEqual({ relay: 'failed' });
    expect(filtersFromParams(new URLSearchParams('relay=lost'))).toEqual({});
  });
});
