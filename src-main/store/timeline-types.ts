import type { DeliveryProvider } from '../../src-shared/domain/provider.js';
import type { VerificationStatus } from '../../src-shared/domain/verification.js';
import type { Amount, CorrelationKey, NormalizedStatus, ProviderEventTime } from '../../src-shared/domain/normalized.js';

/** What a payment timeline needs of one delivery: never the body. */
export interface TimelineDeliveryRecord {
  id: string;
  seq: number;
  provider: DeliveryProvider;
  receivedAt: string;
  eventType: string | null;
  eventId: string | null;
  status: NormalizedStatus | null;
  providerStatus: string | null;
  verification: VerificationStatus | null;
  verificationDiagnosis: string | null;
  amounts: Amount[];
  /** The event's time by the provider's clock (normalized.eventTime). */
  providerTime?: ProviderEventTime | null;
  duplicateOf: string | null;
  rejected: boolean;
  keys: CorrelationKey[];
}

/** Finds the deliveries linked to correlation values. */
export interface TimelineStore {
  /** Seqs of deliveries carrying any of these exact values, newest first, at most `limit`. */
  deliverySeqsByValues(values: readonly string[], limit: number): Promise<number[]>;
  /** The deliveries with these seqs, oldest first. */
  deliveriesBySeqs(seqs: readonly number[]): Promise<TimelineDeliveryRecord[]>;
  /** The seq of a delivery by its id (so a timeline can start from a delivery). */
  seqOfDelivery(id: string): Promise<number | null>;
}

export type StatsBucketUnit = 'minute' | 'hour' | 'day';

export interface StatsQuery {
  /** Inclusive ISO lower bound. */
  since: string;
  unit: StatsBucketUnit;
}

export interface StatsRow {
  /** The bucket's start as an ISO prefix: `2026-11-05T14:07` (minute), `2026-11-05T14` (hour) or `2026-11-05` (day), UTC. */
  bucket: string;
  provider: string;
  status: string | null;
  verification: string | null;
  count: number;
}

/** A payment's newest event with a status: what the dashboard's "stuck payments" are read from. */
export interface PaymentStatusRow {
  provider: string;
  /** The delivery's reference (the inbox's reference column), which names the payment. */
  reference: string;
  status: string;
  receivedAt: string;
}

/** Aggregates for the dashboard. */
export interface StatsStore {
  deliveryCounts(query: StatsQuery): Promise<StatsRow[]>;
  /**
   * Per provider and reference, the newest delivery received since `since` that set a status
   * (not info or unknown; retries left out).
   */
  latestPaymentStatuses(query: { since: string }): Promise<PaymentStatusRow[]>;
}
