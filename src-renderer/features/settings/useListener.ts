import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../src-shared/contract/index.js';
import { useTransport } from '../../transport/context.js';
import { queryKeys } from '../../transport/query-keys.js';

export function useListenerStatus() {
  const transport = useTransport();
  return useQuery({ queryKey: queryKeys.listener(), queryFn: () => transport.call('listener.status', {}) });
}

export function useConfigureListener() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'listener.configure'>) => transport.call('listener.configure', input),
    onSuccess: (status) => queryClient.setQueryData(queryKeys.listener(), status),
  });
}
