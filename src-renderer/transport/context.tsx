import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ConsoleTransport } from './types.js';
import { queryKeys } from './query-keys.js';

const TransportContext = createContext<ConsoleTransport | null>(null);

export function useTransport(): ConsoleTransport {
  const transport = useContext(TransportContext);
  if (!transport) throw new Error('useTransport outside TransportProvider');
  return transport;
}

/** Provides the transport and turns pushed events into query invalidations (no polling). */
export function TransportProvider({ transport, children }: { transport: ConsoleTransport; children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      transport.subscribe((event) => {
        switch (event.type) {
          case 'deliveries.received':
            void queryClient.invalidateQueries({ queryKey: queryKeys.deliveryLists() });
            void queryClient.invalidateQueries({ queryKey: queryKeys.listener() });
            break;
          case 'deliveries.updated':
            void queryClient.invalidateQueries({ queryKey: queryKeys.deliveryLists() });
            for (const id of event.ids) void queryClient.invalidateQueries({ queryKey: queryKeys.delivery(id) });
            break;
          case 'listener.changed':
            void queryClient.invalidateQueries();
            break;
        }
      }),
    [transport, queryClient],
  );
  return <TransportContext.Provider value={transport}>{children}</TransportContext.Provider>;
}
