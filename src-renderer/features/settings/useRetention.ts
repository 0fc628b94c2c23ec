import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../src-shared/contract/index.js';
import { useTransport } from '../../transport/context.js';

export const retentionKeys = {
  status: () => ['retention', 'status'] as const,
  preview: (days: number) => ['retention', 'preview', days] as const,
};

export function useRetentionStatus() {
  const transport = useTransport();
  return useQuery({ queryKey: retentionKeys.status(), queryFn: () => transport.call('retention.get', {}) });
}

/** How many deliveries a cutoff would delete; only asked for while a confirmation is shown. */
export function useRetentionPreview(days: number | null) {
  const transport = useTransport();
  return useQuery({
    queryKey: retentionKeys.preview(days ?? 0),
    queryFn: () => transport.call('retention.preview', { days: days! }),
    enabled: days !== null,
  });
}

export function useConfigureRetention() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'retention.configure'>) => transport.call('retention.configure', input),
    onSuccess: (status) => {
      queryClient.setQueryData(retentionKeys.status(), status);
      void queryClient.invalidateQueries({ queryKey: ['deliveries'] });
    },
  });
}

export function usePruneNow() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (days: number) => transport.call('retention.pruneNow', { days, confirmed: true }),
    onSuccess: (result) => {
      queryClient.setQueryData(retentionKeys.status(), result.status);
      void queryClient.invalidateQueries({ queryKey: ['retention', 'preview'] });
      void queryClient.invalidateQueries({ queryKey: ['deliveries'] });
    },
  });
}
