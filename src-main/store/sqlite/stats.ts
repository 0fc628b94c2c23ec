import type Database from 'better-sqlite3';
import type { PaymentStatusRow, StatsQuery, StatsRow, StatsStore } from '../timeline-types.js';

/** received_at is stored as ISO UTC text, so a bucket is a prefix of it: no date maths in SQL. */
const PREFIX_LENGTH = { minute: 16, hour: 13, day: 10 } as const;

export class SqliteStatsStore implements StatsStore {
  constructor(private readonly db: Database.Database) {}

  async deliveryCounts(query: StatsQuery): Promise<StatsRow[]> {
    // Served from the covering index deliveries_stats (migrations 5, 7): no table rows are read.
    return this.db
      .prepare(
        `SELECT substr(received_at, 1, ${PREFIX_LENGTH[query.unit]}) AS bucket, provider, status,
           verification_status AS verification, count(*) AS count
         FROM deliveries WHERE received_at >= ? AND derived_at IS NOT NULL
         GROUP BY bucket, provider, status, verification_status`,
      )
      .all(query.since) as StatsRow[];
  }

  async latestPaymentStatuses(query: { since: string }): Promise<PaymentStatusRow[]> {
    // SQLite returns the other columns of the row holding max(seq): each payment's newest status.
    return this.db
      .prepare(
        `SELECT provider, reference, status, received_at AS receivedAt, max(seq) AS seq
         FROM deliveries
         WHERE received_at >= ? AND derived_at IS NOT NULL AND reference IS NOT NULL AND duplicate_of IS NULL
           AND status IS NOT NULL AND status NOT IN ('info', 'unknown')
         GROUP BY provider, reference`,
      )
      .all(query.since)
      .map((row) => {
        const { seq: _seq, ...rest } = row as PaymentStatusRow & { seq: number };
        return rest;
      });
  }
}
