import type { DeliveriesListInput } from '../../src-shared/contract/deliveries.js';

/** Every query key in one place, so pushes invalidate exactly what they change. */
export const queryKeys = {
  deliveryLists: () => ['deliveries', 'list'] as const,
  deliveryList: (filters: Partial<DeliveriesListInput>) => ['deliveries', 'list', filters] as const,
  /** A typed id looked up among the correlation keys (a delivery list of one): refreshed with the lists. */
  idLookup: (text: string) => ['deliveries', 'list', 'id-lookup', text] as const,
  /** The latest deliveries, read for the payments they belong to (the Payments page). */
  recentPayments: () => ['deliveries', 'list', 'recent-payments'] as const,
  delivery: (id: string) => ['deliveries', 'detail', id] as const,
  listener: () => ['listener'] as const,
  /** Everything of the relay feature (routes, attempts): refreshed when relaying progresses. */
  relay: () => ['relay'] as const,
};
