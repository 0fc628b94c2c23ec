// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { DeliveryPage } from '../../src-renderer/features/delivery/DeliveryPage.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import { fakeTransport } from './fake-transport.js';
import { deliveryExport } from '../../src-renderer/features/delivery/export.js';
import { renderWith } from './render-with.js';

// The two sidebar slots belong to the sessions and replay features, tested there.
vi.mock('../../src-renderer/features/replay/DeliveryReplayPanel.js', () => ({ DeliveryReplayPanel: () => null }));
vi.mock('../../src-renderer/features/sessions/DeliverySessionActions.js', () => ({ DeliverySessionActions: () => null }));

afterEach(cleanup);

const body = '{"event":"PAYMENT_COMPLETED","data":{"pid":"8847431020","fiatAmount":170.00,"big":12345678901234567890,"nested":{"deep":"value-42"}}}';

const detail = (extra: Partial<DeliveryDetail> = {}): DeliveryDetail => ({
  id: 'dlv_9',
  provider: 'paychant',
  label: null,
  receivedAt: '2026-11-05T12:00:00.000Z',
  method: 'POST',
  path: '/webhooks/paychant',
  size: body.length,
  eventType: 'PAYMENT_COMPLETED',
  verification: 'invalid',
  status: 'completed',
  amount: { value: '170.00', currency: 'NGN' },
  reference: '8847431020',
  parseError: null,
  duplicateOf: 'dlv_1',
  rejected: null,
  query: '',
  headers: [
    ['content-type', 'application/json'],
    ['paychant-signature', 'deadbeef'],
  ],
  body,
  bodyBase64: btoa(body),
  remoteAddress: '127.0.0.1',
  forwarded: null,
  eventId: 'ev-9',
  verificationResult: {
    status: 'invalid',
    scheme: { header: 'paychant-signature', algorithm: 'HMAC-SHA512', encoding: 'hex', signedContent: 'the exact raw body' },
    candidatesTried: ['raw bytes', 'JS-style JSON'],
    diagnosis: 'No configured secret produces this signature over the exact body or any re-serialized form.',
  },
  normalized: {
    eventType: 'PAYMENT_COMPLETED',
    status: 'completed',
    providerStatus: 'PAYMENT_COMPLETED',
    direction: 'deposit',
    amounts: [{ role: 'fiat', value: '170.00', currency: 'NGN' }],
    parties: [{ role: 'user', kind: 'wallet', value: '0xCd96602dBbeE307a1d50cb074C294847aB4702FB' }],
  },
  correlationKeys: [
    { kind: 'pid', value: '8847431020' },
    { kind: 'transactionRef', value: '7CMJS1Q90GS79AA' },
  ],
  schemaIssues: [],
  duplicates: ['dlv_12'],
  ...extra,
});

function setup(d = detail(), reverified?: DeliveryDetail) {
  const fake = fakeTransport({
    'deliveries.get': () => d,
    'deliveries.reverify': () => reverified ?? d,
    'listener.status': () => ({ localBaseUrl: 'http://127.0.0.1:8787' }),
  });
  renderWith(fake.transport, <DeliveryPage id={d.id} />);
  return fake;
}

