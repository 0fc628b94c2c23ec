import { useQuery } from '@tanstack/react-query';
import { useTransport } from '../../transport/context.js';
import { queryKeys } from '../../transport/query-keys.js';

export function useDelivery(id: string) {
  const transport = useTransport();
  return useQuery({ queryKey: queryKeys.delivery(id), queryFn: () => transport.call('deliveries.get', { id }) });
}
