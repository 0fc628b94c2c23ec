import type { DashboardBucket } from '../../../src-shared/contract/timeline.js';
import { isProviderId } from '../../../src-shared/domain/provider.js';
import { providerCatalogue } from '../../../src-shared/providers/catalogue.js';

export type ChartDimension = 'byProvider' | 'byStatus';

export interface ChartSegment {
  series: string;
  y0: number;
  y1: number;
}

export interface ChartModel {
  /** Series in legend order (largest total first). */
  series: string[];
  columns: Array<{ start: string; total: number; segments: ChartSegment[] }>;
  /** The y axis top: a round number at or above the tallest column. */
  yMax: number;
  yTicks: number[];
}

/** 1, 2, 5, 10, 20, 50… : the smallest at or above n. */
function niceCeiling(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * power >= n) return m * power;
  return 10 * power;
}

/** Stacks each bucket's counts by provider or by status, in one series order for every column. */
export function chartModel(buckets: readonly DashboardBucket[], dimension: ChartDimension): ChartModel {
  const totals = new Map<string, number>();
  for (const bucket of buckets) for (const [name, n] of Object.entries(bucket[dimension])) totals.set(name, (totals.get(name) ?? 0) + n);
  const series = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  const columns = buckets.map((bucket) => {
    let y = 0;
    const segments: ChartSegment[] = [];
    for (const name of series) {
      const n = bucket[dimension][name] ?? 0;
      if (n === 0) continue;
      segments.push({ series: name, y0: y, y1: y + n });
      y += n;
    }
    return { start: bucket.start, total: bucket.total, segments };
  });
  const yMax = niceCeiling(Math.max(0, ...columns.map((c) => c.total)));
  const parts = [5, 4, 2].find((n) => Number.isInteger(yMax / n)) ?? 1;
  const yTicks = Array.from({ length: parts + 1 }, (_, i) => (yMax / parts) * i);
  return { series, columns, yMax, yTicks };
}

const PALETTE = ['#4c6ef5', '#12b886', '#f59f00', '#e64980', '#7950f2', '#15aabf', '#fa5252', '#82c91e', '#868e96', '#fd7e14'];
const STATUS_COLOURS: Record<string, string> = {
  completed: '#2f9e44',
  failed: '#e03131',
  expired: '#c2255c',
  pending: '#f59f00',
  confirming: '#1c7ed6',
  created: '#748ffc',
  underpaid: '#f76707',
  overpaid: '#ae3ec9',
  refunded: '#0ca678',
  cancelled: '#868e96',
  info: '#adb5bd',
  none: '#ced4da',
};

/** A stable colour per series: statuses by meaning, providers by their place in the legend. */
export function seriesColour(dimension: ChartDimension, name: string, index: number): string {
  if (dimension === 'byStatus' && STATUS_COLOURS[name]) return STATUS_COLOURS[name];
  return PALETTE[index % PALETTE.length]!;
}

const STATUS_LABELS: Record<string, string> = { none: 'no status yet', info: 'information only' };

/** A series as a legend says it: "compliance hold", "InstaXchange", "no status yet". */
export function seriesLabel(dimension: ChartDimension, name: string): string {
  if (dimension === 'byProvider') return isProviderId(name) ? providerCatalogue[name].displayName : name === 'unknown' ? 'unknown provider' : name;
  return STATUS_LABELS[name] ?? name.replaceAll('_', ' ');
}

/** The inbox filter a series stands for; `none` (not derived, or no status) has none. */
export function seriesFilter(dimension: ChartDimension, name: string): Record<string, string> {
  if (dimension === 'byProvider') return { provider: name };
  return name === 'none' ? {} : { status: name };
}

/** The inbox for one bar (a bucket), or one segment of it: its time span and, for a segment, its series. */
export function bucketInboxParams(start: string, bucketSeconds: number, series?: { dimension: ChartDimension; name: string }): URLSearchParams {
  const until = new Date(Date.parse(start) + bucketSeconds * 1000 - 1).toISOString();
  return new URLSearchParams({ ...(series ? seriesFilter(series.dimension, series.name) : {}), since: start, until });
}

/** "15 minutes", "hour", "6 hours", "day": what one bar counts. */
export function bucketWords(bucketSeconds: number): string {
  if (bucketSeconds % 86_400 === 0) return bucketSeconds === 86_400 ? 'day' : `${bucketSeconds / 86_400} days`;
  if (bucketSeconds % 3600 === 0) return bucketSeconds === 3600 ? 'hour' : `${bucketSeconds / 3600} hours`;
  return bucketSeconds === 60 ? 'minute' : `${bucketSeconds / 60} minutes`;
}