describe('DeliveryPage', () => {
  it('shows the body as a collapsible tree with numbers exactly as received', async () => {
    setup();
    const tree = await screen.findByTestId('delivery-body');
    expect(tree.textContent).toContain('"fiatAmount": 170.00');
    expect(tree.textContent).toContain('"big": 12345678901234567890');
    expect(tree.textContent).toContain('"deep": "value-42"');
    const toggles = screen.getAllByRole('button', { name: 'Collapse' });
    fireEvent.click(toggles[1]!); // the "data" object
    expect(tree.textContent).not.toContain('value-42');
    expect(tree.textContent).toContain('… 4 keys');
    fireEvent.click(screen.getByRole('button', { name: 'Expand' }));
    expect(tree.textContent).toContain('value-42');
    fireEvent.click(screen.getByRole('tab', { name: 'raw' }));
    expect(screen.getByTestId('delivery-body').textContent).toBe(body);
  });

  it('explains a failed signature in words, with the recipe and what to do, and verifies again on request', async () => {
    const fake = setup(
      detail(),
      detail({
        verification: 'valid',
        verificationResult: { status: 'valid', candidatesTried: ['raw bytes'], matched: 'raw bytes', secretLabel: 'production' },
      }),
    );
    const panel = await screen.findByRole('region', { name: 'Signature verification' });
    expect(panel.textContent).toContain('The signature in the paychant-signature header does not match');
    expect(panel.textContent).toContain('No configured secret produces this signature');
    expect(panel.textContent).toContain('HMAC-SHA512, hex');
    expect(screen.getByRole('list', { name: 'What to do' }).textContent).toContain('sandbox and production secrets differ');
    fireEvent.click(screen.getByRole('button', { name: 'Verify again' }));
    await waitFor(() => expect(screen.getByTestId('verification-headline').textContent).toContain('matches the “production” secret'));
    expect(fake.calls.some((c) => c.name === 'deliveries.reverify')).toBe(true);
  });

  it('links correlation keys to the payment timeline, masks parties until asked, and lists the retries', async () => {
    setup();
    const keys = await screen.findByRole('list', { name: 'Correlation keys' });
    const links = Array.from(keys.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#/timeline/8847431020', '#/timeline/7CMJS1Q90GS79AA']);
    expect(screen.getByText('0xCd96…02FB')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show parties in full' }));
    expect(screen.getByText('0xCd96602dBbeE307a1d50cb074C294847aB4702FB')).toBeTruthy();
    const duplicates = screen.getByRole('region', { name: 'Retries and duplicates' });
    expect(duplicates.querySelector('a[href="#/deliveries/dlv_1"]')).toBeTruthy();
    expect(duplicates.querySelector('a[href="#/deliveries/dlv_12"]')).toBeTruthy();
  });

  it('copies the request as cURL with the signature header', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void written.push(text) } });
    setup();
    await screen.findByRole('button', { name: 'Copy as cURL' });
    fireEvent.click(screen.getByRole('button', { name: 'Copy as cURL' }));
    await waitFor(() => expect(written).toHaveLength(1));
    expect(written[0]).toContain("curl -X POST 'http://127.0.0.1:8787/webhooks/paychant'");
    expect(written[0]).toContain("-H 'paychant-signature: deadbeef'");
  });

  it('shows a hex view for a body that is not UTF-8, and an error state for an unknown id', async () => {
    setup(
      detail({
        body: null,
        bodyBase64: btoa(String.fromCharCode(0x7b, 0xff)),
        size: 2,
        normalized: null,
        correlationKeys: [],
        duplicateOf: null,
        duplicates: [],
      }),
    );
    const hex = await screen.findByTestId('delivery-body');
    expect(hex.textContent).toContain('7b ff');
    expect(screen.getByText('Not valid UTF-8 text: shown as bytes.')).toBeTruthy();
    cleanup();
    const fake = fakeTransport({ 'deliveries.get': () => Promise.reject(new Error('No delivery with id dlv_x.')), 'listener.status': () => ({}) });
    renderWith(fake.transport, <DeliveryPage id="dlv_x" />);
    expect((await screen.findByRole('alert')).textContent).toContain('No delivery with id dlv_x.');
  });
});

