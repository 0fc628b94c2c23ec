import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../src-shared/contract/index.js';
import type { SessionSettings } from '../../../src-shared/sessions/settings.js';
import { useTransport } from '../../transport/context.js';

/** This feature's query keys (kept here so the shared key file is not edited by every feature). */
export const sessionKeys = {
  all: () => ['sessions'] as const,
  list: (provider?: string) => ['sessions', 'list', provider ?? 'all'] as const,
  detail: (id: string) => ['sessions', 'detail', id] as const,
  settings: () => ['sessions', 'settings'] as const,
  deliveryLookups: (deliveryId: string) => ['sessions', 'tx-lookups', deliveryId] as const,
};

export function useSessionList(provider?: string) {
  const transport = useTransport();
  return useQuery({
    queryKey: sessionKeys.list(provider),
    queryFn: () => transport.call('sessions.list', provider ? { provider: provider as never } : {}),
  });
}

export function useSession(id: string) {
  const transport = useTransport();
  return useQuery({ queryKey: sessionKeys.detail(id), queryFn: () => transport.call('sessions.get', { id }) });
}

export function useSessionSettings() {
  const transport = useTransport();
  return useQuery({ queryKey: sessionKeys.settings(), queryFn: () => transport.call('sessions.settings.get', {}) });
}

export function useSaveSessionSettings() {
  const transport = useTransport();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: SessionSettings) => transport.call('sessions.settings.save', settings),
    onSuccess: (saved) => client.setQueryData(sessionKeys.settings(), saved),
  });
}

/** The exact request for a draft, asked again as the draft settles (the preview beside the form). */
export function useLivePreview(draft: CallInput<'sessions.preview'> | null) {
  const transport = useTransport();
  return useQuery({
    queryKey: [...sessionKeys.all(), 'preview', draft],
    queryFn: () => transport.call('sessions.preview', draft!),
    enabled: draft !== null,
    placeholderData: (previous) => previous,
    retry: false,
    // A duplicate sent meanwhile changes the answer: asked again whenever the draft is.
    staleTime: 0,
  });
}

export function useCreateSession() {
  const transport = useTransport();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: CallInput<'sessions.create'>) => transport.call('sessions.create', draft),
    onSettled: () => client.invalidateQueries({ queryKey: sessionKeys.all() }),
  });
}

/** Refresh, test deposit: each returns the session's new detail. */
export function useSessionAction() {
  const transport = useTransport();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: { kind: 'refresh'; id: string } | ({ kind: 'mockDeposit' } & CallInput<'sessions.mockDeposit'>)) =>
      action.kind === 'refresh'
        ? transport.call('sessions.refresh', { id: action.id })
        : transport.call('sessions.mockDeposit', { id: action.id, blockChainCurrency: action.blockChainCurrency, blockChainAmount: action.blockChainAmount }),
    onSuccess: (detail) => {
      client.setQueryData(sessionKeys.detail(detail.id), detail);
      void client.invalidateQueries({ queryKey: ['sessions', 'list'] });
    },
  });
}

export function useDeliveryLookups(deliveryId: string) {
  const transport = useTransport();
  return useQuery({ queryKey: sessionKeys.deliveryLookups(deliveryId), queryFn: () => transport.call('sessions.txLookups', { deliveryId }) });
}

export function useWithdrawTxLookup() {
  const transport = useTransport();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'sessions.lookupWithdrawTx'>) => transport.call('sessions.lookupWithdrawTx', input),
    onSuccess: (lookup) => {
      if (lookup.deliveryId) void client.invalidateQueries({ queryKey: sessionKeys.deliveryLookups(lookup.deliveryId) });
      if (lookup.sessionId) void client.invalidateQueries({ queryKey: sessionKeys.detail(lookup.sessionId) });
    },
  });
}
