// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { InboxPage } from '../../src-renderer/features/inbox/InboxPage.js';
import type { DeliverySummary } from '../../src-shared/domain/delivery.js';
import { fakeTransport } from './fake-transport.js';
import { renderWith } from './render-with.js';

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

const row = (id: string, reference: string): DeliverySummary => ({
  id,
  provider: 'instaxchange',
  label: null,
  receivedAt: new Date().toISOString(),
  method: 'POST',
  path: '/webhooks/instaxchange',
  size: 10,
  eventType: 'completed',
  verification: 'valid',
  status: 'completed',
  amount: null,
  reference,
  parseError: null,
  // A retry of a delivery outside the list stays listed (it is the only trace of its event).
  duplicateOf: id === 'dlv_2' ? 'dlv_0' : null,
  rejected: null,
});

const list = () => ({ items: [row('dlv_1', 'jane.doe@example.com'), row('dlv_2', 'REF-2')], total: 2, totalIsEstimate: false, nextCursor: null });

describe('inbox filters and keyboard', () => {
  it('puts every filter in the route and passes route filters to the call', async () => {
    const fake = fakeTransport({ 'deliveries.list': list });
    renderWith(fake.transport, <InboxPage params={new URLSearchParams('eventType=completed&status=completed&since=2026-11-05T00:00:00.000Z')} />);
    await screen.findByText('REF-2');
    expect(fake.calls[0]!.input).toMatchObject({ eventType: 'completed', status: 'completed', since: '2026-11-05T00:00:00.000Z' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'failed' } });
    expect(window.location.hash).toBe('#/inbox?eventType=completed&status=failed&since=2026-11-05T00%3A00%3A00.000Z');
    fireEvent.change(screen.getByRole('combobox', { name: 'Time range' }), { target: { value: 'Last hour' } });
    const since = new URLSearchParams(window.location.hash.split('?')[1]).get('since')!;
    expect(Date.now() - Date.parse(since)).toBeLessThan(3_700_000);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(window.location.hash).toBe('#/inbox');
  });

  it('masks parties in the list and marks retries', async () => {
    renderWith(fakeTransport({ 'deliveries.list': list }).transport, <InboxPage params={new URLSearchParams()} />);
    await screen.findByText('j***@example.com');
    expect(screen.queryByText('jane.doe@example.com')).toBeNull();
    expect(screen.getByTitle('Retry of dlv_0 (same event id or identical body)')).toBeTruthy();
  });

  it('moves with j/k, opens with Enter and focuses the search with /', async () => {
    renderWith(fakeTransport({ 'deliveries.list': list }).transport, <InboxPage params={new URLSearchParams()} />);
    await screen.findByText('REF-2');
    const selected = () => document.querySelector('.inbox-row.selected')!.getAttribute('data-delivery-id');
    expect(selected()).toBe('dlv_1');
    fireEvent.keyDown(window, { key: 'j' });
    await waitFor(() => expect(selected()).toBe('dlv_2'));
    fireEvent.keyDown(window, { key: 'k' });
    await waitFor(() => expect(selected()).toBe('dlv_1'));
    fireEvent.keyDown(window, { key: 'ArrowDown' });
    await waitFor(() => expect(selected()).toBe('dlv_2'));
    fireEvent.keyDown(window, { key: 'Enter' });
    expect(window.location.hash).toBe('#/deliveries/dlv_2');
    fireEvent.keyDown(window, { key: '/' });
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search deliveries' }));
  });
});
