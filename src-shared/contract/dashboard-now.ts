import { z } from 'zod';
import { NormalizedStatus } from '../domain/normalized.js';
import { ProviderId } from '../domain/provider.js';

/** A payment whose last event left it open (pending, confirming…) and nothing came since for a while. */
export const StuckPayment = z.object({
  reference: z.string(),
  status: NormalizedStatus,
  lastEventAt: z.string(),
});
export type StuckPayment = z.infer<typeof StuckPayment>;

/** One provider, right now: is it sending, is something failing, is a payment waiting too long? */
export const ProviderNow = z.object({
  provider: ProviderId,
  /** The newest delivery from it, ever; null when none. */
  lastDeliveryAt: z.string().nullable(),
  /** Deliveries whose signature did not verify, since `failuresSince`. */
  failedSignatures: z.number().int().nonnegative(),
  /** Replay attempts that failed, since `replaysSince`. */
  failedReplays: z.number().int().nonnegative(),
  /** Relay attempts (forwarding to the merchant's backend) that failed; null while there is no relay. */
  failedRelays: z.number().int().nonnegative().nullable(),
  stuck: z.object({
    count: z.number().int().nonnegative(),
    /** The longest waiting first, a few of them. */
    oldest: z.array(StuckPayment),
  }),
});
export type ProviderNow = z.infer<typeof ProviderNow>;

export const DashboardNow = z.object({
  at: z.string(),
  failuresSince: z.string(),
  replaysSince: z.string(),
  /** A payment counts as stuck after this long without an event… */
  stuckAfterMs: z.number().int().positive(),
  /** …when its last event came after this (older ones are taken as abandoned). */
  stuckWindowSince: z.string(),
  providers: z.array(ProviderNow),
});
export type DashboardNow = z.infer<typeof DashboardNow>;

/** The dashboard's "right now" strip. */
export const dashboardNowContract = {
  'dashboard.now': { input: z.object({}).default({}), output: DashboardNow, role: 'viewer' },
} as const;
