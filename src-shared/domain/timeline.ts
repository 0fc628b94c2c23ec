import { z } from 'zod';
import { DeliveryProvider } from './provider.js';
import { NormalizedStatus, ProviderEventTime } from './normalized.js';

export const TimelineStepKind = z.enum(['delivery', 'session', 'status_check', 'replay', 'tx_lookup', 'relay']);
export type TimelineStepKind = z.infer<typeof TimelineStepKind>;

/**
 * One step of a payment's history: a webhook delivery, a session created by hand, a status
 * check, a replay attempt, a blockchain hash lookup, a relay to the merchant's backend. Features contribute steps of their kind.
 */
export const TimelineStep = z.object({
  kind: TimelineStepKind,
  /** The id of the record behind the step (delivery, session, replay attempt…). */
  id: z.string(),
  at: z.string(),
  title: z.string(),
  provider: DeliveryProvider.nullable(),
  /** The normalized status this step reports, when it reports one. */
  status: NormalizedStatus.nullable(),
  outcome: z.enum(['ok', 'failed', 'info']),
  detail: z.string().nullable(),
  amount: z.object({ value: z.string(), currency: z.string().nullable() }).nullable(),
  deliveryId: z.string().nullable(),
  sessionId: z.string().nullable(),
  /** A delivery's event time by the provider's own clock, beside `at` (when it was received). */
  providerTime: ProviderEventTime.nullable().optional(),
  /** An outside page the step points to (a block explorer), http(s) only. */
  link: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
});
export type TimelineStep = z.infer<typeof TimelineStep>;
