import { createHash } from 'node:crypto';
import type { Store, DerivedFields, NewDelivery } from '../../src-main/store/types.js';
import type { DeliveryProvider } from '../../src-shared/domain/provider.js';
import type { CorrelationKey, NormalizedStatus, Amount } from '../../src-shared/domain/normalized.js';
import type { VerificationStatus } from '../../src-shared/domain/verification.js';

export interface SeedDelivery {
  id: string;
  provider?: DeliveryProvider;
  receivedAt: string;
  eventType?: string;
  eventId?: string;
  status?: NormalizedStatus;
  verification?: VerificationStatus;
  diagnosis?: string;
  amounts?: Amount[];
  keys?: CorrelationKey[];
  body?: string;
}

/** Stores deliveries with their derived fields as the pipeline would, without running it. */
export async function seedDeliveries(store: Store, items: readonly SeedDelivery[]): Promise<void> {
  const news: NewDelivery[] = items.map((d) => {
    const body = new TextEncoder().encode(d.body ?? JSON.stringify({ id: d.id }));
    return {
      id: d.id,
      provider: d.provider ?? 'paychant',
      label: null,
      receivedAt: d.receivedAt,
      method: 'POST',
      path: `/webhooks/${d.provider ?? 'paychant'}`,
      query: '',
      headers: [['content-type', 'application/json']],
      body,
      size: body.length,
      bodySha256: createHash('sha256').update(body).digest('hex'),
      remoteAddress: '127.0.0.1',
      forwarded: null,
      rejected: null,
    };
  });
  await store.deliveries.insertBatch(news);
  const derived = items.map((d): { id: string; derived: DerivedFields } => ({
    id: d.id,
    derived: {
      eventType: d.eventType ?? null,
      eventId: d.eventId ?? null,
      parseError: null,
      verification: { status: d.verification ?? 'valid', candidatesTried: [], ...(d.diagnosis ? { diagnosis: d.diagnosis } : {}) },
      normalized: d.status
        ? { eventType: d.eventType ?? null, status: d.status, providerStatus: d.eventType ?? null, direction: 'deposit', amounts: d.amounts ?? [], parties: [] }
        : null,
      correlationKeys: d.keys ?? [],
      schemaIssues: [],
      reference: d.keys?.[0]?.value ?? null,
      amount: d.amounts?.[0] ? { value: d.amounts[0].value, currency: d.amounts[0].currency } : null,
      searchText: d.body ?? '',
    },
  }));
  // One at a time, oldest first: duplicate detection looks at earlier rows only.
  for (const item of derived) await store.deliveries.saveDerived([item]);
}
