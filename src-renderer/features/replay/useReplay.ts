import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../src-shared/contract/index.js';
import type { ReplayDeliveryFilter, ReplayJob } from '../../../src-shared/contract/replay.js';
import { useTransport } from '../../transport/context.js';
import { replayKeys } from './replay-keys.js';
import { laterJob } from './bulk-progress.js';

export function useReplayTargets() {
  const transport = useTransport();
  return useQuery({ queryKey: replayKeys.targets(), queryFn: () => transport.call('replay.targets.list', {}) });
}

export function useSaveTarget() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'replay.targets.save'>) => transport.call('replay.targets.save', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: replayKeys.targets() }),
  });
}

export function useRemoveTarget() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => transport.call('replay.targets.remove', { id }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: replayKeys.targets() }),
  });
}

export function useReplayAttempts(filter: { deliveryId?: string; targetId?: string; jobId?: string; limit?: number }) {
  const transport = useTransport();
  return useQuery({ queryKey: replayKeys.attempts(filter), queryFn: () => transport.call('replay.attempts', filter) });
}

/** The headers that would be sent, and schema warnings for an (edited) body. */
export function useReplayPreview(deliveryId: string, body: string | undefined) {
  const transport = useTransport();
  return useQuery({
    queryKey: replayKeys.preview(deliveryId, body),
    queryFn: () => transport.call('replay.preview', body === undefined ? { deliveryId } : { deliveryId, body }),
    placeholderData: keepPreviousData,
  });
}

export function useSendReplay() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'replay.send'>) => transport.call('replay.send', input),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: replayKeys.allAttempts() });
      // A first confirmed send changes the target's needsConfirmation.
      void queryClient.invalidateQueries({ queryKey: replayKeys.targets() });
    },
  });
}

export function useBulkJobs() {
  const transport = useTransport();
  return useQuery({ queryKey: replayKeys.jobs(), queryFn: () => transport.call('replay.bulk.list', {}) });
}

export function useStartBulk() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'replay.bulk.start'>) => transport.call('replay.bulk.start', input),
    onSuccess: (job) => upsertJob(queryClient, job),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: replayKeys.targets() }),
  });
}

/** How many deliveries a bulk replay of this filter would send now (null filter: not asked). */
export function useBulkCount(filter: ReplayDeliveryFilter | null) {
  const transport = useTransport();
  return useQuery({
    queryKey: replayKeys.bulkCount(filter ?? {}),
    queryFn: () => transport.call('replay.bulk.count', { filter: filter ?? {} }),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
    // A count shown for confirmation must be the current one, not the first ever asked.
    staleTime: 0,
  });
}

export function useResumeBulk() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => transport.call('replay.bulk.resume', { id }),
    onSuccess: (job) => upsertJob(queryClient, job),
  });
}

export function useRetryFailed() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<'replay.bulk.retryFailed'>) => transport.call('replay.bulk.retryFailed', input),
    onSuccess: (job) => upsertJob(queryClient, job),
  });
}

export function useCancelBulk() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => transport.call('replay.bulk.cancel', { id }),
    onSuccess: (job) => upsertJob(queryClient, job),
  });
}

function upsertJob(queryClient: ReturnType<typeof useQueryClient>, job: ReplayJob): void {
  queryClient.setQueryData(replayKeys.jobs(), (old: { jobs: ReplayJob[] } | undefined) => {
    const jobs = old?.jobs ?? [];
    const current = jobs.find((j) => j.id === job.id);
    // In place when known (an answer may come after a later push: the later view stays), else on top.
    return current ? { jobs: jobs.map((j) => (j.id === job.id ? laterJob(j, job) : j)) } : { jobs: [job, ...jobs] };
  });
}

/** Bulk progress pushed by the main process: updates the job in place and refreshes attempt lists. */
export function useReplayProgress(): void {
  const transport = useTransport();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      transport.subscribe((event) => {
        if (event.type !== 'replay.progress') return;
        upsertJob(queryClient, event.job);
        void queryClient.invalidateQueries({ queryKey: replayKeys.allAttempts() });
      }),
    [transport, queryClient],
  );
}
