import type { ProviderId } from '../../src-shared/domain/provider.js';
import type { VerificationResult } from '../../src-shared/domain/verification.js';
import type { CorrelationKey, NormalizedEvent } from '../../src-shared/domain/normalized.js';

/** Headers exactly as received: order and case kept, repeated names kept. */
export type RawHeaders = ReadonlyArray<readonly [name: string, value: string]>;

/** What an adapter needs of a stored delivery. */
export interface WebhookDelivery {
  headers: RawHeaders;
  body: Uint8Array;
}

/** One configured webhook secret. `key` selects it by a header (Calypso's `Key` = subscription public key). */
export interface WebhookSecret {
  label: string;
  value: string;
  key?: string;
}

/** The result of parsing a body. Parsing never throws: bad input is described, not rejected. */
export interface ParsedWebhook {
  /** The decoded JSON with numbers kept as their exact source text (see lossless JSON). */
  json: unknown;
  /** Why the body could not be read as JSON (not UTF-8, empty, malformed, wrong content-type). */
  parseError: string | null;
  eventType: string | null;
  /** The provider's own id of this event, used to link retries as duplicates. */
  eventId: string | null;
  /** Schema mismatches, shown as warnings: schemas describe, they do not gatekeep. */
  schemaIssues: string[];
}

export interface ProviderAdapter {
  readonly id: ProviderId;
  parse(delivery: WebhookDelivery): ParsedWebhook;
  verify(delivery: WebhookDelivery, secrets: readonly WebhookSecret[]): VerificationResult;
  /** Signature headers for a webhook body, with the same recipe `verify` checks (used by replay re-sign). */
  signWebhook(body: Uint8Array, secret: WebhookSecret): Record<string, string>;
  normalize(parsed: ParsedWebhook): NormalizedEvent;
  correlationKeys(parsed: ParsedWebhook): CorrelationKey[];
}
