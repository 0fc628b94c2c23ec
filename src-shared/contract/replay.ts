import { z } from 'zod';
import { DeliveryProvider, ProviderId } from '../domain/provider.js';
import { HeaderPair } from '../domain/delivery.js';
import { DeliveriesListInput } from './deliveries.js';
import { HttpUrl as httpUrl } from './urls.js';

/** RFC 9110 token characters: anything else cannot be sent as a header name. */
const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, 'not a valid HTTP header name');
const headerValue = z
  .string()
  .max(8192)
  .regex(/^[^\r\n\0]*$/, 'a header value cannot contain line breaks');
const id = z.string().min(1).max(100);

/** A replay target as the renderer sees it: the signing secret only as "set" and its last four. */
export const ReplayTargetView = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  provider: ProviderId.nullable(),
  timeoutMs: z.number().int(),
  /** Replays send the provider's Authorization, Cookie… too; off, they are dropped. */
  forwardCredentialHeaders: z.boolean(),
  hasSigningSecret: z.boolean(),
  signingSecretMasked: z.string().nullable(),
  /** Public key sent in the `Key` header when re-signing (Calypso), shown in full. */
  signingKey: z.string().nullable(),
  /** When the user first confirmed sending here; null until then. */
  confirmedAt: z.string().nullable(),
  /** The host looks like a provider's production API: every send needs confirming. */
  productionLike: z.string().nullable(),
  /** A send needs `confirm: true` (unconfirmed, or production-like). */
  needsConfirmation: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReplayTargetView = z.infer<typeof ReplayTargetView>;

export const ReplayTargetSaveInput = z.strictObject({
  /** Absent creates a target; present edits that one. */
  id: id.optional(),
  name: z.string().trim().min(1).max(80),
  url: httpUrl.max(2000),
  provider: ProviderId.nullable().optional(),
  /** A value sets it, null removes it, absent keeps what is stored. */
  signingSecret: z.string().min(1).max(4096).nullable().optional(),
  /** Calypso: the subscription public key that goes with the secret (`Key` header); null clears it. */
  signingKey: z.string().trim().min(1).max(200).nullable().optional(),
  timeoutMs: z.number().int().min(100).max(120_000).optional(),
  /** Absent keeps what is stored (off for a new target). */
  forwardCredentialHeaders: z.boolean().optional(),
});
export type ReplayTargetSaveInput = z.infer<typeof ReplayTargetSaveInput>;

/** Where an attempt went, as it was at the time (a target may be renamed or removed later). */
export const ReplayAttemptTarget = z.object({ id: z.string(), name: z.string(), url: z.string() });

export const ReplayResponse = z.object({
  status: z.number().int(),
  statusText: z.string(),
  headers: z.array(HeaderPair),
  /** The answer's body as text, cut at the cap. */
  body: z.string(),
  bodyTruncated: z.boolean(),
  /** Bytes received (up to the cap) */
  size: z.number().int(),
});
export type ReplayResponse = z.infer<typeof ReplayResponse>;

export const ReplayAttempt = z.object({
  id: z.string(),
  deliveryId: z.string(),
  provider: DeliveryProvider,
  target: ReplayAttemptTarget,
  /** The bulk job that made it, if any. */
  jobId: z.string().nullable(),
  /** Headers as sent, values of credential headers masked. */
  sentHeaders: z.array(HeaderPair),
  /** The edited body; null when the stored body was sent unchanged (it is the delivery's body). */
  sentBody: z.string().nullable(),
  bodyEdited: z.boolean(),
  /** True when the user's header set replaced the stored headers (sentHeaders shows them). */
  headersEdited: z.boolean(),
  sentBodySha256: z.string(),
  resigned: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number().int(),
  outcome: z.enum(['ok', 'failed']),
  response: ReplayResponse.nullable(),
  /** Why it failed, in words (timeout, refused connection, non-2xx, redirect…). */
  error: z.string().nullable(),
});
export type ReplayAttempt = z.infer<typeof ReplayAttempt>;

export const ReplaySendInput = z.strictObject({
  deliveryId: id,
  /** Only a saved target: there is deliberately no way to pass a URL. */
  targetId: id,
  resign: z.boolean().default(false),
  /** An edited body to send instead of the stored bytes. */
  body: z
    .string()
    .max(5 * 1024 * 1024)
    .optional(),
  /** The complete header set to send instead of the stored headers (hop-by-hop ones are still dropped). */
  headers: z.record(headerName, headerValue).optional(),
  /** Needed for a target not yet confirmed, or one that looks like a production API. */
  confirm: z.boolean().default(false),
});
export type ReplaySendInput = z.input<typeof ReplaySendInput>;

export const ReplayPreviewInput = z.strictObject({
  deliveryId: id,
  /** An edited body to check against the provider's event schema. */
  body: z
    .string()
    .max(5 * 1024 * 1024)
    .optional(),
});

export const ReplayPreview = z.object({
  /** What would be sent (before a re-sign adds its headers; credential headers masked). */
  headers: z.array(HeaderPair),
  /** The stored body as text, or null when it is not UTF-8 (it is still sent byte for byte). */
  originalBody: z.string().nullable(),
  /** Problems with the (edited) body against the provider's event schema: warnings, not a block. */
  warnings: z.array(z.string()),
  /** The signature headers a re-sign would replace. */
  signatureHeaders: z.array(z.string()),
});
export type ReplayPreview = z.infer<typeof ReplayPreview>;

