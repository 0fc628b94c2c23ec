// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { InboxPage } from '../../src-renderer/features/inbox/InboxPage.js';
import { DeliveryPage } from '../../src-renderer/features/delivery/DeliveryPage.js';
import { TransportProvider } from '../../src-renderer/transport/context.js';
import type { DeliveryDetail, DeliverySummary } from '../../src-shared/domain/delivery.js';
import { fakeTransport } from './fake-transport.js';

// The sidebar slots of the delivery belong to the sessions and replay features, tested there.
vi.mock('../../src-renderer/features/replay/DeliveryReplayPanel.js', () => ({ DeliveryReplayPanel: () => null }));
vi.mock('../../src-renderer/features/sessions/DeliverySessionActions.js', () => ({ DeliverySessionActions: () => null }));

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

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
  receivedAt: '2026-11-05T10:00:00.000Z',
  method: 'POST',
  path: '/webhooks/paychant',
  size: 120,
  eventType: `EVENT_${id.toUpperCase()}`,
  verification: 'valid',
  secretLabel: 'production',
  status: 'completed',
  amount: { value: '170.00', currency: 'NGN' },
  reference: `ref-${id}`,
  parseError: null,
  duplicateOf: null,
  rejected: null,
  ...extra,
});

// Newest first, as the list comes: two retries of dlv_a above it.
const items = [summary('dlv_c'), summary('dlv_r2', { duplicateOf: 'dlv_a' }), summary('dlv_b'), summary('dlv_r1', { duplicateOf: 'dlv_a' }), summary('dlv_a')];

const detail = (id: string): DeliveryDetail => ({
  ...summary(id),
  query: '',
  headers: [['content-type', 'application/json']],
  body: '{"event":"x"}',
  bodyBase64: btoa('{"event":"x"}'),
  remoteAddress: '127.0.0.1',
  forwarded: null,
  eventId: null,
  verificationResult: { status: 'valid', candidatesTried: ['raw bytes'], matched: 'raw bytes', secretLabel: 'production' },
  normalized: null,
  correlationKeys: [],
  schemaIssues: [],
  duplicates: [],
});

function setup(element: (p: URLSearchParams) => React.ReactElement, params: URLSearchParams) {
  const fake = fakeTransport({
    'deliveries.list': () => ({ items, total: items.length, totalIsEstimate: false, nextCursor: null }),
    'deliveries.get': ({ id }) => detail(id),
    'listener.status': () => ({ localBaseUrl: 'http://127.0.0.1:8787' }),
  });
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const tree = (p: URLSearchParams) => (
    <QueryClientProvider client={client}>
      <TransportProvider transport={fake.transport}>{element(p)}</TransportProvider>
    </QueryClientProvider>
  );
  const result = render(tree(params));
  return { fake, rerender: (p: URLSearchParams) => result.rerender(tree(p)) };
}

const inbox = (params = new URLSearchParams()) => setup((p) => <InboxPage params={p} />, params);
const rowIds = () => Array.from(document.querySelectorAll('[role="row"][data-delivery-id]')).map((r) => r.getAttribute('data-delivery-id'));
const routeParams = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');
const pane = () => screen.queryByTestId('inbox-pane');

