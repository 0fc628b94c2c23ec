import type { DashboardBucket, DashboardGetOutput, DashboardRange } from '../../src-shared/contract/timeline.js';
import type { StatsBucketUnit, StatsStore } from '../store/timeline-types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Buckets fine enough to see a burst or an outage: the store counts per `unit`, grouped here into `step`s. */
const RANGES: Record<DashboardRange, { unit: StatsBucketUnit; step: number; count: number }> = {
  '1h': { unit: 'minute', step: MINUTE, count: 60 },
  '24h': { unit: 'minute', step: 15 * MINUTE, count: 96 },
  '7d': { unit: 'hour', step: HOUR, count: 168 },
  '30d': { unit: 'hour', step: 6 * HOUR, count: 120 },
};
/** What completes a bucket prefix (`2026-11-05T14:07`, `2026-11-05T14`, `2026-11-05`) into an ISO time. */
const PREFIX_REST: Record<StatsBucketUnit, string> = { minute: ':00Z', hour: ':00:00Z', day: 'T00:00:00Z' };

const add = (record: Record<string, number>, key: string, n: number) => {
  record[key] = (record[key] ?? 0) + n;
};

/** Deliveries per provider and status over even time buckets, and how many signatures failed. */
export async function dashboardFor(store: StatsStore, range: DashboardRange, now = new Date()): Promise<DashboardGetOutput> {
  const { unit, step, count } = RANGES[range];
  // Buckets are aligned to UTC multiples of their length, the newest one holding "now".
  const newest = Math.floor(now.getTime() / step) * step;
  const from = new Date(newest - (count - 1) * step);
  const buckets: DashboardBucket[] = Array.from({ length: count }, (_, i) => ({
    start: new Date(from.getTime() + i * step).toISOString(),
    total: 0,
    byProvider: {},
    byStatus: {},
  }));
  const totals = { deliveries: 0, byProvider: {} as Record<string, number>, byStatus: {} as Record<string, number> };
  const verification: Record<string, number> = {};

  for (const row of await store.deliveryCounts({ since: from.toISOString(), unit })) {
    const bucket = buckets[Math.floor((Date.parse(row.bucket + PREFIX_REST[unit]) - from.getTime()) / step)];
    if (!bucket) continue; // a clock set back: a delivery "from the future" has no bucket
    const status = row.status ?? 'none';
    bucket.total += row.count;
    add(bucket.byProvider, row.provider, row.count);
    add(bucket.byStatus, status, row.count);
    totals.deliveries += row.count;
    add(totals.byProvider, row.provider, row.count);
    add(totals.byStatus, status, row.count);
    add(verification, row.verification ?? 'pending', row.count);
  }
  const checked = (verification.valid ?? 0) + (verification.invalid ?? 0);
  return {
    range,
    from: from.toISOString(),
    to: new Date(newest + step).toISOString(),
    bucketSeconds: step / 1000,
    buckets,
    totals,
    verification: { byStatus: verification, failureRate: checked === 0 ? null : (verification.invalid ?? 0) / checked },
  };
}
