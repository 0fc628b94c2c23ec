/** Issue 13: what the delivery view shows of the provider-fidelity additions (warnings, environment, times, reasons, balances, currencies). */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { VerificationPanel } from '../../src-renderer/features/delivery/VerificationPanel.js';
import type { DeliveryDetail } from '../../src-shared/domain/delivery.js';
import type { NormalizedEvent } from '../../src-shared/domain/normalized.js';

/** A Paychant delivery (seed 004's example event) with the normalized fields given. */
function paychantDetail(normalized: Partial<NormalizedEvent>): DeliveryDetail {
  return {
    id: 'dlv_1', provider: 'paychant', label: null, receivedAt: '2026-11-05T12:00:00.000Z', method: 'POST', path: '/webhooks/paychant',
    size: 10, eventType: 'CREATED', verification: 'valid', status: 'created', amount: null, reference: null, parseError: null,
    duplicateOf: null, rejected: null, query: '', headers: [], body: '{}', bodyBase64: '', remoteAddress: null, forwarded: null,
    eventId: null, verificationResult: { status: 'valid', candidatesTried: [] }, correlationKeys: [], schemaIssues: [], duplicates: [],
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