describe('the inbox as a split view', () => {
  it('shows the clicked delivery in a pane beside the list; j/k move it; Escape closes it; the route keeps the selection', async () => {
    inbox(new URLSearchParams('provider=paychant'));
    await screen.findByText('ref-dlv_b');
    expect(pane()).toBeNull();
    fireEvent.click(document.querySelector('[data-delivery-id="dlv_b"]')!);
    await waitFor(() => expect(pane()!.getAttribute('data-delivery-id-shown')).toBe('dlv_b'));
    expect(await within(pane()!).findByRole('article', { name: 'Delivery dlv_b' })).toBeTruthy();
    expect(routeParams().get('selected')).toBe('dlv_b');
    expect(routeParams().get('provider')).toBe('paychant');
    // The pane offers the delivery's own page, with the view it came from.
    expect(
      within(pane()!)
        .getByRole('link', { name: /own page/ })
        .getAttribute('href'),
    ).toBe('#/deliveries/dlv_b?provider=paychant');
    fireEvent.keyDown(window, { key: 'j' });
    await waitFor(() => expect(pane()!.getAttribute('data-delivery-id-shown')).toBe('dlv_a'));
    expect(routeParams().get('selected')).toBe('dlv_a');
    await within(pane()!).findByRole('article', { name: 'Delivery dlv_a' });
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(pane()).toBeNull());
    expect(routeParams().has('selected')).toBe(false);
    // The row stays the current one.
    expect(document.querySelector('.inbox-row.selected')!.getAttribute('data-delivery-id')).toBe('dlv_a');
  });

  it('comes back with the selection of the route: the row selected and its delivery in the pane', async () => {
    inbox(new URLSearchParams('provider=paychant&selected=dlv_b'));
    await screen.findByText('ref-dlv_b');
    expect(document.querySelector('.inbox-row.selected')!.getAttribute('data-delivery-id')).toBe('dlv_b');
    expect(pane()!.getAttribute('data-delivery-id-shown')).toBe('dlv_b');
    // The selected row is the one Tab reaches.
    expect(document.querySelector<HTMLElement>('[data-delivery-id="dlv_b"]')!.tabIndex).toBe(0);
  });

  it('adopts a selection the route gets from elsewhere (back and forward), and starts again on new filters', async () => {
    const { rerender } = inbox(new URLSearchParams('selected=dlv_b'));
    await screen.findByText('ref-dlv_b');
    rerender(new URLSearchParams('selected=dlv_c'));
    await waitFor(() => expect(pane()!.getAttribute('data-delivery-id-shown')).toBe('dlv_c'));
    rerender(new URLSearchParams('status=completed'));
    await waitFor(() => expect(pane()).toBeNull());
    expect(document.querySelector('.inbox-row.selected')!.getAttribute('data-delivery-id')).toBe('dlv_c');
  });
});

describe('retries in the inbox', () => {
  it('collapses retries under their original (×2), with a toggle in the route that lists them', async () => {
    inbox();
    await screen.findByText('ref-dlv_a');
    expect(rowIds()).toEqual(['dlv_c', 'dlv_b', 'dlv_a']);
    const original = document.querySelector<HTMLElement>('[data-delivery-id="dlv_a"]')!;
    expect(within(original).getByTestId('row-retries').textContent).toBe('×2 retries');
    expect(screen.getByTestId('retries-hidden').textContent).toBe(' (2 collapsed)');
    fireEvent.click(screen.getByRole('checkbox', { name: /Show retries/ }));
    expect(routeParams().get('retries')).toBe('show');
  });

  it('lists them when the route says so, each marked as a retry, and keeps the toggle when the filters change', async () => {
    inbox(new URLSearchParams('retries=show'));
    await screen.findByText('ref-dlv_a');
    expect(rowIds()).toEqual(['dlv_c', 'dlv_r2', 'dlv_b', 'dlv_r1', 'dlv_a']);
    expect(screen.getAllByText('retry')).toHaveLength(2);
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'failed' } });
    expect(routeParams().toString()).toBe('status=failed&retries=show');
  });
});

describe('a delivery on its own page', () => {
  it('goes back to the inbox view it came from (filters and selection), and to the next and previous delivery of that list', async () => {
    setup((p) => <DeliveryPage id="dlv_b" params={p} />, new URLSearchParams('provider=paychant'));
    await screen.findByRole('article', { name: 'Delivery dlv_b' });
    const nav = screen.getByRole('navigation', { name: 'Deliveries' });
    expect(within(nav).getByRole('link', { name: '← Inbox' }).getAttribute('href')).toBe('#/inbox?provider=paychant&selected=dlv_b');
    await waitFor(() => expect(screen.getByTestId('delivery-position').textContent).toBe('2 of 3'));
    expect(
      within(nav)
        .getByRole('link', { name: /Previous/ })
        .getAttribute('href'),
    ).toBe('#/deliveries/dlv_c?provider=paychant');
    expect(within(nav).getByRole('link', { name: /Next/ }).getAttribute('href')).toBe('#/deliveries/dlv_a?provider=paychant');
    fireEvent.keyDown(window, { key: 'j' });
    expect(window.location.hash).toBe('#/deliveries/dlv_a?provider=paychant');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(window.location.hash).toBe('#/inbox?provider=paychant&selected=dlv_b');
  });
});
