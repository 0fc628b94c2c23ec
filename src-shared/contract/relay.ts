/**
 * Relay: Gatewatch in front of the merchant's backend. A route maps a listener path to a
 * destination; deliveries on it are stored as always, then forwarded (passthrough, queue) or
 * answered as the route says (simulate). Every call's input and output is one of these schemas.
 */
import { z } from 'zod';
import { ProviderId } from '../domain/provider.js';
import { HeaderPair } from '../domain/delivery.js';
import { HttpUrl } from './urls.js';
import { ReplayResponse } from './replay.js';
import { RelaySchedule } from '../relay/backoff.js';
import { RelayJobState, RelayMode } from '../relay/states.js';

const id = z.string().min(1).max(100);
const isoTime = z.iso.datetime({ offset: true });
/** As the listener reads it: `/webhooks/<provider>/<label>`. */
export const RouteLabel = z.string().regex(/^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}$/, 'a label is 1–64 letters, digits, "_", "-" or "." (not starting with ".")');

export const RelaySimulateInput = z.strictObject({
  /** The status to answer with. */
  status: z.number().int().min(100).max(599).default(500),
  body: z
    .string()
    .max(64 * 1024)
    .default(''),
  /** Wait this long before answering. */
  delayMs: z.number().int().min(0).max(120_000).default(0),
  /** Answer this way for the next N deliveries, then 200; null: every delivery. */
  failNext: z.number().int().min(1).max(10_000).nullable().default(null),
  /** Answer nothing: hold the request for the delay (or the route's timeout), then close the connection. */
  noAnswer: z.boolean().default(false),
});
export type RelaySimulateInput = z.input<typeof RelaySimulateInput>;
export type RelaySimulateSettings = z.output<typeof RelaySimulateInput>;

export const RelaySimulateView = RelaySimulateInput.extend({
  /** When these settings were saved: "the next N" counts from here. */
  since: z.string(),
  /** How many of the next N are left; null when every delivery gets the simulated answer. */
  remaining: z.number().int().nonnegative().nullable(),
});
export type RelaySimulateView = z.infer<typeof RelaySimulateView>;

export const RelayRouteSaveInput = z
  .strictObject({
    /** Absent creates a route; present edits that one. */
    id: id.optional(),
    provider: ProviderId,
    label: RouteLabel.nullable().optional(),
    /** Where deliveries go; not needed to simulate. */
    url: HttpUrl.max(2000).nullable().optional(),
    mode: RelayMode,
    /** How long the backend has to answer (default 10 s). */
    timeoutMs: z.number().int().min(100).max(120_000).optional(),
    /** Queue: deliveries sent to the backend at once (default 8). */
    concurrency: z.number().int().min(1).max(64).optional(),
    /** Queue: when to try again (default: 10 s, 30 s, 1 min, 5 min, 15 min, 1 h, then hourly up to 24 h). */
    schedule: RelaySchedule.optional(),
    simulate: RelaySimulateInput.optional(),
    /** Needed when the destination looks like a provider's production API. */
    confirm: z.boolean().default(false),
  })
  .refine((input) => input.mode === 'simulate' || (input.url !== undefined && input.url !== null), {
    message: 'a destination URL is needed to forward deliveries (only simulate works without one)',
    path: ['url'],
  });
export type RelayRouteSaveInput = z.input<typeof RelayRouteSaveInput>;

export const RouteHealth = z.enum(['ok', 'degraded', 'failing', 'paused', 'idle']);
export type RouteHealth = z.infer<typeof RouteHealth>;

