import type { DeliveryStore } from '../store/types.js';

/**
 * Free pages above this share of the store are given back once derivation has caught up and the
 * listener is quiet. Each capture is deleted once its delivery is derived, so every burst leaves
 * its captures' pages free (about 2 % of a store after a backlog of small webhooks): a store at
 * rest gives them back to the disk rather than holding them until the next burst.
 */
export const RECLAIM_WHEN_FREE = 0.01;

/**
 * Gives free pages back a step at a time (the store's incremental vacuum; nothing where the store
 * has none), yielding between steps and stopping as soon as `quiet()` no longer holds. Returns
 * whether it compacted anything.
 */
export async function reclaimFreePages(deliveries: Pick<DeliveryStore, 'freeFraction' | 'compact'>, quiet: () => boolean): Promise<boolean> {
  if (!quiet() || (await deliveries.freeFraction()) < RECLAIM_WHEN_FREE) return false;
  while (quiet() && (await deliveries.compact())) await new Promise((resolve) => setImmediate(resolve));
  return true;
}
