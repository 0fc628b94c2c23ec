import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkspaceConnectInput } from '../../../src-shared/contract/workspace.js';
import { useTransport } from '../../transport/context.js';

const workspaceKey = ['workspace'] as const;

export function useWorkspace() {
  const transport = useTransport();
  return useQuery({ queryKey: workspaceKey, queryFn: () => transport.call('workspace.get', {}) });
}

/** Connecting or going back to this computer changes where everything comes from: every query is fetched again. */
export function useChangeWorkspace() {
  const transport = useTransport();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { kind: 'connect'; input: WorkspaceConnectInput } | { kind: 'local' }) =>
      change.kind === 'connect' ? transport.call('workspace.connect', change.input) : transport.call('workspace.useLocal', {}),
    onSuccess: () => void client.invalidateQueries(),
  });
}
