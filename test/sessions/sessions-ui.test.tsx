// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { TransportProvider } from '../../src-renderer/transport/context.js';
import { ConsoleError } from '../../src-renderer/transport/types.js';
import { SessionsPage } from '../../src-renderer/features/sessions/SessionsPage.js';
import { SessionPage } from '../../src-renderer/features/sessions/SessionPage.js';
import { DeliverySessionActions } from '../../src-renderer/features/sessions/DeliverySessionActions.js';
import { defaultSessionSettings } from '../../src-shared/sessions/settings.js';
import type { SessionDetail } from '../../src-shared/contract/sessions.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import { fakeTransport } from '../renderer/fake-transport.js';

afterEach(cleanup);

function renderWith(transport: ReturnType<typeof fakeTransport>['transport'], node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <TransportProvider transport={transport}>{node}</TransportProvider>
    </QueryClientProvider>,
  );
}

const detail: SessionDetail = {
  id: 'ses_1',
  provider: 'instap',
  environment: 'local',
  kind: 'session',
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  outcome: 'created',
  status: 'created',
  providerState: 'NEW',
  providerSessionId: 'OP0001X99',
  links: [{ label: 'Checkout page', url: 'http://127.0.0.1:9/checkout/OP0001X99' }],
  correlationKeys: [{ kind: 'sessionToken', value: 'OP0001X99' }],
  payload: { userId: 'u-1', userName: 'Ada' },
  error: null,
  assumptions: [],
  calls: [
    {
      id: 'scl_1',
      kind: 'create',
      at: '2026-01-01T10:00:00.000Z',
      request: { method: 'POST', url: 'http://127.0.0.1:9/pgpub/session', headers: [['x-api-key', '••••2a71']], body: '{"userId":"u-1"}' },
      response: { status: 200, headers: [], body: '{"sessionToken":"OP0001X99"}', durationMs: 4 },
      ok: true,
      error: null,
      providerState: 'NEW',
      status: 'created',
    },
  ],
  fingerprint: 'f',
  linkedDeliveries: [],
  txLookups: [],
};

describe('sessions UI', () => {
  it('generates the form from the schema and shows validation errors next to their fields', async () => {
    const fake = fakeTransport({
      'sessions.settings.get': () => defaultSessionSettings(),
      'sessions.list': () => ({ items: [], nextCursor: null }),
      'sessions.create': () => {
        throw new ConsoleError({
          code: 'bad_request',
          message: 'Some fields are invalid; nothing was sent.',
          issues: [{ path: 'payload.userId', message: 'Required: 1 to 4000 characters' }],
        });
      },
    });
    renderWith(fake.transport, <SessionsPage params={new URLSearchParams()} />);
    await screen.findByText('No sessions created yet.');
    // Help text from the seed document, and the enum's choices.
    expect(screen.getByText(/Instap tracks deposit events/)).toBeTruthy();
    expect(screen.getByRole('option', { name: 'KRW' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/User name/), { target: { value: 'Ada' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(document.querySelector('[data-field-error="userId"]')?.textContent).toBe('Required: 1 to 4000 characters'));
    expect(fake.calls.find((c) => c.name === 'sessions.create')!.input).toEqual({ provider: 'instap', payload: { userName: 'Ada' }, allowDuplicate: false });
  });

  it('shows the duplicate warning from the preview and offers to send again on a conflict', async () => {
    let attempts = 0;
    const fake = fakeTransport({
      'sessions.settings.get': () => defaultSessionSettings(),
      'sessions.list': () => ({ items: [], nextCursor: null }),
      'sessions.preview': () => ({
        environment: 'local',
        request: detail.calls[0]!.request,
        link: null,
        notes: [],
        recentIdentical: [{ ...detail, createdAt: new Date().toISOString() }],
      }),
      'sessions.create': (input) => {
        attempts += 1;
        if (!input.allowDuplicate) throw new ConsoleError({ code: 'conflict', message: 'An identical instap payload was sent.' });
        return detail;
      },
    });
    renderWith(fake.transport, <SessionsPage params={new URLSearchParams()} />);
    await screen.findByText('No sessions created yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Preview request' }));
    await screen.findByTestId('duplicate-warning');
    expect(screen.getByTestId('request-body').textContent).toBe('{"userId":"u-1"}');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send again anyway' }));
    await waitFor(() => expect(attempts).toBe(2));
    expect(fake.calls.filter((c) => c.name === 'sessions.create').map((c) => (c.input as { allowDuplicate: boolean }).allowDuplicate)).toEqual([false, true]);
  });

  it('shows the token, the checkout link and the provider error in words', async () => {
    const failed = { ...detail, id: 'ses_2', outcome: 'failed' as const, error: 'Instap answered errorHmacDoesNotMatch: …' };
    const fake = fakeTransport({ 'sessions.get': ({ id }: { id: string }) => (id === 'ses_1' ? detail : failed) });
    renderWith(fake.transport, <SessionPage id="ses_1" />);
    expect((await screen.findByTestId('provider-session-id')).textContent).toBe('OP0001X99');
    expect(screen.getByTestId('session-link').getAttribute('href')).toBe('http://127.0.0.1:9/checkout/OP0001X99');
    expect(screen.getByRole('button', { name: 'Send test deposit' })).toBeTruthy();
    cleanup();
    renderWith(fake.transport, <SessionPage id="ses_2" />);
    expect((await screen.findByTestId('session-error')).textContent).toContain('errorHmacDoesNotMatch');
  });

  it('offers the withdraw tx hash lookup only for an InstaXchange delivery with a withdraw tx id', async () => {
    const fake = fakeTransport({ 'sessions.txLookups': () => ({ items: [] }) });
    const delivery = { id: 'dlv_1', provider: 'instaxchange', correlationKeys: [{ kind: 'withdrawTxId', value: 'wd_1' }] } as DeliveryDetail;
    renderWith(fake.transport, <DeliverySessionActions delivery={delivery} />);
    expect(await screen.findByRole('button', { name: 'Look up withdraw tx hash' })).toBeTruthy();
    cleanup();
    const { container } = renderWith(fake.transport, <DeliverySessionActions delivery={{ ...delivery, correlationKeys: [] }} />);
    expect(container.textContent).toBe('');
  });
});
