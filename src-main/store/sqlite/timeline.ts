import type Database from 'better-sqlite3';
import type { DeliveryProvider } from '../../../src-shared/domain/provider.js';
import type { VerificationStatus } from '../../../src-shared/domain/verification.js';
import type { NormalizedStatus } from '../../../src-shared/domain/normalized.js';
import type { TimelineDeliveryRecord, TimelineStore } from '../timeline-types.js';
import { decodeDelivery } from '../codec/stored-forms.js';
import type { StoredDetail } from '../codec/delivery-forms.js';

/** A timeline's row as both stores read it. */
export interface TimelineRow {
  seq: number;
  id: string;
  provider: string;
  received_at: string;
  event_type: string | null;
  event_id: string | null;
  status: string | null;
  verification_status: string | null;
  /** The stored form (request and derived JSON); none while the delivery waits for derivation. */
  form: Buffer | null;
  duplicate_of: string | null;
  rejected: string | null;
}

/** SQLite caps bound parameters; chunk IN lists well below it. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export class SqliteTimelineStore implements TimelineStore {
  constructor(private readonly db: Database.Database) {}

  async deliverySeqsByValues(values: readonly string[], limit: number): Promise<number[]> {
    const seqs = new Set<number>();
    // correlation_keys is keyed (value, delivery_seq, kind): each value is one range of it.
    for (const part of chunks([...new Set(values)])) {
      const rows = this.db
        .prepare(
          `SELECT DISTINCT delivery_seq FROM correlation_keys WHERE value IN (${part.map(() => '?').join(',')})
           ORDER BY delivery_seq DESC LIMIT ?`,
        )
        .all(...part, limit + 1) as Array<{ delivery_seq: number }>;
      for (const row of rows) seqs.add(row.delivery_seq);
    }
    return [...seqs].sort((a, b) => b - a).slice(0, limit + 1);
  }

  async deliveriesBySeqs(seqs: readonly number[]): Promise<TimelineDeliveryRecord[]> {
    const records: TimelineDeliveryRecord[] = [];
    for (const part of chunks([...new Set(seqs)])) {
      const marks = part.map(() => '?').join(',');
      const rows = this.db
        .prepare(
          `SELECT d.seq, d.id, d.provider, d.received_at, d.event_type, d.event_id, d.status, d.verification_status,
             k.form, d.duplicate_of, d.rejected
           FROM deliveries AS d LEFT JOIN delivery_contents AS k ON k.seq = d.seq WHERE d.seq IN (${marks})`,
        )
        .all(...part) as TimelineRow[];
      for (const row of rows) records.push(timelineRecord(row));
    }
    return records.sort((a, b) => a.seq - b.seq);
  }

  async seqOfDelivery(id: string): Promise<number | null> {
    const row = this.db.prepare('SELECT seq FROM deliveries WHERE id = ?').get(id) as { seq: number } | undefined;
    return row?.seq ?? null;
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A timeline's record from its row (shared with the PostgreSQL store). */
export function timelineRecord(row: TimelineRow): TimelineDeliveryRecord {
  // A delivery's keys are in its stored form (correlation_keys is indexed by value only).
  const detail = row.form === null ? null : decodeDelivery<StoredDetail>(row.form).detail;
  const keys = [...(detail?.correlationKeys ?? [])].sort((a, b) => (a.kind === b.kind ? cmp(a.value, b.value) : cmp(a.kind, b.kind)));
  const normalized = detail?.normalized ?? null;
  const verification = detail?.verification ?? null;
  return {
    id: row.id,
    seq: row.seq,
    provider: row.provider as DeliveryProvider,
    receivedAt: row.received_at,
    eventType: row.event_type,
    eventId: row.event_id,
    status: row.status as NormalizedStatus | null,
    providerStatus: normalized?.providerStatus ?? null,
    verification: row.verification_status as VerificationStatus | null,
    verificationDiagnosis: verification?.diagnosis ?? null,
    amounts: normalized?.amounts ?? [],
    providerTime: normalized?.eventTime ?? null,
    duplicateOf: row.duplicate_of,
    rejected: row.rejected !== null,
    keys: keys.map(({ kind, value }) => ({ kind, value })),
  };
}
