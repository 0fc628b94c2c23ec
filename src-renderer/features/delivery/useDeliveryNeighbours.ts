import { useMemo } from 'react';
import { collapseRetries } from '../../ui/retries.js';
import { filtersFromParams, useDeliveries } from '../inbox/useDeliveries.js';
import { neighbours, retriesShown } from '../inbox/inbox-view.js';

/**
 * The deliveries before and after this one in the inbox view it was opened from (same filters,
 * retries collapsed or not), from the list already loaded there. A retry hidden under its
 * original is placed in the full list.
 */
export function useDeliveryNeighbours(id: string, params: URLSearchParams) {
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const list = useDeliveries(filters);
  return useMemo(() => {
    const items = list.data?.pages.flatMap((page) => page.items) ?? [];
    const shown = collapseRetries(
      items,
      (d) => d.id,
      (d) => d.duplicateOf,
      retriesShown(params),
    ).map(({ item }) => item.id);
    const ids = shown.includes(id) ? shown : items.map((d) => d.id);
    return { ...neighbours(ids, id), loaded: ids.length, complete: list.isSuccess && !list.hasNextPage };
  }, [list.data, list.isSuccess, list.hasNextPage, params, id]);
}
