import { useInfiniteQuery } from '@tanstack/react-query';
import type { DeliveriesListInput } from '../../../src-shared/contract/deliveries.js';
import { useTransport } from '../../transport/context.js';
import { queryKeys } from '../../transport/query-keys.js';

export type InboxFilters = Omit<Partial<DeliveriesListInput>, 'cursor' | 'limit'>;

const PAGE_SIZE = 100;

/** Reads the inbox filters from the route's query string, dropping unknown values. */
export function filtersFromParams(params: URLSearchParams): InboxFilters {
  const filters: InboxFilters = {};
  const pick = (name: keyof InboxFilters) => {
    const value = params.get(name);
    if (value) (filters as Record<string, string>)[name] = value;
  };
  (['provider', 'eventType', 'status', 'verification', 'q', 'since', 'until'] as const).forEach(pick);
  return filters;
}

export function useDeliveries(filters: InboxFilters) {
  const transport = useTransport();
  return useInfiniteQuery({
    queryKey: queryKeys.deliveryList(filters),
    queryFn: ({ pageParam }) =>
      transport.call('deliveries.list', { ...filters, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}
