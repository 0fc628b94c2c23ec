import { z } from 'zod';
import { TimelineStep } from '../domain/timeline.js';
import { CorrelationKey, NormalizedStatus } from '../domain/normalized.js';

/** What looks wrong in a payment's history, each worth a support person's attention. */
export const TimelineFlagKind = z.enum([
  'out_of_order',
  'duplicate',
  'failed_signature',
  'status_backwards',
  'expired_then_paid',
  'amount_mismatch',
]);
export type TimelineFlagKind = z.infer<typeof TimelineFlagKind>;

export const TimelineFlag = z.object({
  kind: TimelineFlagKind,
  /** The step the flag is about (its `kind:id`, see TimelineEntry.key). */
  stepKey: z.string(),
  message: z.string(),
});
export type TimelineFlag = z.infer<typeof TimelineFlag>;

/** A step placed on the timeline: what the payment's status was after it, and the time since the previous step. */
export const TimelineEntry = TimelineStep.extend({
  /** Unique on the timeline: `${kind}:${id}`. */
  key: z.string(),
  statusAfter: NormalizedStatus.nullable(),
  /** Milliseconds since the previous step; null for the first. */
  gapMs: z.number().int().nonnegative().nullable(),
  flags: z.array(TimelineFlagKind),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelineGetInput = z.object({ key: z.string().trim().min(1).max(500) });

export const TimelineGetOutput = z.object({
  key: z.string(),
  /** Every correlation key the timeline was built from (the one asked for, and those found through it). */
  keys: z.array(CorrelationKey),
  steps: z.array(TimelineEntry),
  flags: z.array(TimelineFlag),
  /** True when more deliveries share these keys than one timeline shows. */
  truncated: z.boolean(),
  /** Contributions that could not be read (a feature's source failed); the rest is still shown. */
  warnings: z.array(z.string()),
});
export type TimelineGetOutput = z.infer<typeof TimelineGetOutput>;

export const DashboardRange = z.enum(['24h', '7d', '30d']);
export type DashboardRange = z.infer<typeof DashboardRange>;

export const DashboardBucket = z.object({
  start: z.string(),
  total: z.number().int().nonnegative(),
  byProvider: z.record(z.string(), z.number().int().nonnegative()),
  /** By normalized status; deliveries not derived yet or without a status count as `none`. */
  byStatus: z.record(z.string(), z.number().int().nonnegative()),
});
export type DashboardBucket = z.infer<typeof DashboardBucket>;

export const DashboardGetOutput = z.object({
  range: DashboardRange,
  from: z.string(),
  to: z.string(),
  bucketSeconds: z.number().int().positive(),
  /** Oldest first, one per bucket, empty buckets included so the chart's time axis is even. */
  buckets: z.array(DashboardBucket),
  totals: z.object({
    deliveries: z.number().int().nonnegative(),
    byProvider: z.record(z.string(), z.number().int().nonnegative()),
    byStatus: z.record(z.string(), z.number().int().nonnegative()),
  }),
  verification: z.object({
    /** Counts by verification outcome in the range (`pending` = not checked yet). */
    byStatus: z.record(z.string(), z.number().int().nonnegative()),
    /** invalid / (valid + invalid); null when nothing signed was checked. */
    failureRate: z.number().min(0).max(1).nullable(),
  }),
});
export type DashboardGetOutput = z.infer<typeof DashboardGetOutput>;

/** Payment timelines and the dashboard. */
export const timelineContract = {
  'timeline.get': { input: TimelineGetInput, output: TimelineGetOutput },
  'dashboard.get': {
    input: z.object({ range: DashboardRange.default('24h') }).default({ range: '24h' }),
    output: DashboardGetOutput,
  },
} as const;
