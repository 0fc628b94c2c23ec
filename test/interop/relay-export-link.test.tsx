// @vitest-environment happy-dom
/** The delivery view's relay section links its tries to serve mode's export (HAR), as the inbox links its filter. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { RelayHopsPanel } from '../../src-renderer/features/relay/RelayHopsPanel.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import type { RelayAttempt, RelayJobView } from '../../src-shared/contract/relay.js';
import { fakeTransport } from '../renderer/fake-transport.js';
import { renderWith } from '../renderer/render-with.js';

afterEach(cleanup);

const delivery = {
  id: 'dlv_1',
  provider: 'paychant',
  receivedAt: '2026-11-05T10:00:00.000Z',
  rejected: null,
  providerRetry: null,
} as unknown as DeliveryDetail;

const job: RelayJobView = {
  id: 'rjb_1',
  deliveryId: 'dlv_1',
  routeId: 'rlr_1',
  mode: 'queue',
  state: 'delivered',
  attempts: 1,
  maxAttempts: 3,
  runAt: null,
  lastError: null,
  locked: false,
  createdAt: delivery.receivedAt,
  finishedAt: delivery.receivedAt,
  answeredStatus: null,
  answeredAt: null,
};

const attempt: RelayAttempt = {
  id: 'rla_1',
  deliveryId: 'dlv_1',
  jobId: 'rjb_1',
  routeId: 'rlr_1',
  mode: 'queue',
  url: 'http://127.0.0.1:3000/hooks',
  number: 1,
  startedAt: delivery.receivedAt,
  finishedAt: delivery.receivedAt,
  durationMs: 3,
  outcome: 'ok',
  response: { status: 200, statusText: 'OK', headers: [], body: '{"ok":true}', bodyTruncated: false, size: 11 },
  error: null,
  sentHeaders: [],
};

describe('relay tries export link', () => {
  it("links the delivery's tries to GET /api/export as HAR in a browser", async () => {
    const fake = fakeTransport({ 'relay.attempts': () => ({ job, route: null, attempts: [attempt] }) });
    renderWith(fake.transport, <RelayHopsPanel delivery={delivery} />);
    const link = await screen.findByRole('link', { name: 'Export the tries (HAR)' });
    expect(link.getAttribute('href')).toBe('/api/export?format=har&what=relay-attempts&deliveryId=dlv_1');
    expect(link.hasAttribute('download')).toBe(true);
  });

  it('shows no link in the desktop window (no export stream there) or before any try', async () => {
    const desktop = fakeTransport({ 'relay.attempts': () => ({ job, route: null, attempts: [attempt] }) });
    const { unmount } = renderWith({ ...desktop.transport, kind: 'ipc' } as typeof desktop.transport, <RelayHopsPanel delivery={delivery} />);
    await screen.findByText('Delivered', { exact: false });
    expect(screen.queryByRole('link', { name: 'Export the tries (HAR)' })).toBeNull();
    unmount();
    const none = fakeTransport({
      'relay.attempts': () => ({ job: { ...job, state: 'pending', attempts: 0, runAt: delivery.receivedAt }, route: null, attempts: [] }),
    });
    renderWith(none.transport, <RelayHopsPanel delivery={delivery} />);
    await waitFor(() => expect(none.calls).toHaveLength(1));
    await screen.findByText('Gatewatch → backend', { exact: false });
    expect(screen.queryByRole('link', { name: 'Export the tries (HAR)' })).toBeNull();
  });
});
