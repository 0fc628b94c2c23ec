import type pg from 'pg';
import type { PaymentStatusRow, StatsQuery, StatsRow, StatsStore } from '../timeline-types.js';

/** received_at is ISO UTC text, so a bucket is a prefix of it (as in the SQLite store). */
const PREFIX_LENGTH = { minute: 16, hour: 13, day: 10 } as const;

export class PgStatsStore implements StatsStore {
  constructor(private readonly pool: pg.Pool) {}

  async deliveryCounts(query: StatsQuery): Promise<StatsRow[]> {
    const { rows } = await this.pool.query<StatsRow>(
      `SELECT left(received_at, ${PREFIX_LENGTH[query.unit]}) AS bucket, provider, status, verification_status AS verification, count(*) AS count
       FROM deliveries WHERE received_at >= $1 AND derived_at IS NOT NULL
       GROUP BY 1, provider, status, verification_status`,
      [query.since],
    );
    return rows;
  }

  async latestPaymentStatuses(query: { since: string }): Promise<PaymentStatusRow[]> {
    // Each payment's newest delivery that set a status.
    const { rows } = await this.pool.query<PaymentStatusRow>(
      `SELECT DISTINCT ON (provider, reference) provider, reference, status, received_at AS "receivedAt"
       FROM deliveries
       WHERE received_at >= $1 AND derived_at IS NOT NULL AND reference IS NOT NULL AND duplicate_of IS NULL
         AND status IS NOT NULL AND status NOT IN ('info', 'unknown')
       ORDER BY provider, reference, seq DESC`,
      [query.since],
    );
    return rows;
  }
}
