import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../src-shared/contract/index.js';
import { useTransport } from '../../transport/context.js';

const providersKey = ['providers'] as const;

export function useProviders() {
  const transport = useTransport();
  return useQuery({ queryKey: providersKey, queryFn: () => transport.call('providers.get', {}) });
}

export function useConfigureProvider() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'providers.configure'>) => transport.call('providers.configure', input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: providersKey });
      // Stored deliveries are being verified again with the new secrets.
      void queryClient.invalidateQueries({ queryKey: ['deliveries'] });
    },
  });
}
