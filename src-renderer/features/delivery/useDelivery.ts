import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTransport } from '../../transport/context.js';
import { queryKeys } from '../../transport/query-keys.js';

export function useDelivery(id: string) {
  const transport = useTransport();
  return useQuery({ queryKey: queryKeys.delivery(id), queryFn: () => transport.call('deliveries.get', { id }) });
}

/** Checks the signature again (after a secret was fixed) and shows the new result. */
export function useReverify(id: string) {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => transport.call('deliveries.reverify', { id }),
    onSuccess: (detail) => {
      queryClient.setQueryData(queryKeys.delivery(id), detail);
      void queryClient.invalidateQueries({ queryKey: queryKeys.deliveryLists() });
    },
  });
}
