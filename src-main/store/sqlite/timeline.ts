import type Database from 'better-sqlite3';
import type { DeliveryProvider } from '../../../src-shared/domain/provider.js';
import type { VerificationStatus } from '../../../src-shared/domain/verification.js';
import type { NormalizedEvent, NormalizedStatus } from '../../../src-shared/domain/normalized.js';
import type { TimelineDeliveryRecord, TimelineStore } from '../timeline-types.js';

interface TimelineRow {
  seq: number;
  id: string;
  provider: string;
  received_at: string;
  event_type: string | null;
  event_id: string | null;
  status: string | null;
  verification_status: string | null;
  verification: string | null;
  normalized: string | null;
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
    // correlation_keys_value (value, delivery_seq) answers each value with an index range.
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
          `SELECT seq, id, provider, received_at, event_type, event_id, status, verification_status, verification,
             normalized, duplicate_of, rejected FROM deliveries WHERE seq IN (${marks})`,
        )
        .all(...part) as TimelineRow[];
      const keyRows = this.db
        .prepare(`SELECT delivery_seq, kind, value FROM correlation_keys WHERE delivery_seq IN (${marks}) ORDER BY kind, value`)
        .all(...part) as Array<{ delivery_seq: number; kind: string; value: string }>;
      for (const row of rows) {
        records.push(toRecord(row, keyRows.filter((k) => k.delivery_seq === row.seq)));
      }
    }
    return records.sort((a, b) => a.seq - b.seq);
  }

  async seqOfDelivery(id: string): Promise<number | null> {
    const row = this.db.prepare('SELECT seq FROM deliveries WHERE id = ?').get(id) as { seq: number } | undefined;
    return row?.seq ?? null;
  }
}

function toRecord(row: TimelineRow, keys: Array<{ kind: string; value: string }>): TimelineDeliveryRecord {
  const normalized = row.normalized === null ? null : (JSON.parse(row.normalized) as NormalizedEvent);
  const verification = row.verification === null ? null : (JSON.parse(row.verification) as { diagnosis?: string });
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
