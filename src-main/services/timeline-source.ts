import type { TimelineStep } from '../../src-shared/domain/timeline.js';

/**
 * A feature's contribution to payment timelines: the steps linked to any of these correlation
 * values (session ids, references, transaction ids…) or to these deliveries.
 */
export interface TimelineSource {
  stepsFor(query: { keys: readonly string[]; deliveryIds: readonly string[]; deliveries?: readonly TimelineDeliveryFacts[] }): Promise<TimelineStep[]>;
}

/** What a source may need of the timeline's deliveries beyond their ids (the relay: tries of one event). */
export interface TimelineDeliveryFacts {
  id: string;
  provider: string;
  receivedAt: string;
  duplicateOf: string | null;
  rejected: boolean;
}
