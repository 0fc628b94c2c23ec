import type { TimelineStep } from '../../src-shared/domain/timeline.js';

/**
 * A feature's contribution to payment timelines: the steps linked to any of these correlation
 * values (session ids, references, transaction ids…) or to these deliveries.
 */
export interface TimelineSource {
  stepsFor(query: { keys: readonly string[]; deliveryIds: readonly string[] }): Promise<TimelineStep[]>;
}
