import type { DashboardBucket, DashboardGetOutput, DashboardRange } from '../../src-shared/contract/timeline.js';
import type { StatsBucketUnit, StatsStore } from '../store/timeline-types.js';

const RANGES: Record<DashboardRange, { unit: StatsBucketUnit; count: number }> = {
  '24h': { unit: 'hour', count: 24 },
  '7d': { unit: 'hour', count: 168 },
  '30d': { unit: 'day', count: 30 },
};
const UNIT_MS: Record<StatsBucketUnit, number> = { hour: 3_600_000, day: 86_400_000 };
const PREFIX_LENGTH: Record<StatsBucketUnit, number> = { hour: 13, day: 10 };

const add = (record: Record<string, number>, key: string, n: number) => {
  record[key] = (record[key] ?? 0) + n;
};

/** Deliveries per provider and status over even time buckets, and how many signatures failed. */
export async function dashboardFor(store: StatsStore, range: DashboardRange, now = new Date()): Promise<DashboardGetOutput> {
  const { unit, count } = RANGES[range];
  const step = UNIT_MS[unit];
  // Buckets are aligned to UTC hours/days, the newest one holding "now".
  const newest = Math.floor(now.getTime() / step) * step;
  const from = new Date(newest - (count - 1) * step);
  const buckets: DashboardBucket[] = Array.from({ length: count }, (_, i) => ({
    start: new Date(from.getTime() + i * step).toISOString(),
    total: 0,
    byProvider: {},
    byStatus: {},
  }));
  const index = new Map(buckets.map((b, i) => [b.start.slice(0, PREFIX_LENGTH[unit]), i]));
  const totals = { deliveries: 0, byProvider: {} as Record<string, number>, byStatus: {} as Record<string, number> };
  const verification: Record<string, number> = {};

  for (const row of await store.deliveryCounts({ since: from.toISOString(), unit })) {
    const bucket = buckets[index.get(row.bucket) ?? -1];
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
