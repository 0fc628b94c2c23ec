import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTransport } from '../../transport/context.js';

export function useAuditLog(filter: { action?: string; subject?: string; actor?: string }) {
  const transport = useTransport();
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => transport.call('audit.list', { ...filter, limit: 100, ...(pageParam ? { cursor: pageParam } : {}) }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Everyone with an entry (a person and their tokens as one name), for the filter. */
export function useAuditActors() {
  const transport = useTransport();
  return useQuery({ queryKey: ['audit', 'actors'], queryFn: () => transport.call('audit.actors', {}) });
}
