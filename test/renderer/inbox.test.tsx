// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TransportProvider } from '../../src-renderer/transport/context.js';
import { InboxPage } from '../../src-renderer/features/inbox/InboxPage.js';
import type { DeliverySummary } from '../../src-shared/domain/delivery.js';
import { fakeTransport } from './fake-transport.js';

afterEach(cleanup);

// happy-dom does no layout: give elements a viewport-sized box so the virtualized list renders rows.
beforeAll(() => {
  Element.prototype.getBoundingClientRect = () =>
    ({ x: 0, y: 0, top: 0, left: 0, right: 1200, bottom: 800, width: 1200, height: 800, toJSON: () => ({}) }) as DOMRect;
  for (const [name, value] of [
    ['clientHeight', 800],
    ['clientWidth', 1200],
    ['offsetHeight', 800],
    ['offsetWidth', 1200],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
  }
});

const summary = (id: string, extra: Partial<DeliverySummary> = {}): DeliverySummary => ({
  id,
  provider: 'paychant',
  label: null,
  receivedAt: new Date().toISOString(),
  method: 'POST',
  path: '/webhooks/paychant',
  size: 120,
  eventType: 'PAYMENT_COMPLETED',
  verification: 'valid',
  status: 'completed',
  amount: { value: '170.00', currency: 'NGN' },
  reference: 'pid-1',
  parseError: null,
  duplicateOf: null,
  rejected: null,
  ...extra,
});

function renderInbox(transport: ReturnType<typeof fakeTransport>['transport'], params = new URLSearchParams()) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <TransportProvider transport={transport}>
        <InboxPage params={params} />
      </TransportProvider>
    </QueryClientProvider>,
  );
}

describe('InboxPage', () => {
  it('shows the empty state with the listener URL', async () => {
    const fake = fakeTransport({
      'deliveries.list': () => ({ items: [], total: 0, totalIsEstimate: false, nextCursor: null }),
      'listener.status': () => ({ urls: [{ provider: 'paychant', localUrl: 'http://127.0.0.1:8787/webhooks/paychant', publicUrl: null }] }),
    });
    renderInbox(fake.transport);
    await screen.findByText(/No deliveries yet/);
    await screen.findByText(/127\.0\.0\.1:8787\/webhooks\/paychant/);
  });

  it('passes the route filters to the call and refetches when a delivery is pushed', async () => {
    let items = [summary('dlv_1')];
    const fake = fakeTransport({
      'deliveries.list': () => ({ items, total: items.length, totalIsEstimate: false, nextCursor: null }),
    });
    renderInbox(fake.transport, new URLSearchParams('provider=paychant&q=pid-1'));
    await screen.findByText('pid-1');
    expect(fake.calls[0]!.input).toMatchObject({ provider: 'paychant', q: 'pid-1' });
    // Local time in the row, UTC on hover.
    expect(document.querySelector('time')!.getAttribute('title')).toMatch(/UTC/);
    // The exact decimal string is shown, never a re-printed float.
    expect(screen.getByText('170.00 NGN')).toBeTruthy();
    items = [summary('dlv_2', { reference: 'pid-2', verification: 'invalid' }), ...items];
    act(() => fake.push({ type: 'deliveries.received', ids: ['dlv_2'] }));
    await screen.findByText('pid-2');
    await waitFor(() => expect(screen.getByText('Signature invalid')).toBeTruthy());
  });

  it('shows an error state when the call fails', async () => {
    const fake = fakeTransport({
      'deliveries.list': () => {
        throw new Error('The console answered HTTP 500.');
      },
    });
    renderInbox(fake.transport);
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toContain('HTTP 500');
  });
});
