import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DeliveryImportInput } from '../../../src-shared/contract/interop.js';
import { useTransport } from '../../transport/context.js';
import { queryKeys } from '../../transport/query-keys.js';

export function useImportDeliveries() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DeliveryImportInput) => transport.call('deliveries.import', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.deliveryLists() }),
  });
}
