import { z } from 'zod';
import { TimelineStep } from '../domain/timeline.js';
import { CorrelationKey, NormalizedStatus } from '../domain/normalized.js';
import { VerificationStatus } from '../domain/verification.js';

/** What looks wrong in a payment's history, each worth a support person's attention. */
export const TimelineFlagKind = z.enum([
  'out_of_order',
  'duplicate',
  'failed_signature',
  'status_backwards',
  'expired_then_paid',
  'amount_mismatch',
  /** No event from the provider for a long time while the payment is not final. */
  'silent',
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
  /** For a delivery that repeats an earlier one on this timeline (a retry): that step's key. */
  retryOf: z.string().nullable().optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

const ExactAmount = z.object({ value: z.string(), currency: z.string().nullable() });

/**
 * The one line on top of a timeline: where the payment stands by the provider's verified events
 * only (our own calls and unverified events never set it), what an unverified event claims beyond
 * it, the amount (exact as received; a change across events noted), and what to do.
 */
export const PaymentHeadline = z.object({
  /** The status the last verified provider event set; null when no verified event reported one. */
  state: NormalizedStatus.nullable(),
  /** When that event arrived. */
  since: z.string().nullable(),
  /** The step that set the state. */
  stepKey: z.string().nullable(),
  /** A status beyond `state` reported by an event whose signature did not verify (or was not checked). */
  claimed: z.object({ status: NormalizedStatus, stepKey: z.string(), at: z.string(), verification: VerificationStatus.nullable() }).nullable(),
  /** True when what the headline says rests on verified events alone (no claim beyond them). */
  verified: z.boolean(),
  /** The payment's amount by its latest event; `changedFrom` when an earlier event said otherwise. */
  amount: ExactAmount.extend({ changedFrom: ExactAmount.nullable() }).nullable(),
  /** How long nothing arrived from the provider while the payment is not final; null when not worth saying. */
  silentForMs: z.number().int().nonnegative().nullable(),
  tone: z.enum(['good', 'bad', 'warning', 'neutral']),
  /** The line itself ("Completed, unverified: … the backend probably still shows pending."). */
  summary: z.string(),
  /** What to do next, in order; empty when nothing is needed. */
  actions: z.array(z.string()),
});
export type PaymentHeadline = z.infer<typeof PaymentHeadline>;

export const TimelineGetInput = z.object({ key: z.string().trim().min(1).max(500) });

export const TimelineGetOutput = z.object({
  key: z.string(),
  /** Every correlation key the timeline was built from (the one asked for, and those found through it). */
  keys: z.array(CorrelationKey),
  /** Where the payment stands; null when there are no steps. */
  headline: PaymentHeadline.nullable(),
  steps: z.array(TimelineEntry),
  flags: z.array(TimelineFlag),
  /** True when more deliveries share these keys than one timeline shows. */
  truncated: z.boolean(),
  /** Contributions that could not be read (a feature's source failed); the rest is still shown. */
  warnings: z.array(z.string()),
});
export type TimelineGetOutput = z.infer<typeof TimelineGetOutput>;

export const DashboardRange = z.enum(['1h', '24h', '7d', '30d']);
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
  'timeline.get': { input: TimelineGetInput, output: TimelineGetOutput, role: 'viewer' },
  'dashboard.get': {
    input: z.object({ range: DashboardRange.default('24h') }).default({ range: '24h' }),
    output: DashboardGetOutput,
    role: 'viewer',
  },
} as const;
