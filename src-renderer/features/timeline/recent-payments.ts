/**
 * The payments the latest deliveries belong to, for the Payments page before anything is typed:
 * each delivery's reference (the correlation key a person recognises first, see the pipeline's
 * REFERENCE_PREFERENCE) names its payment, and opens its timeline.
 */
import type { DeliverySummary } from '../../../src-shared/domain/delivery.js';

export interface RecentPayment {
  /** The reference: a correlation key, so the timeline's key. */
  key: string;
  provider: string;
  /** The newest delivery's event type and arrival. */
  lastEvent: string | null;
  lastAt: string;
  /** How many of the deliveries read carry this reference. */
  deliveries: number;
}

/** How many of the latest deliveries are read for them. */
export const RECENT_DELIVERIES = 200;

/** The distinct references of `items` (newest first, as deliveries.list gives them), at most `count`. */
export function recentPayments(items: readonly DeliverySummary[], count: number): RecentPayment[] {
  const byKey = new Map<string, RecentPayment>();
  for (const item of items) {
    if (!item.reference) continue;
    const seen = byKey.get(item.reference);
    if (seen) seen.deliveries++;
    else byKey.set(item.reference, { key: item.reference, provider: item.provider, lastEvent: item.eventType, lastAt: item.receivedAt, deliveries: 1 });
  }
  return [...byKey.values()].slice(0, count);
}
