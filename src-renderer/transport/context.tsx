import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ConsoleTransport } from './types.js';
import { queryKeys } from './query-keys.js';
import { coalesceKeys } from './coalesce.js';

const TransportContext = createContext<ConsoleTransport | null>(null);

export function useTransport(): ConsoleTransport {
  const transport = useContext(TransportContext);
  if (!transport) throw new Error('useTransport outside TransportProvider');
  return transport;
}

/** Provides the transport and turns pushed events into query invalidations (no polling). */
export function TransportProvider({ transport, children }: { transport: ConsoleTransport; children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refresh = coalesceKeys((keys) => keys.forEach((queryKey) => void queryClient.invalidateQueries({ queryKey })));
    return transport.subscribe((event) => {
      switch (event.type) {
        case 'deliveries.received':
          refresh(queryKeys.deliveryLists());
          refresh(queryKeys.listener());
          break;
        case 'deliveries.updated':
          refresh(queryKeys.deliveryLists());
          // Only the open delivery views refetch; the others are not in the cache.
          for (const id of event.ids) if (queryClient.getQueryState(queryKeys.delivery(id))) refresh(queryKeys.delivery(id));
          break;
        case 'relay.changed':
          refresh(queryKeys.relay());
          refresh(queryKeys.deliveryLists());
          for (const id of event.deliveryIds) if (queryClient.getQueryState(queryKeys.delivery(id))) refresh(queryKeys.delivery(id));
          break;
        case 'listener.changed':
          void queryClient.invalidateQueries();
          break;
      }
    });
  }, [transport, queryClient]);
  return <TransportContext.Provider value={transport}>{children}</TransportContext.Provider>;
}
