import { z } from 'zod';

export const RelayMode = z.enum(['passthrough', 'queue', 'simulate']);
export type RelayMode = z.infer<typeof RelayMode>;

/**
 * A relayed delivery's state. `sending`: a passthrough forward waiting for the backend's answer;
 * `pending`: queued (a first try not made yet, or a retry scheduled); `failed`: a passthrough the
 * backend did not accept, or a queued delivery whose schedule ended (a dead letter).
 */
export const RelayJobState = z.enum(['sending', 'pending', 'delivered', 'failed', 'simulated']);
export type RelayJobState = z.infer<typeof RelayJobState>;

/** What the inbox filters by (pending and sending both show as retrying: not delivered yet). */
export const RelayStateFilter = z.enum(['delivered', 'retrying', 'failed', 'simulated']);
export type RelayStateFilter = z.infer<typeof RelayStateFilter>;

export function relayFilterOf(state: RelayJobState): RelayStateFilter {
  return state === 'pending' || state === 'sending' ? 'retrying' : state;
}

/** The job states each filter value stands for. */
export const RELAY_FILTER_STATES: Record<RelayStateFilter, readonly RelayJobState[]> = {
  delivered: ['delivered'],
  retrying: ['pending', 'sending'],
  failed: ['failed'],
  simulated: ['simulated'],
};
