import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertSettingsChange } from '../../../src-shared/contract/alerts.js';
import { useTransport } from '../../transport/context.js';

export const alertKeys = { status: () => ['alerts', 'status'] as const };

/** The switches, the quiet hours and the latest alerts; a pushed alert refreshes the list. */
export function useAlertsStatus() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      transport.subscribe((event) => {
        if (event.type === 'alert') void queryClient.invalidateQueries({ queryKey: alertKeys.status() });
      }),
    [transport, queryClient],
  );
  return useQuery({ queryKey: alertKeys.status(), queryFn: () => transport.call('alerts.get', {}) });
}

export function useConfigureAlerts() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: AlertSettingsChange) => transport.call('alerts.configure', change),
    onSuccess: (status) => queryClient.setQueryData(alertKeys.status(), status),
  });
}

export function useTestAlert() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => transport.call('alerts.test', {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: alertKeys.status() }),
  });
}
