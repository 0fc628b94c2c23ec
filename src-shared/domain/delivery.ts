import { z } from 'zod';
import { DeliveryProvider } from './provider.js';
import { VerificationResult, VerificationStatus } from './verification.js';
import { CorrelationKey, NormalizedEvent, NormalizedStatus } from './normalized.js';
import { DeliveryOrigin } from './origin.js';
import { RelayStateFilter } from '../relay/states.js';
import { ProviderRetry } from '../relay/provider-retry.js';

export const HeaderPair = z.tuple([z.string(), z.string()]);
export type HeaderPair = z.infer<typeof HeaderPair>;

/** Forwarding headers, recorded only when the user says the listener sits behind a tunnel. */
export const ForwardedInfo = z.object({
  for: z.string().nullable(),
  proto: z.string().nullable(),
  host: z.string().nullable(),
});
export type ForwardedInfo = z.infer<typeof ForwardedInfo>;

/** Why the listener did not keep a body (the attempt itself is still recorded). */
export const RejectionReason = z.object({
  httpStatus: z.number().int(),
  reason: z.string(),
});

/** One row of the inbox. */
export const DeliverySummary = z.object({
  id: z.string(),
  provider: DeliveryProvider,
  label: z.string().nullable(),
  receivedAt: z.string(),
  method: z.string(),
  path: z.string(),
  size: z.number().int().nonnegative(),
  eventType: z.string().nullable(),
  /** null while verification has not run yet (it runs just after the delivery is acknowledged). */
  verification: VerificationStatus.nullable(),
  /** The label of the webhook secret whose signature matched ("production", "hmac secret (sandbox)"). */
  secretLabel: z.string().nullable().optional(),
  status: NormalizedStatus.nullable(),
  amount: z.object({ value: z.string(), currency: z.string().nullable() }).nullable(),
  reference: z.string().nullable(),
  parseError: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  rejected: RejectionReason.nullable(),
  /** Relaying to the merchant's backend: null when no relay route covered it. */
  relayState: RelayStateFilter.nullable().optional(),
});
export type DeliverySummary = z.infer<typeof DeliverySummary>;

/** The whole delivery: every byte as received, and what the console made of it. */
export const DeliveryDetail = DeliverySummary.extend({
  query: z.string(),
  headers: z.array(HeaderPair),
  /** The raw body as text when it is valid UTF-8, otherwise null (see bodyBase64). */
  body: z.string().nullable(),
  bodyBase64: z.string(),
  remoteAddress: z.string().nullable(),
  forwarded: ForwardedInfo.nullable(),
  eventId: z.string().nullable(),
  verificationResult: VerificationResult,
  normalized: NormalizedEvent.nullable(),
  correlationKeys: z.array(CorrelationKey),
  schemaIssues: z.array(z.string()),
  /** Later deliveries linked to this one as retries/duplicates. */
  duplicates: z.array(z.string()),
  /** Set when the delivery was imported (HAR file, cURL command) rather than received by the listener. */
  origin: DeliveryOrigin.nullable().optional(),
  /** When the provider will try again after a non-accepted answer; null when no retry is expected. */
  providerRetry: ProviderRetry.nullable().optional(),
});
export type DeliveryDetail = z.infer<typeof DeliveryDetail>;
