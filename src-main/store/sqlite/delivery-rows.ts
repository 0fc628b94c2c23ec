import type { DeliveryProvider } from '../../../src-shared/domain/provider.js';
import type { VerificationStatus } from '../../../src-shared/domain/verification.js';
import type { NormalizedStatus } from '../../../src-shared/domain/normalized.js';
import type { DeliverySummaryRecord, NewDelivery, PendingDelivery, StoredDelivery } from '../types.js';

// Positional parameters: binding by name costs an object per row on the listener's path.
export const insertDeliverySql = `INSERT INTO deliveries
  (id, provider, label, received_at, method, path, query, headers, body, size, body_sha256, remote_address, forwarded, rejected, origin)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function insertValues(d: NewDelivery): unknown[] {
  return [
    d.id,
    d.provider,
    d.label,
    d.receivedAt,
    d.method,
    d.path,
    d.query,
    JSON.stringify(d.headers),
    d.body === null ? null : Buffer.from(d.body.buffer, d.body.byteOffset, d.body.byteLength),
    d.size,
    d.bodySha256,
    d.remoteAddress,
    d.forwarded === null ? null : JSON.stringify(d.forwarded),
    d.rejected === null ? null : JSON.stringify(d.rejected),
    d.origin ? JSON.stringify(d.origin) : null,
  ];
}

/** Columns of an inbox row: never the body, so listing stays cheap. */
export const summaryColumns = `seq, id, provider, label, received_at, method, path, size, event_type,
  verification_status, status, amount_value, amount_currency, reference, parse_error, duplicate_of, rejected,
  json_extract(verification, '$.secretLabel') AS secret_label`;

export interface SummaryRow {
  seq: number;
  id: string;
  provider: string;
  label: string | null;
  received_at: string;
  method: string;
  path: string;
  size: number;
  event_type: string | null;
  verification_status: string | null;
  status: string | null;
  amount_value: string | null;
  amount_currency: string | null;
  reference: string | null;
  parse_error: string | null;
  duplicate_of: string | null;
  rejected: string | null;
  secret_label?: string | null;
}

export interface FullRow extends SummaryRow {
  query: string;
  headers: string;
  body: Buffer | null;
  body_sha256: string | null;
  remote_address: string | null;
  forwarded: string | null;
  derived_at: string | null;
  event_id: string | null;
  verification: string | null;
  normalized: string | null;
  schema_issues: string | null;
  /** Migration 010: JSON of an imported delivery's origin. */
  origin?: string | null;
}

/** Columns derivation reads. */
export const pendingColumns = 'seq, id, provider, label, headers, body, rejected';

export type PendingRow = Pick<FullRow, 'seq' | 'id' | 'provider' | 'label' | 'headers' | 'body' | 'rejected'>;

const parseJson = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export function toSummary(row: SummaryRow): DeliverySummaryRecord {
  return {
    id: row.id,
    seq: row.seq,
    provider: row.provider as DeliveryProvider,
    label: row.label,
    receivedAt: row.received_at,
    method: row.method,
    path: row.path,
    size: row.size,
    eventType: row.event_type,
    verification: row.verification_status as VerificationStatus | null,
    secretLabel: typeof row.secret_label === 'string' ? row.secret_label : null,
    status: row.status as NormalizedStatus | null,
    amountValue: row.amount_value,
    amountCurrency: row.amount_currency,
    reference: row.reference,
    parseError: row.parse_error,
    duplicateOf: row.duplicate_of,
    rejected: parseJson(row.rejected),
  };
}

export function toPending(row: PendingRow): PendingDelivery {
  return {
    seq: row.seq,
    id: row.id,
    provider: row.provider as DeliveryProvider,
    label: row.label,
    headers: JSON.parse(row.headers),
    body: row.body,
    rejected: parseJson(row.rejected),
  };
}

export function toStored(row: FullRow, keys: Array<{ kind: string; value: string }>): StoredDelivery {
  return {
    seq: row.seq,
    id: row.id,
    provider: row.provider as DeliveryProvider,
    label: row.label,
    receivedAt: row.received_at,
    method: row.method,
    path: row.path,
    query: row.query,
    headers: JSON.parse(row.headers),
    body: row.body,
    size: row.size,
    bodySha256: row.body_sha256,
    remoteAddress: row.remote_address,
    forwarded: parseJson(row.forwarded),
    rejected: parseJson(row.rejected),
    origin: parseJson(row.origin ?? null),
    duplicateOf: row.duplicate_of,
    derived:
      row.derived_at === null
        ? null
        : {
            eventType: row.event_type,
            eventId: row.event_id,
            parseError: row.parse_error,
            verification: JSON.parse(row.verification ?? '{"status":"unsupported","candidatesTried":[]}'),
            normalized: parseJson(row.normalized),
            correlationKeys: keys,
            schemaIssues: parseJson<string[]>(row.schema_issues) ?? [],
            reference: row.reference,
            amount: row.amount_value === null ? null : { value: row.amount_value, currency: row.amount_currency },
            searchText: '',
          },
  };
}
