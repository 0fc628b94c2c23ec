// @vitest-environment happy-dom
/** Issue 13.9: the inbox's environment filter (Paychant's data.env) goes to the route and the call. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { InboxPage } from '../../src-renderer/features/inbox/InboxPage.js';
import { filtersFromParams, paramsFromFilters } from '../../src-renderer/features/inbox/useDeliveries.js';
import { fakeTransport } from './fake-transport.js';
import { renderWith } from './render-with.js';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

beforeAll(() => {
  Element.prototype.getBoundingClientRect = () =>
    ({ x: 0, y: 0, top: 0, left: 0, right: 1200, bottom: 800, width: 1200, height: 800, toJSON: () => ({}) }) as DOMRect;
});

const empty = () => ({ items: [], total: 0, totalIsEstimate: false, nextCursor: null });

describe('inbox environment filter', () => {
  it('offers production and sandbox, and puts the choice in the route', async () => {
    const fake = fakeTransport({ 'deliveries.list': empty });
    renderWith(fake.transport, <InboxPage params={new URLSearchParams('provider=paychant')} />);
    const select = await screen.findByRole('combobox', { name: 'Environment' });
    expect([...(select as HTMLSelectElement).options].map((o) => o.value)).toEqual(['', 'production', 'sandbox']);
    fireEvent.change(select, { target: { value: 'sandbox' } });
    expect(window.location.hash).toBe('#/inbox?provider=paychant&environment=sandbox');
  });

  it('passes the route environment to deliveries.list, and drops one the API would refuse', async () => {
    const fake = fakeTransport({ 'deliveries.list': empty });
    renderWith(fake.transport, <InboxPage params={new URLSearchParams('environment=production')} />);
    await screen.findByRole('combobox', { name: 'Environment' });
    expect(fake.calls[0]!.input).toMatchObject({ environment: 'production' });
    expect(filtersFromParams(new URLSearchParams('environment=staging'))).toEqual({});
    expect(paramsFromFilters({ environment: 'sandbox' }).toString()).toBe('environment=sandbox');
  });
});