/** Which deliveries a bulk replay sends: every filter of the inbox, without paging. */
export const ReplayDeliveryFilter = DeliveriesListInput.pick({
  provider: true,
  eventType: true,
  status: true,
  verification: true,
  environment: true,
  q: true,
  since: true,
  until: true,
}).strict();
export type ReplayDeliveryFilter = z.infer<typeof ReplayDeliveryFilter>;

/** The most deliveries one bulk replay sends. */
export const MAX_BULK_DELIVERIES = 1000;

export const ReplayBulkStartInput = z.strictObject({
  targetId: id,
  deliveryIds: z.array(id).min(1).max(MAX_BULK_DELIVERIES).optional(),
  filter: ReplayDeliveryFilter.optional(),
  resign: z.boolean().default(false),
  concurrency: z.number().int().min(1).max(8).default(1),
  /** Every bulk replay is confirmed by a person: without it nothing is sent. */
  confirm: z.boolean().default(false),
  /** The count the person confirmed: when another number matches by now, nothing is sent and the new count is said. */
  expectedCount: z.number().int().min(1).max(MAX_BULK_DELIVERIES).optional(),
});
export type ReplayBulkStartInput = z.input<typeof ReplayBulkStartInput>;

export const ReplayBulkCountInput = z.strictObject({ filter: ReplayDeliveryFilter });
export const ReplayBulkCount = z.object({
  /** Deliveries the filter matches now (up to limit + 1). */
  count: z.number().int().nonnegative(),
  limit: z.number().int(),
  /** More match than one bulk replay sends: narrow the filter. */
  tooMany: z.boolean(),
});
export type ReplayBulkCount = z.infer<typeof ReplayBulkCount>;

export const ReplayJob = z.object({
  id: z.string(),
  target: ReplayAttemptTarget,
  /** `paused`: it stopped by itself after sends in a row got no answer (see pausedReason), or waits to be resumed. */
  state: z.enum(['running', 'paused', 'cancelling', 'cancelled', 'finished']),
  concurrency: z.number().int(),
  resigned: z.boolean(),
  total: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  /** Not sent: cancelled before its turn, or nothing to send (no stored body). */
  skipped: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The latest failure, in words, naming the delivery by its event and reference. */
  lastError: z.string().nullable(),
  /** Why it paused by itself; null while running or once resumed. */
  pausedReason: z.string().nullable(),
  /** The job whose failed deliveries this one sends again. */
  retryOf: z.string().nullable(),
});
export type ReplayJob = z.infer<typeof ReplayJob>;

/** A delivery named as a person knows it: its event and reference (ids are for machines). */
export const ReplayDeliveryLabel = z.object({
  eventType: z.string().nullable(),
  reference: z.string().nullable(),
});
export type ReplayDeliveryLabel = z.infer<typeof ReplayDeliveryLabel>;

/** An attempt as the log lists it: with its delivery's event and reference (null once the delivery is gone). */
export const ReplayAttemptListed = ReplayAttempt.extend({ delivery: ReplayDeliveryLabel.nullable().optional() });
export type ReplayAttemptListed = z.infer<typeof ReplayAttemptListed>;

export const replayContract = {
  'replay.targets.list': { input: z.object({}).default({}), output: z.object({ targets: z.array(ReplayTargetView) }), role: 'operator' },
  'replay.targets.save': { input: ReplayTargetSaveInput, output: ReplayTargetView, role: 'admin' },
  'replay.targets.remove': { input: z.strictObject({ id }), output: z.object({ removed: z.boolean() }), role: 'admin' },
  'replay.preview': { input: ReplayPreviewInput, output: ReplayPreview, role: 'operator' },
  'replay.send': { input: ReplaySendInput, output: ReplayAttempt, role: 'operator' },
  'replay.attempts': {
    input: z.strictObject({
      deliveryId: id.optional(),
      targetId: id.optional(),
      jobId: id.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ items: z.array(ReplayAttemptListed) }),
    role: 'viewer',
  },
  /** How many deliveries a bulk replay of this filter would send, asked before confirming. */
  'replay.bulk.count': { input: ReplayBulkCountInput, output: ReplayBulkCount, role: 'operator' },
  'replay.bulk.start': { input: ReplayBulkStartInput, output: ReplayJob, role: 'operator' },
  'replay.bulk.get': { input: z.strictObject({ id }), output: ReplayJob, role: 'viewer' },
  'replay.bulk.list': { input: z.object({}).default({}), output: z.object({ jobs: z.array(ReplayJob) }), role: 'viewer' },
  'replay.bulk.cancel': { input: z.strictObject({ id }), output: ReplayJob, role: 'operator' },
  /** A paused job goes on where it stopped. */
  'replay.bulk.resume': { input: z.strictObject({ id }), output: ReplayJob, role: 'operator' },
  /** A new job sending again only the deliveries that failed in this one (confirmed, as every bulk replay). */
  'replay.bulk.retryFailed': {
    input: z.strictObject({ id, confirm: z.boolean().default(false), expectedCount: z.number().int().min(1).optional() }),
    output: ReplayJob,
    role: 'operator',
  },
} as const;
