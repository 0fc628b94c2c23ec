import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../src-shared/contract/index.js';
import { useTransport } from '../../transport/context.js';

const peopleKey = ['people'] as const;
const tokensKey = ['tokens'] as const;

export function usePeople() {
  const transport = useTransport();
  return useQuery({ queryKey: peopleKey, queryFn: () => transport.call('users.list', {}) });
}

type PersonChange =
  | { kind: 'add'; input: CallInput<'users.add'> }
  | { kind: 'setRole'; input: CallInput<'users.setRole'> }
  | { kind: 'disable' | 'enable'; input: CallInput<'users.disable'> }
  | { kind: 'resetPassword'; input: CallInput<'users.resetPassword'> };

/** One mutation per form or row action, so each shows its own error beside itself. */
export function useChangePerson() {
  const transport = useTransport();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: PersonChange) => {
      switch (change.kind) {
        case 'add':
          return transport.call('users.add', change.input);
        case 'setRole':
          return transport.call('users.setRole', change.input);
        case 'disable':
          return transport.call('users.disable', change.input);
        case 'enable':
          return transport.call('users.enable', change.input);
        case 'resetPassword':
          return transport.call('users.resetPassword', change.input);
      }
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: peopleKey }),
  });
}

export function useTokens() {
  const transport = useTransport();
  return useQuery({ queryKey: tokensKey, queryFn: () => transport.call('tokens.list', {}) });
}

export function useCreateToken() {
  const transport = useTransport();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => transport.call('tokens.create', { label }),
    onSuccess: () => void client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const transport = useTransport();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => transport.call('tokens.revoke', { id }),
    onSuccess: () => void client.invalidateQueries({ queryKey: tokensKey }),
  });
}
