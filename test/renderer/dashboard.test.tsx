// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { DashboardPage } from '../../src-renderer/features/dashboard/DashboardPage.js';
import type { DashboardGetOutput } from '../../src-shared/contract/timeline.js';
import { fakeTransport } from './fake-transport.js';
import { renderWith } from './render-with.js';

afterEach(cleanup);

const dashboard = (range: string): DashboardGetOutput => ({
  range: range as DashboardGetOutput['range'],
  from: '2026-11-04T13:00:00.000Z',
  to: '2026-11-05T13:00:00.000Z',
  bucketSeconds: 3600,
  buckets: Array.from({ length: 24 }, (_, i) => ({
    start: new Date(Date.UTC(2026, 10, 4, 13 + i)).toISOString(),
    total: i === 23 ? 5 : i === 10 ? 2 : 0,
    byProvider: (i === 23 ? { paychant: 3, calypso: 2 } : i === 10 ? { paychant: 2 } : {}) as Record<string, number>,
    byStatus: (i === 23 ? { completed: 4, failed: 1 } : i === 10 ? { pending: 2 } : {}) as Record<string, number>,
  })),
  totals: { deliveries: 7, byProvider: { paychant: 5, calypso: 2 }, byStatus: { completed: 4, failed: 1, pending: 2 } },
  verification: { byStatus: { valid: 3, invalid: 1, unsigned: 3 }, failureRate: 0.25 },
});

const nothingNow = () => ({
  at: '2026-11-05T13:00:00.000Z',
  failuresSince: '2026-11-05T12:00:00.000Z',
  replaysSince: '2026-11-04T13:00:00.000Z',
  stuckAfterMs: 3_600_000,
  stuckWindowSince: '2026-11-03T13:00:00.000Z',
  providers: [],
});

const protection = {
  maxConnections: 4096,
  maxConnectionsPerAddress: 64,
  inFlightBytesLimit: 67108864,
  inFlightBytes: 0,
  connectionsRefused: 0,
  refusalsNotRecorded: 0,
};
const storage = (usedBytes: number, quotaBytes: number | null, level: 'ok' | 'near' | 'full', refusing: string | null = null) => ({
  usedBytes,
  quotaBytes,
  diskFreeBytes: 80 * 1024 ** 3,
  diskTotalBytes: 250 * 1024 ** 3,
  minFreeDiskBytes: 1024 ** 3,
  level,
  refusing,
  checkedAt: '2026-11-05T13:00:00.000Z',
});

const listener = {
  listening: true,
  rateLimit: { perSecond: 50, burst: 200 },
  protection,
  storage: storage(12 * 1024 ** 2, null, 'ok'),
  localBaseUrl: 'http://127.0.0.1:8787',
  publicBaseUrl: 'https://abc.ngrok-free.app',
  publicBaseUrlSource: 'ngrok',
  urls: [
    { provider: 'paychant', localUrl: 'http://127.0.0.1:8787/webhooks/paychant', publicUrl: 'https://abc.ngrok-free.app/webhooks/paychant' },
    { provider: 'calypso', localUrl: 'http://127.0.0.1:8787/webhooks/calypso', publicUrl: 'https://abc.ngrok-free.app/webhooks/calypso' },
  ],
};

/** Without relay routes the dashboard is as it was. */
const noRoutes = () => ({ routes: [] });

describe('DashboardPage', () => {
  it('draws the counts as stacked bars, the failure rate, and the URLs to configure', async () => {
    const fake = fakeTransport({
      'dashboard.now': nothingNow,
      'dashboard.get': (input) => dashboard(input?.range ?? '24h'),
      'listener.status': () => listener,
      'relay.routes.list': noRoutes,
    });
    const { container } = renderWith(fake.transport, <DashboardPage />);
    await screen.findByRole('group', { name: /Deliveries per hour, by provider/ });
    expect(container.querySelectorAll('rect.chart-bar')).toHaveLength(3); // 2 + 1 segments
    expect(container.querySelector('.chart-legend')!.textContent).toContain('Paychant 5');
    expect(screen.getByTestId('stat-failure-rate').textContent).toBe('25.0 %');
    expect(screen.getByRole('link', { name: '1 failed of 4 checked' }).getAttribute('href')).toContain('verification=invalid');
    await screen.findByText('https://abc.ngrok-free.app/webhooks/calypso');
    expect(screen.getByText('listening')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'By status' }));
    await screen.findByRole('group', { name: /by status/ });
    expect(container.querySelectorAll('rect.chart-bar')).toHaveLength(3);
    expect(container.querySelector('.chart-legend')!.textContent).toContain('completed 4');

    fireEvent.change(screen.getByRole('combobox', { name: 'Range' }), { target: { value: '30d' } });
    await waitFor(() => expect(fake.calls.filter((c) => c.name === 'dashboard.get').map((c) => c.input)).toContainEqual({ range: '30d' }));
  });

  it('shows an error state in the chart when the call fails', async () => {
    const fake = fakeTransport({
      'dashboard.now': nothingNow,
      'dashboard.get': () => Promise.reject(new Error('The console answered HTTP 500.')),
      'listener.status': () => listener,
      'relay.routes.list': noRoutes,
    });
    renderWith(fake.transport, <DashboardPage />);
    expect((await screen.findByRole('alert')).textContent).toContain('HTTP 500');
  });

  it('says in words how full the storage is, warns near the quota, and says when deliveries are refused', async () => {
    let status: object = { ...listener, storage: storage(1.7 * 1024 ** 3, 2 * 1024 ** 3, 'near'), protection: { ...protection, connectionsRefused: 1036 } };
    const fake = fakeTransport({
      'dashboard.now': nothingNow,
      'dashboard.get': (input) => dashboard(input?.range ?? '24h'),
      'listener.status': () => status,
      'relay.routes.list': noRoutes,
    });
    renderWith(fake.transport, <DashboardPage />);
    const line = await screen.findByTestId('listener-storage');
    expect(line.textContent).toContain('Storage 85% of quota: 1.7 GiB of 2.0 GiB · 80.0 GiB free on disk');
    expect(line.textContent).toContain('nearly full');
    expect(screen.getByText(/once full, new deliveries are refused \(HTTP 507\)/).getAttribute('role')).toBe('status');
    expect(screen.getByText(/Per sender: 64 connections, 50 requests a second \(bursts of 200\)\. Since start: 1,036 connections/)).toBeTruthy();

    status = { ...listener, storage: storage(2.1 * 1024 ** 3, 2 * 1024 ** 3, 'full', 'Storage quota reached: the store takes 2.1 GiB of its 2.0 GiB quota.') };
    fake.push({ type: 'deliveries.received', ids: ['dlv_1'] });
    const alert = await screen.findByText(/New deliveries are refused \(HTTP 507\): Storage quota reached/);
    expect(alert.getAttribute('role')).toBe('alert');
    expect(screen.getByTestId('listener-storage').textContent).toContain('refusing');
  });
});