/** The route's last 24 hours, for the dashboard. */
export const RelayRouteStats = z.object({
  since: z.string(),
  attempts: z.number().int().nonnegative(),
  succeeded: z.number().int().nonnegative(),
  /** succeeded / attempts; null without attempts. */
  successRate: z.number().min(0).max(1).nullable(),
  p50LatencyMs: z.number().nonnegative().nullable(),
  p95LatencyMs: z.number().nonnegative().nullable(),
  /** Deliveries waiting to be relayed (queued, or being sent). */
  queueDepth: z.number().int().nonnegative(),
  oldestPendingAt: z.string().nullable(),
  /** Queued deliveries whose schedule ended without the backend accepting them. */
  deadLetters: z.number().int().nonnegative(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  health: RouteHealth,
  healthReason: z.string(),
});
export type RelayRouteStats = z.infer<typeof RelayRouteStats>;

export const RelayRouteView = z.object({
  id: z.string(),
  provider: ProviderId,
  label: z.string().nullable(),
  /** The listener path it covers. */
  path: z.string(),
  url: z.string().nullable(),
  mode: RelayMode,
  timeoutMs: z.number().int(),
  concurrency: z.number().int(),
  schedule: RelaySchedule,
  /** The queue's retries in words; null when the schedule cannot be used (see warnings). */
  scheduleWords: z.string().nullable(),
  simulate: RelaySimulateView.nullable(),
  paused: z.boolean(),
  pausedAt: z.string().nullable(),
  productionLike: z.string().nullable(),
  /** The provider's own retry schedule, in words. */
  providerRetries: z.string(),
  warnings: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  stats: RelayRouteStats,
});
export type RelayRouteView = z.infer<typeof RelayRouteView>;

export const RelayJobView = z.object({
  id: z.string(),
  deliveryId: z.string(),
  routeId: z.string(),
  mode: RelayMode,
  state: RelayJobState,
  attempts: z.number().int().nonnegative(),
  maxAttempts: z.number().int().nonnegative(),
  /** When a queued delivery is (next) due. */
  runAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Being sent right now. */
  locked: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** What the provider was answered (passthrough, simulate); null for a queue (it got 200 once stored) or no answer. */
  answeredStatus: z.number().int().nullable(),
  answeredAt: z.string().nullable(),
});
export type RelayJobView = z.infer<typeof RelayJobView>;

/** One try at the backend. */
export const RelayAttempt = z.object({
  id: z.string(),
  deliveryId: z.string(),
  jobId: z.string(),
  routeId: z.string(),
  mode: RelayMode,
  /** The destination as it was at the time. */
  url: z.string(),
  /** 1 for the first try. */
  number: z.number().int().positive(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number().int().nonnegative(),
  outcome: z.enum(['ok', 'failed']),
  /** The backend's answer, capped, with any secret it echoes masked. */
  response: ReplayResponse.nullable(),
  /** Why it failed, in words (refused, timed out, non-2xx…). */
  error: z.string().nullable(),
  /** Headers as sent, credential values masked. */
  sentHeaders: z.array(HeaderPair),
});
export type RelayAttempt = z.infer<typeof RelayAttempt>;

export const RelayRetryFilter = z.strictObject({
  routeId: id.optional(),
  provider: ProviderId.optional(),
  since: isoTime.optional(),
  until: isoTime.optional(),
});

export const RelayRetryInput = z.union([z.strictObject({ deliveryId: id }), z.strictObject({ filter: RelayRetryFilter })]);
export type RelayRetryInput = z.infer<typeof RelayRetryInput>;

const routeRef = z.strictObject({ routeId: id });

export const relayContract = {
  'relay.routes.list': { input: z.object({}).default({}), output: z.object({ routes: z.array(RelayRouteView) }), role: 'viewer' },
  // Routes decide where production webhooks (and any credential headers they carry) go: admins only.
  'relay.routes.save': { input: RelayRouteSaveInput, output: RelayRouteView, role: 'admin' },
  'relay.routes.delete': {
    input: z.strictObject({ id }),
    output: z.object({ deleted: z.boolean(), deadLettered: z.number().int().nonnegative() }),
    role: 'admin',
  },
  'relay.attempts': {
    input: z.strictObject({ deliveryId: id }),
    output: z.object({
      job: RelayJobView.nullable(),
      /** The route as it is now; null when it was deleted since (or the delivery was never relayed). */
      route: RelayRouteView.nullable(),
      attempts: z.array(RelayAttempt),
    }),
    role: 'viewer',
  },
  /** Dead letters (and failed passthroughs) sent again, one try each, now. */
  'relay.retry': {
    input: RelayRetryInput,
    output: z.object({ retried: z.number().int().nonnegative(), skipped: z.number().int().nonnegative(), reasons: z.array(z.string()) }),
    role: 'operator',
  },
  'relay.pause': { input: routeRef, output: RelayRouteView, role: 'admin' },
  'relay.resume': { input: routeRef, output: RelayRouteView, role: 'admin' },
} as const;
