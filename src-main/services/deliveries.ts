import type { DeliveriesListInput, DeliveriesListOutput } from '../../src-shared/contract/deliveries.js';
import type { DeliveryDetail, DeliverySummary, HeaderPair } from '../../src-shared/domain/delivery.js';
import { isCredentialHeader, maskCredentialHeaders } from '../../src-shared/domain/credential-headers.js';
import { ApiError } from '../../src-shared/contract/errors.js';
import type { DeliveryStore, DeliverySummaryRecord } from '../store/types.js';
import { utf8OrNull } from '../pipeline/body-text.js';

function toSummary(record: DeliverySummaryRecord): DeliverySummary {
  return {
    id: record.id,
    provider: record.provider,
    label: record.label,
    receivedAt: record.receivedAt,
    method: record.method,
    path: record.path,
    size: record.size,
    eventType: record.eventType,
    verification: record.verification,
    secretLabel: record.secretLabel ?? null,
    status: record.status,
    amount: record.amountValue === null ? null : { value: record.amountValue, currency: record.amountCurrency },
    reference: record.reference,
    parseError: record.parseError,
    duplicateOf: record.duplicateOf,
    rejected: record.rejected,
  };
}

function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const seq = Number(cursor);
  if (!Number.isSafeInteger(seq) || seq < 0) throw new ApiError('bad_request', 'The cursor is not one this console issued.');
  return seq;
}

export async function listDeliveries(store: DeliveryStore, input: DeliveriesListInput): Promise<DeliveriesListOutput> {
  const page = await store.list({
    provider: input.provider,
    eventType: input.eventType,
    status: input.status,
    verification: input.verification,
    environment: input.environment,
    relayState: input.relay,
    text: input.q,
    since: input.since,
    until: input.until,
    limit: input.limit,
    beforeSeq: decodeCursor(input.cursor),
  });
  const last = page.items[page.items.length - 1];
  return {
    items: page.items.map(toSummary),
    total: page.total,
    totalIsEstimate: page.totalIsEstimate,
    nextCursor: page.hasMore && last ? String(last.seq) : null,
    matchedKey: page.matchedKey ?? null,
    keyPrefix: page.keyPrefix ?? null,
  };
}

async function requireStored(store: DeliveryStore, id: string) {
  const stored = await store.get(id);
  if (!stored) throw new ApiError('not_found', `No delivery with id ${id}.`);
  return stored;
}

/** The delivery as the console shows it: credential header values masked (revealHeaders has them). */
export async function getDelivery(store: DeliveryStore, id: string): Promise<DeliveryDetail> {
  const stored = await requireStored(store, id);
  const body = stored.body ?? new Uint8Array();
  const derived = stored.derived;
  const seqless: DeliverySummaryRecord = {
    id: stored.id,
    seq: stored.seq,
    provider: stored.provider,
    label: stored.label,
    receivedAt: stored.receivedAt,
    method: stored.method,
    path: stored.path,
    size: stored.size,
    eventType: derived?.eventType ?? null,
    verification: derived?.verification.status ?? null,
    secretLabel: derived?.verification.secretLabel ?? null,
    status: derived?.normalized?.status ?? null,
    amountValue: derived?.amount?.value ?? null,
    amountCurrency: derived?.amount?.currency ?? null,
    reference: derived?.reference ?? null,
    parseError: derived?.parseError ?? null,
    duplicateOf: stored.duplicateOf,
    rejected: stored.rejected,
  };
  return {
    ...toSummary(seqless),
    query: stored.query,
    headers: maskCredentialHeaders(stored.headers),
    body: stored.body === null ? null : utf8OrNull(body),
    bodyBase64: Buffer.from(body).toString('base64'),
    remoteAddress: stored.remoteAddress,
    forwarded: stored.forwarded,
    eventId: derived?.eventId ?? null,
    verificationResult: derived?.verification ?? {
      status: 'unsupported',
      candidatesTried: [],
      diagnosis: 'Not checked yet: verification runs just after the delivery is stored.',
    },
    normalized: derived?.normalized ?? null,
    correlationKeys: derived?.correlationKeys ?? [],
    schemaIssues: derived?.schemaIssues ?? [],
    duplicates: await store.duplicatesOf(stored.id),
    origin: stored.origin ?? null,
  };
}

/** Every header as received, credentials in clear, and the names of those that are credentials. */
export async function revealDeliveryHeaders(store: DeliveryStore, id: string): Promise<{ headers: HeaderPair[]; credentialNames: string[] }> {
  const stored = await requireStored(store, id);
  return {
    headers: stored.headers.map(([name, value]) => [name, value]),
    credentialNames: stored.headers.map(([name]) => name).filter(isCredentialHeader),
  };
}
