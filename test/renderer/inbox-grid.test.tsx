// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { InboxPage } from '../../src-renderer/features/inbox/InboxPage.js';
import { TransportProvider } from '../../src-renderer/transport/context.js';
import type { DeliverySummary } from '../../src-shared/domain/delivery.js';
import { fakeTransport } from './fake-transport.js';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

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

const summary = (id: string): DeliverySummary => ({
  id,
  provider: 'paychant',
  label: null,
  receivedAt: '2026-11-05T10:00:00.000Z',
  method: 'POST',
  path: '/webhooks/paychant',
  size: 120,
  eventType: 'PAYMENT_COMPLETED',
  verification: 'valid',
  status: 'completed',
  amount: { value: '170.00', currency: 'NGN' },
  reference: `ref-${id}`,
  parseError: null,
  duplicateOf: null,
  rejected: null,
});

const ids = ['dlv_1', 'dlv_2', 'dlv_3', 'dlv_4'];

function renderInbox(params = new URLSearchParams()) {
  const fake = fakeTransport({ 'deliveries.list': () => ({ items: ids.map(summary), total: ids.length, totalIsEstimate: false, nextCursor: null }) });
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const page = (p: URLSearchParams) => (
    <QueryClientProvider client={client}>
      <TransportProvider transport={fake.transport}>
        <InboxPage params={p} />
      </TransportProvider>
    </QueryClientProvider>
  );
  const result = render(page(params));
  return { rerender: (p: URLSearchParams) => result.rerender(page(p)) };
}

const rows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-delivery-id'));
const row = (id: string) => document.querySelector<HTMLElement>(`[data-delivery-id="${id}"]`)!;
const selectedId = () => document.querySelector('[role="row"][aria-selected="true"]')?.getAttribute('data-delivery-id');

describe('the inbox grid', () => {
  it('is an ARIA grid: a header row of column headers, then one row of cells per delivery', async () => {
    renderInbox();
    const grid = await screen.findByRole('grid', { name: 'Deliveries' });
    await screen.findByText('ref-dlv_4');
    expect(grid.getAttribute('aria-rowcount')).toBe('5');
    const [header, ...body] = within(grid).getAllByRole('row');
    expect(
      within(header!)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Provider',
      'Event',
      // Early: whether the rest of the row can be trusted.
      'Signature',
      'Status',
      'Amount',
      'Reference',
      'Received',
      'Size',
    ]);
    expect(header!.getAttribute('aria-rowindex')).toBe('1');
    expect(body.map((r) => r.getAttribute('aria-rowindex'))).toEqual(['2', '3', '4', '5']);
    expect(within(body[0]!).getAllByRole('gridcell')).toHaveLength(8);
    expect(within(body[0]!).getByRole('gridcell', { name: /170\.00 NGN/ })).toBeTruthy();
  });

  it('puts only the selected row in the Tab order (roving tabindex)', async () => {
    renderInbox();
    await screen.findByText('ref-dlv_4');
    const tabbable = () =>
      rows()
        .filter((r) => r.tabIndex === 0)
        .map((r) => r.getAttribute('data-delivery-id'));
    expect(tabbable()).toEqual(['dlv_1']);
    expect(rows().every((r) => r.tabIndex === 0 || r.tabIndex === -1)).toBe(true);
    fireEvent.keyDown(window, { key: 'j' });
    await waitFor(() => expect(tabbable()).toEqual(['dlv_2']));
    // Moved from outside the grid: the focus stays where it was.
    expect(document.activeElement).toBe(document.body);
  });

  it('moves the focus with the selection when the keys are pressed on a row, and opens the focused row with Enter', async () => {
    renderInbox();
    await screen.findByText('ref-dlv_4');
    row('dlv_1').focus();
    fireEvent.keyDown(row('dlv_1'), { key: 'j' });
    await waitFor(() => expect(document.activeElement).toBe(row('dlv_2')));
    expect(selectedId()).toBe('dlv_2');
    fireEvent.keyDown(row('dlv_2'), { key: 'End' });
    await waitFor(() => expect(document.activeElement).toBe(row('dlv_4')));
    fireEvent.keyDown(row('dlv_4'), { key: 'ArrowUp' });
    await waitFor(() => expect(document.activeElement).toBe(row('dlv_3')));
    fireEvent.keyDown(row('dlv_3'), { key: 'Home' });
    await waitFor(() => expect(document.activeElement).toBe(row('dlv_1')));
    fireEvent.keyDown(row('dlv_1'), { key: 'Enter' });
    expect(window.location.hash).toBe('#/deliveries/dlv_1');
  });

  it('starts again at the first row when the filters change', async () => {
    const { rerender } = renderInbox();
    await screen.findByText('ref-dlv_4');
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'j' });
    await waitFor(() => expect(selectedId()).toBe('dlv_3'));
    rerender(new URLSearchParams('provider=paychant'));
    await waitFor(() => expect(selectedId()).toBe('dlv_1'));
  });

  it('leaves j to a search being typed', async () => {
    renderInbox();
    await screen.findByText('ref-dlv_4');
    const search = screen.getByRole('searchbox', { name: 'Search deliveries' });
    search.focus();
    fireEvent.keyDown(search, { key: 'j' });
    expect(selectedId()).toBe('dlv_1');
  });
});
