import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTransport } from '../../transport/context.js';

export const timelineKeys = {
  all: () => ['timeline'] as const,
  one: (key: string) => ['timeline', key] as const,
};

/** Under a burst of webhooks, refresh at most this often. */
const REFRESH_EVERY_MS = 1500;

/**
 * Refreshes these queries when deliveries arrive or change (a new webhook may belong to the
 * payment on screen); pushes, not polling, throttled so a burst costs one refetch.
 */
export function useRefreshOnDeliveries(queryRoot: string) {
  const transport = useTransport();
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = transport.subscribe((event) => {
      if (event.type !== 'deliveries.received' && event.type !== 'deliveries.updated' && event.type !== 'replay.progress') return;
      timer ??= setTimeout(() => {
        timer = null;
        void queryClient.invalidateQueries({ queryKey: [queryRoot] });
      }, REFRESH_EVERY_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [transport, queryClient, queryRoot]);
}

export function useTimeline(key: string) {
  const transport = useTransport();
  useRefreshOnDeliveries(timelineKeys.all()[0]);
  return useQuery({
    queryKey: timelineKeys.one(key),
    queryFn: () => transport.call('timeline.get', { key }),
    placeholderData: (previous) => previous,
  });
}
