import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../src-shared/contract/index.js';
import { useTransport } from '../../transport/context.js';

export const viewKeys = { list: () => ['views', 'list'] as const };

/** The team's saved views, kept fresh by the `views.changed` push (someone else saved or deleted one). */
export function useViews() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      transport.subscribe((event) => {
        if (event.type === 'views.changed') void queryClient.invalidateQueries({ queryKey: viewKeys.list() });
      }),
    [transport, queryClient],
  );
  return useQuery({ queryKey: viewKeys.list(), queryFn: async () => (await transport.call('views.list', {})).items });
}

export function useSaveView() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'views.save'>) => transport.call('views.save', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: viewKeys.list() }),
  });
}

export function useDeleteView() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => transport.call('views.delete', { id }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: viewKeys.list() }),
  });
}
