import type { ReplayAttemptListed } from '../../../src-shared/contract/replay.js';

/** The delivery an attempt sent, as a person names it: "PAYMENT_COMPLETED · REF-1"; the id only when it has neither. */
export function attemptDeliveryName(attempt: Pick<ReplayAttemptListed, 'deliveryId' | 'delivery'>): string {
  const parts = [attempt.delivery?.eventType, attempt.delivery?.reference].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' · ') : attempt.deliveryId;
}
