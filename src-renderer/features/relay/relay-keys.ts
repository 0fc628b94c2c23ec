import { queryKeys } from '../../transport/query-keys.js';

/** Query keys of the relay feature, all under queryKeys.relay() so one push refreshes them. */
export const relayKeys = {
  all: queryKeys.relay,
  routes: () => [...queryKeys.relay(), 'routes'] as const,
  attempts: (deliveryId: string) => [...queryKeys.relay(), 'attempts', deliveryId] as const,
};