describe('DeliveryPage: credential headers', () => {
  // As deliveries.get sends them: credential values masked by the main process.
  const masked = detail({
    headers: [
      ['content-type', 'application/json'],
      ['Authorization', 'Bearer ••••wxyz'],
      ['Cookie', '••••dark'],
      ['paychant-signature', 'deadbeef'],
    ],
  });
  const clear: Array<[string, string]> = [
    ['content-type', 'application/json'],
    ['Authorization', 'Bearer prod-token-0123456789wxyz'],
    ['Cookie', 'session=prod-session-abcdef; theme=dark'],
    ['paychant-signature', 'deadbeef'],
  ];
  const clipboard = () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void written.push(text) } });
    return written;
  };
  const copyCurl = async (written: string[]) => {
    // The button reads "Copied" for a moment after each copy.
    fireEvent.click(screen.getByRole('button', { name: /^(Copy as cURL|Copied)$/ }));
    await waitFor(() => expect(written.length).toBeGreaterThan(0));
    return written.pop()!;
  };
  const row = (name: string) =>
    Array.from(document.querySelectorAll('table.headers th'))
      .find((th) => th.textContent!.startsWith(name))!
      .closest('tr')!;

  it('in a browser: shows them masked, says where they can be revealed, and the cURL says they are masked', async () => {
    const written = clipboard();
    const fake = setup(masked);
    await screen.findByText('Bearer ••••wxyz');
    expect(row('Authorization').textContent).toContain('credential · masked');
    expect(row('paychant-signature').textContent).not.toContain('credential');
    expect(screen.getByText('Credential values are masked; they can be revealed only in the desktop app.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reveal credential values' })).toBeNull();
    const command = await copyCurl(written);
    expect(command.split('\n')[0]).toBe(
      '# Gatewatch masked Authorization, Cookie: not the values received; put them in before sending (the desktop app can reveal them).',
    );
    expect(command).toContain("-H 'Authorization: Bearer ••••wxyz'");
    expect(command).toContain("-H 'paychant-signature: deadbeef'");
    expect(fake.calls.some((c) => c.name === 'deliveries.revealHeaders')).toBe(false);
  });

  it('on the desktop: reveals them on request, then the cURL carries them with no note, and hides them again', async () => {
    const written = clipboard();
    const fake = fakeTransport({
      'deliveries.get': () => masked,
      'deliveries.revealHeaders': () => ({ headers: clear }),
      'listener.status': () => ({ localBaseUrl: 'http://127.0.0.1:8787' }),
    });
    renderWith({ ...fake.transport, kind: 'ipc' }, <DeliveryPage id={masked.id} />);
    await screen.findByText('Bearer ••••wxyz');
    expect((await copyCurl(written)).startsWith('# Gatewatch masked')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Reveal credential values' }));
    await screen.findByText('Bearer prod-token-0123456789wxyz');
    expect(fake.calls.filter((c) => c.name === 'deliveries.revealHeaders')).toEqual([{ name: 'deliveries.revealHeaders', input: { id: 'dlv_9' } }]);
    expect(row('Authorization').textContent).not.toContain('masked');
    const command = await copyCurl(written);
    expect(command.startsWith('curl -X POST')).toBe(true);
    expect(command).toContain("-H 'Authorization: Bearer prod-token-0123456789wxyz'");
    expect(command).toContain("-H 'Cookie: session=prod-session-abcdef; theme=dark'");

    fireEvent.click(screen.getByRole('button', { name: 'Hide credential values' }));
    await screen.findByText('Bearer ••••wxyz');
    expect(screen.queryByText('Bearer prod-token-0123456789wxyz')).toBeNull();
    expect((await copyCurl(written)).startsWith('# Gatewatch masked')).toBe(true);
  });

  it('says why a reveal failed', async () => {
    const fake = fakeTransport({
      'deliveries.get': () => masked,
      'deliveries.revealHeaders': () => Promise.reject(new Error('Revealing credential headers is only possible in the desktop app.')),
      'listener.status': () => ({ localBaseUrl: 'http://127.0.0.1:8787' }),
    });
    renderWith({ ...fake.transport, kind: 'ipc' }, <DeliveryPage id={masked.id} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reveal credential values' }));
    expect((await screen.findByRole('alert')).textContent).toContain('only possible in the desktop app');
    expect(screen.getByText('Bearer ••••wxyz')).toBeTruthy();
  });

  it('exports JSON naming the masked headers, and none once revealed', () => {
    expect(JSON.parse(deliveryExport(masked)).maskedHeaders).toEqual(['Authorization', 'Cookie']);
    expect(JSON.parse(deliveryExport({ ...masked, headers: clear }, { credentialsMasked: false })).maskedHeaders).toEqual([]);
    expect(JSON.parse(deliveryExport(detail())).maskedHeaders).toEqual([]);
  });
});
