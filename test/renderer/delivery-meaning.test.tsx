// @vitest-environment happy-dom
/** Issue 13: what the delivery view shows of the provider-fidelity additions (warnings, environment, times, reasons, balances, currencies). */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { VerificationPanel } from '../../src-renderer/features/delivery/VerificationPanel.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import type { NormalizedEvent } from '../../src-shared/domain/normalized.js';

/** A Paychant delivery (seed 004's example event) with the normalized fields given. */
function paychantDetail(normalized: Partial<NormalizedEvent>): DeliveryDetail {
  return {
    id: 'dlv_1',
    provider: 'paychant',
    label: null,
    receivedAt: '2026-11-05T12:00:00.000Z',
    method: 'POST',
    path: '/webhooks/paychant',
    size: 10,
    eventType: 'CREATED',
    verification: 'valid',
    status: 'created',
    amount: null,
    reference: null,
    parseError: null,
    duplicateOf: null,
    rejected: null,
    query: '',
    headers: [],
    body: '{}',
    bodyBase64: '',
    remoteAddress: null,
    forwarded: null,
    eventId: null,
    verificationResult: { status: 'valid', candidatesTried: [] },
    correlationKeys: [],
    schemaIssues: [],
    duplicates: [],
    normalized: { eventType: 'CREATED', status: 'created', providerStatus: 'WIDGET.CREATED', direction: 'deposit', amounts: [], parties: [], ...normalized },
  };
}

afterEach(cleanup);

describe('VerificationPanel warnings', () => {
  it('shows a warning beside a valid signature (a sandbox event verified by the production secret)', () => {
    render(
      <VerificationPanel
        result={{
          status: 'valid',
          secretLabel: 'production',
          matched: 'raw bytes',
          candidatesTried: ['raw bytes'],
          warnings: ["the event says env 'sandbox' but it verifies with the 'production' secret: check which secret Paychant uses for each environment"],
        }}
      />,
    );
    expect(screen.getByTestId('verification-warning').textContent).toBe(
      "The event says env 'sandbox' but it verifies with the 'production' secret: check which secret Paychant uses for each environment.",
    );
  });
});

describe('NormalizedPanel', () => {
  it('shows the environment the event names', async () => {
    const { NormalizedPanel } = await import('../../src-renderer/features/delivery/NormalizedPanel.js');
    render(<NormalizedPanel delivery={paychantDetail({ environment: 'sandbox' })} />);
    expect(screen.getByTestId('event-environment').textContent).toBe('sandbox');
  });
});

describe('provider event time', () => {
  it("shows Paychant's date as received and the instant it was read as, with the assumption", async () => {
    const { NormalizedPanel } = await import('../../src-renderer/features/delivery/NormalizedPanel.js');
    render(
      <NormalizedPanel
        delivery={paychantDetail({
          eventTime: {
            field: 'data.date',
            received: '30/03/2023 - 01:46:02',
            at: '2023-03-30T01:46:02.000Z',
            note: 'day/month/year; no time zone given: read as UTC',
          },
        })}
      />,
    );
    const shown = screen.getByTestId('provider-time');
    expect(shown.querySelector('code')!.textContent).toBe('30/03/2023 - 01:46:02');
    expect(shown.querySelector('time')!.getAttribute('datetime')).toBe('2023-03-30T01:46:02.000Z');
    expect(shown.textContent).toContain('read as UTC');
    expect(shown.getAttribute('title')).toBe('Read from data.date (day/month/year; no time zone given: read as UTC)');
  });

  it('says when the time could not be read', async () => {
    const { NormalizedPanel } = await import('../../src-renderer/features/delivery/NormalizedPanel.js');
    render(<NormalizedPanel delivery={paychantDetail({ eventTime: { field: 'data.date', received: 'yesterday', at: null } })} />);
    expect(screen.getByTestId('provider-time').textContent).toBe('yesterday (not a time Gatewatch can read)');
  });

  it('shows the provider time on a timeline step', async () => {
    const { TimelineStepItem } = await import('../../src-renderer/features/timeline/TimelineStepItem.js');
    render(
      <ul>
        <TimelineStepItem
          flags={[]}
          gapMs={null}
          retries={0}
          step={{
            kind: 'delivery',
            id: 'dlv_c',
            key: 'delivery:dlv_c',
            at: '2026-11-05T12:06:00.000Z',
            title: 'PROCESSING',
            provider: 'paychant',
            status: 'confirming',
            outcome: 'ok',
            detail: null,
            amount: null,
            deliveryId: 'dlv_c',
            sessionId: null,
            statusAfter: 'confirming',
            gapMs: null,
            flags: [],
            providerTime: { field: 'data.date', received: '30/03/2023 - 01:47:10', at: '2023-03-30T01:47:10.000Z' },
          }}
        />
      </ul>,
    );
    expect(screen.getByTestId('step-provider-time').textContent).toBe('provider time: 30/03/2023 - 01:47:10');
  });
});

describe('status reason and balances', () => {
  it("shows InstaXchange's statusReason", async () => {
    const { NormalizedPanel } = await import('../../src-renderer/features/delivery/NormalizedPanel.js');
    render(<NormalizedPanel delivery={paychantDetail({ status: 'failed', statusReason: 'Do Not Honor' })} />);
    expect(screen.getByTestId('status-reason').textContent).toBe('Do Not Honor');
  });

  it("shows OpenXSwitch's balances after a swap, digits as received", async () => {
    const { NormalizedPanel } = await import('../../src-renderer/features/delivery/NormalizedPanel.js');
    render(
      <NormalizedPanel
        delivery={paychantDetail({
          balances: [
            { account: '6812b103908d2d0d49c7ff79', currency: 'USDT', balance: '9', frozen: '0', updatedAt: '2025-05-04T23:58:20.494Z' },
            { account: '6812b103908d2d0d49c7ff79', currency: 'TRX', balance: '26.043', frozen: '0', updatedAt: '2025-05-04T23:58:20.494Z' },
          ],
        })}
      />,
    );
    const trs = [...screen.getByRole('table', { name: 'Balances after' }).querySelectorAll('tbody tr')];
    expect(trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['USDT', '9', '0'],
      ['TRX', '26.043', '0'],
    ]);
    expect(trs[1]!.getAttribute('title')).toBe('Wallet 6812b103908d2d0d49c7ff79, updated 2025-05-04T23:58:20.494Z');
  });
});

describe('currencies the provider does not list', () => {
  it('marks the amount, keeping the code as received', async () => {
    const { NormalizedPanel } = await import('../../src-renderer/features/delivery/NormalizedPanel.js');
    render(
      <NormalizedPanel
        delivery={paychantDetail({
          amounts: [
            { role: 'amount', value: '0.01', currency: 'SHIB', currencyListed: false },
            { role: 'fiat', value: '31.99', currency: 'EUR' },
          ],
        })}
      />,
    );
    const marks = screen.getAllByTestId('currency-unlisted');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.parentElement!.textContent).toBe('0.01 SHIB not a currency the provider lists');
  });
});
