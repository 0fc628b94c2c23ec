import type { DeliveryProvider } from '../../../src-shared/domain/provider.js';
import type { VerificationStatus } from '../../../src-shared/domain/verification.js';
import type { NormalizedStatus } from '../../../src-shared/domain/normalized.js';
import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import type { DeliverySummaryRecord, NewDelivery, PendingDelivery, StoredDelivery } from '../types.js';
import { decodeDelivery, type DeliveryForm } from '../codec/stored-forms.js';
import type { StoredDetail } from '../codec/delivery-forms.js';

// Positional parameters: binding by name costs an object per row on the listener's path.
export const insertDeliverySql = `INSERT INTO deliveries
  (id, provider, label, received_at, method, path, query, size, body_sha256, remote_address, forwarded, rejected, origin)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function insertValues(d: NewDelivery): unknown[] {
  return [
    d.id,
    d.provider,
    d.label,
    d.receivedAt,
    d.method,
    d.path,
    d.query,
    d.size,
    d.bodySha256,
    d.remoteAddress,
    d.forwarded === null ? null : JSON.stringify(d.forwarded),
    d.rejected === null ? null : JSON.stringify(d.rejected),
    d.origin ? JSON.stringify(d.origin) : null,
  ];
}

/** The request as received, kept apart until derivation packs it (see migration 013). */
export const insertCaptureSql = 'INSERT INTO delivery_captures (seq, headers, body) VALUES (?, ?, ?)';

export function captureValues(seq: number | bigint, d: NewDelivery): unknown[] {
  return [seq, JSON.stringify(d.headers), d.body === null ? null : Buffer.from(d.body.buffer, d.body.byteOffset, d.body.byteLength)];
}

/** Where a delivery's request is: its capture until derived, its stored form after. */
export interface RequestColumns {
  capture_headers: string | null;
  capture_body: Buffer | null;
  form: Buffer | null;
}

export const requestJoin = `LEFT JOIN delivery_captures AS c ON c.seq = d.seq LEFT JOIN delivery_contents AS k ON k.seq = d.seq`;
export const requestColumns = 'c.headers AS capture_headers, c.body AS capture_body, k.form AS form';

/** The request (and the derived JSON, once derived) of a row read with requestColumns. */
export function formOf(row: RequestColumns): DeliveryForm<StoredDetail> {
  if (row.capture_headers !== null) return { headers: JSON.parse(row.capture_headers) as HeaderPair[], body: row.capture_body, detail: null };
  if (row.form !== null) return decodeDelivery<StoredDetail>(row.form);
  throw new Error('the delivery has neither its captured request nor its stored form');
}

/** Columns of an inbox row: never the body, so listing stays cheap. */
export const summaryColumns = `seq, id, provider, label, received_at, method, path, size, event_type,
  verification_status, status, amount_value, amount_currency, reference, parse_error, duplicate_of, rejected,
  secret_label`;

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

export interface FullRow extends SummaryRow, RequestColumns {
  query: string;
  body_sha256: string | null;
  remote_address: string | null;
  forwarded: string | null;
  derived_at: string | null;
  event_id: string | null;
  /** Migration 010: JSON of an imported delivery's origin. */
  origin?: string | null;
}

/** A whole delivery: its row, and its request wherever it is. */
export const fullSelect = `SELECT d.*, ${requestColumns} FROM deliveries AS d ${requestJoin}`;

/** Columns derivation reads. */
export const pendingSelect = `SELECT d.seq, d.id, d.provider, d.label, d.rejected, ${requestColumns} FROM deliveries AS d ${requestJoin}`;

export type PendingRow = Pick<FullRow, 'seq' | 'id' | 'provider' | 'label' | 'rejected'> & RequestColumns;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
    ...requestBytes(formOf(row)),
    rejected: parseJson(row.rejected),
  };
}

const requestBytes = ({ headers, body }: DeliveryForm<unknown>) => ({ headers, body });

export function toStored(row: FullRow): StoredDelivery {
  const { headers, body, detail } = formOf(row);
  // Keys in the order the inbox has always shown them.
  const keys = [...(detail?.correlationKeys ?? [])].sort((a, b) => (a.kind === b.kind ? cmp(a.value, b.value) : cmp(a.kind, b.kind)));
  return {
    seq: row.seq,
    id: row.id,
    provider: row.provider as DeliveryProvider,
    label: row.label,
    receivedAt: row.received_at,
    method: row.method,
    path: row.path,
    query: row.query,
    headers,
    body,
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
            verification: detail?.verification ?? { status: 'unsupported', candidatesTried: [] },
            normalized: detail?.normalized ?? null,
            correlationKeys: keys,
            schemaIssues: detail?.schemaIssues ?? [],
            reference: row.reference,
            amount: row.amount_value === null ? null : { value: row.amount_value, currency: row.amount_currency },
            searchText: '',
          },
  };
}
