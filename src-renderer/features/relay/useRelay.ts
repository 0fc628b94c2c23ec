import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../src-shared/contract/index.js';
import { useTransport } from '../../transport/context.js';
import { queryKeys } from '../../transport/query-keys.js';
import { relayKeys } from './relay-keys.js';

export function useRelayRoutes() {
  const transport = useTransport();
  return useQuery({ queryKey: relayKeys.routes(), queryFn: () => transport.call('relay.routes.list', {}) });
}

/** After any change: routes, attempts and inbox rows may all read differently. */
function useRefreshRelay() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: relayKeys.all() });
    void queryClient.invalidateQueries({ queryKey: queryKeys.deliveryLists() });
  };
}

export function useSaveRoute() {
  const transport = useTransport();
  const refresh = useRefreshRelay();
  return useMutation({ mutationFn: (input: CallInput<'relay.routes.save'>) => transport.call('relay.routes.save', input), onSuccess: refresh });
}

export function useDeleteRoute() {
  const transport = useTransport();
  const refresh = useRefreshRelay();
  return useMutation({ mutationFn: (id: string) => transport.call('relay.routes.delete', { id }), onSuccess: refresh });
}

export function usePauseRoute() {
  const transport = useTransport();
  const refresh = useRefreshRelay();
  return useMutation({
    mutationFn: ({ routeId, paused }: { routeId: string; paused: boolean }) => transport.call(paused ? 'relay.pause' : 'relay.resume', { routeId }),
    onSuccess: refresh,
  });
}

export function useRelayAttempts(deliveryId: string) {
  const transport = useTransport();
  return useQuery({ queryKey: relayKeys.attempts(deliveryId), queryFn: () => transport.call('relay.attempts', { deliveryId }) });
}

export function useRetryRelay() {
  const transport = useTransport();
  const refresh = useRefreshRelay();
  return useMutation({ mutationFn: (input: CallInput<'relay.retry'>) => transport.call('relay.retry', input), onSuccess: refresh });
}
