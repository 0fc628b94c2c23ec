import { useInfiniteQuery } from '@tanstack/react-query';
import { useTransport } from '../../transport/context.js';

export function useAuditLog(filter: { action?: string; subject?: string }) {
  const transport = useTransport();
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => transport.call('audit.list', { ...filter, limit: 100, ...(pageParam ? { cursor: pageParam } : {}) }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
