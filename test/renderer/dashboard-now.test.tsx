// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { DashboardPage } from '../../src-renderer/features/dashboard/DashboardPage.js';
import { bucketWords, seriesLabel } from '../../src-renderer/features/dashboard/chart-model.js';
import type { DashboardNow } from '../../src-shared/contract/dashboard-now.js';
import type { DashboardGetOutput } from '../../src-shared/contract/timeline.js';
import { fakeTransport } from './fake-transport.js';
import { renderWith } from './render-with.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const at = Date.UTC(2026, 10, 5, 13, 0);
const ago = (minutes: number) => new Date(at - minutes * 60_000).toISOString();

const now = (relay: number | null = null): DashboardNow => ({
  at: new Date(at).toISOString(),
  failuresSince: ago(60),
  replaysSince: ago(24 * 60),
  stuckAfterMs: 3_600_000,
  stuckWindowSince: ago(48 * 60),
  providers: [
    {
      provider: 'paychant',
      lastDeliveryAt: ago(3),
      failedSignatures: 2,
      failedReplays: 1,
      failedRelays: relay,
      stuck: {
        count: 5,
        oldest: [
          { reference: 'STUCK-1', status: 'pending', lastEventAt: ago(185) },
          { reference: 'HOLD-7', status: 'compliance_hold', lastEventAt: ago(130) },
          { reference: 'CONF-2', status: 'confirming', lastEventAt: ago(70) },
        ],
      },
    },
    {
      provider: 'instap',
      lastDeliveryAt: null,
      failedSignatures: 0,
      failedReplays: 0,
      failedRelays: relay === null ? null : 0,
      stuck: { count: 0, oldest: [] },
    },
  ],
});

/** 15-minute buckets; the newest holds 3 Paychant deliveries and 1 InstaXchange one on compliance hold. */
const dashboard: DashboardGetOutput = {
  range: '24h',
  from: ago(24 * 60 - 15),
  to: new Date(at + 15 * 60_000).toISOString(),
  bucketSeconds: 900,
  buckets: Array.from({ length: 96 }, (_, i) => ({
    start: new Date(at - (95 - i) * 900_000).toISOString(),
    total: i === 95 ? 4 : 0,
    byProvider: (i === 95 ? { paychant: 3, instaxchange: 1 } : {}) as Record<string, number>,
    byStatus: (i === 95 ? { completed: 3, compliance_hold: 1 } : {}) as Record<string, number>,
  })),
  totals: { deliveries: 4, byProvider: { paychant: 3, instaxchange: 1 }, byStatus: { completed: 3, compliance_hold: 1 } },
  verification: { byStatus: { valid: 1, 'no-secret': 2, unsigned: 1 }, failureRate: 0 },
};

const listener = {
  listening: true,
  rateLimit: null,
  protection: { maxConnections: 4096, maxConnectionsPerAddress: 64, inFlightBytesLimit: 1, inFlightBytes: 0, connectionsRefused: 0, refusalsNotRecorded: 0 },
  storage: null,
  localBaseUrl: 'http://127.0.0.1:8787',
  publicBaseUrl: null,
  publicBaseUrlSource: null,
  urls: [],
};

function renderDashboard(relay: number | null = null) {
  vi.useFakeTimers({ now: at, toFake: ['Date'] });
  const fake = fakeTransport({ 'dashboard.now': () => now(relay), 'dashboard.get': () => dashboard, 'listener.status': () => listener });
  return { fake, ...renderWith(fake.transport, <DashboardPage />) };
}

const query = (href: string | null) => Object.fromEntries(new URLSearchParams(href!.split('?')[1]));

describe('the dashboard right now', () => {
  it('says per provider since when it is quiet, what failed and which payments are stuck, each a link', async () => {
    renderDashboard();
    const table = (await screen.findByText('Right now')).closest('section')!.querySelector('table')!;
    const paychant = within(table).getByRole('row', { name: /Paychant/ });
    expect(within(paychant).getByRole('link', { name: '3 min ago' }).getAttribute('href')).toBe('#/inbox?provider=paychant');
    const failed = within(paychant).getByRole('link', { name: '2 failed signatures' });
    expect(query(failed.getAttribute('href'))).toEqual({ provider: 'paychant', verification: 'invalid', since: ago(60) });
    expect(within(paychant).getByRole('link', { name: '1 failed replay' }).getAttribute('href')).toBe('#/replay');
    expect(within(paychant).getByRole('link', { name: 'STUCK-1: pending for 3 h' }).getAttribute('href')).toBe('#/timeline/STUCK-1');
    expect(within(paychant).getByRole('link', { name: 'HOLD-7: compliance hold for 2 h' })).toBeTruthy();
    const more = within(paychant).getByRole('link', { name: 'and 2 more' });
    expect(query(more.getAttribute('href'))).toEqual({ provider: 'paychant', since: ago(48 * 60), until: ago(60) });
    const instap = within(table).getByRole('row', { name: /Instap/ });
    expect(instap.className).toBe('quiet');
    expect(instap.textContent).toContain('none yet');
  });

  it('adds failed relay attempts once relay reports them', async () => {
    renderDashboard(4);
    expect(await screen.findByRole('link', { name: '1 failed replay, 4 failed relay attempts' })).toBeTruthy();
  });

  it('makes every bar a link to its time span in the inbox, each segment to its provider, with readable legend labels', async () => {
    const { container } = renderDashboard();
    const chart = await screen.findByRole('group', { name: /Deliveries per 15 minutes, by provider/ });
    const newest = chart.querySelector(`[data-bucket="${new Date(at).toISOString()}"]`)!;
    const column = newest.querySelector('a.chart-column')!;
    expect(query(column.getAttribute('href'))).toEqual({ since: new Date(at).toISOString(), until: new Date(at + 900_000 - 1).toISOString() });
    expect(column.getAttribute('aria-label')).toMatch(/4 deliveries, Paychant 3, InstaXchange 1/);
    const segments = [...newest.querySelectorAll('a.chart-segment')].map((a) => query(a.getAttribute('href')).provider);
    expect(segments).toEqual(['paychant', 'instaxchange']);
    expect(container.querySelector('.chart-legend')!.textContent).toBe('Paychant 3InstaXchange 1');
    expect(within(screen.getByRole('combobox', { name: 'Range' })).getByRole('option', { name: 'Last hour' })).toBeTruthy();
  });

  it('splits "not checked" into a missing secret (configuration) and unsigned deliveries (security)', async () => {
    renderDashboard();
    await screen.findByRole('link', { name: 'Settings' });
    expect(screen.getByTestId('stat-no-secret').textContent).toBe('2');
    expect(screen.getByTestId('stat-unsigned').textContent).toBe('1');
    const cards = screen.getAllByRole('link', { name: 'show them' }).map((a) => query(a.getAttribute('href')).verification);
    expect(cards).toEqual(['no-secret', 'unsigned']);
    expect(document.body.textContent).toContain('Configuration: add the webhook secret under Settings');
    expect(document.body.textContent).toContain('Security: they carry no signature');
  });

  it('labels series as a person reads them', () => {
    expect(seriesLabel('byStatus', 'compliance_hold')).toBe('compliance hold');
    expect(seriesLabel('byStatus', 'none')).toBe('no status yet');
    expect(seriesLabel('byProvider', 'openxswitch')).toBe('OpenXSwitch');
    expect([60, 900, 3600, 21_600, 86_400].map(bucketWords)).toEqual(['minute', '15 minutes', 'hour', '6 hours', 'day']);
  });
});
