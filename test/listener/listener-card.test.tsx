// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { ListenerCard } from '../../src-renderer/features/dashboard/ListenerCard.js';
import { tunnelHint } from '../../src-renderer/features/dashboard/listener-words.js';
import type { ListenerStatus } from '../../src-shared/contract/listener.js';
import { renderWithTransport } from '../replay/render.js';

afterEach(cleanup);

const status = (change: { trust: boolean; untrustedForwardedFor: boolean }): ListenerStatus => ({
  listening: true,
  host: '127.0.0.1',
  port: 8787,
  localBaseUrl: 'http://127.0.0.1:8787',
  portSetting: null,
  portFixedBy: null,
  problem: null,
  publicBaseUrl: 'https://abc.ngrok-free.app',
  publicBaseUrlSource: 'setting',
  trustForwardedHeaders: change.trust,
  bodyLimitBytes: 1048576,
  rateLimit: { perSecond: 50, burst: 200 },
  protection: {
    maxConnections: 4096,
    maxConnectionsPerAddress: 64,
    inFlightBytesLimit: 67108864,
    inFlightBytes: 0,
    connectionsRefused: 0,
    untrustedForwardedFor: change.untrustedForwardedFor,
    refusalsNotRecorded: 0,
  },
  storage: null,
  urls: [],
  counts: { total: 0, byProvider: {} },
});

describe('the listener card and a tunnel not ticked as one', () => {
  it('suggests ticking "behind a tunnel" only when loopback requests carried X-Forwarded-For and it is not trusted', () => {
    expect(tunnelHint(status({ trust: false, untrustedForwardedFor: true }))).toMatch(/tick "The listener sits behind a tunnel" under Settings/);
    expect(tunnelHint(status({ trust: false, untrustedForwardedFor: false }))).toBeNull();
    expect(tunnelHint(status({ trust: true, untrustedForwardedFor: true }))).toBeNull();
  });

  it('shows the suggestion on the dashboard, with a link to Settings', async () => {
    renderWithTransport(<ListenerCard />, { 'listener.status': () => status({ trust: false, untrustedForwardedFor: true }) });
    const hint = await screen.findByText(/every sender through the tunnel counts as one/);
    expect(hint.querySelector('a')!.getAttribute('href')).toBe('#/settings');
  });

  it('says nothing of it when the listener trusts the tunnel', async () => {
    renderWithTransport(<ListenerCard />, { 'listener.status': () => status({ trust: true, untrustedForwardedFor: true }) });
    await screen.findByText(/Per sender: 64 connections/);
    expect(screen.queryByText(/every sender through the tunnel counts as one/)).toBeNull();
  });
});
