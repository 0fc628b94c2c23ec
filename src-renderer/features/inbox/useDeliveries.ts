import { useInfiniteQuery } from '@tanstack/react-query';
import { DeliveriesListInput } from '../../../src-shared/contract/deliveries.js';
import { useTransport } from '../../transport/context.js';
import { queryKeys } from '../../transport/query-keys.js';

export type InboxFilters = Omit<Partial<DeliveriesListInput>, 'cursor' | 'limit'>;

const PAGE_SIZE = 100;
const FILTER_NAMES = ['provider', 'eventType', 'status', 'verification', 'environment', 'relay', 'q', 'since', 'until'] as const;

/**
 * Reads the inbox filters from the route's query string. A value the API would reject (an
 * unknown status, a malformed date in a hand-edited link) is dropped rather than failing the page.
 */
export function filtersFromParams(params: URLSearchParams): InboxFilters {
  const filters: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value && DeliveriesListInput.shape[name].safeParse(value).success) filters[name] = value;
  }
  return filters as InboxFilters;
}

/** The route's query string for these filters (empty ones left out), so a view can be shared. */
export function paramsFromFilters(filters: InboxFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value) params.set(name, String(value));
  }
  return params;
}

export function useDeliveries(filters: InboxFilters) {
  const transport = useTransport();
  return useInfiniteQuery({
    queryKey: queryKeys.deliveryList(filters),
    queryFn: ({ pageParam }) => transport.call('deliveries.list', { ...filters, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}
