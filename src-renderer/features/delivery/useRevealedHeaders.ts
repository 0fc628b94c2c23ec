import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HeaderPair } from '../../../src-shared/domain/delivery.js';
import { useTransport } from '../../transport/context.js';

/** Kept beside the delivery's queries but never fetched by itself: only the user's reveal fills it. */
const revealedKey = (id: string) => ['deliveries', 'revealed-headers', id] as const;

/**
 * The delivery's headers with credential values in clear, once the user revealed them on the
 * desktop; null until then (or after hiding). Gone as soon as the delivery view closes.
 */
export function useRevealedHeaders(id: string): HeaderPair[] | null {
  const query = useQuery<HeaderPair[] | null>({ queryKey: revealedKey(id), queryFn: skipToken, gcTime: 0 });
  return query.data ?? null;
}

/** Reveal (desktop only: serve mode's API refuses it) and hide the credential values. */
export function useRevealHeaders(id: string) {
  const transport = useTransport();
  const queryClient = useQueryClient();
  const reveal = useMutation({
    mutationFn: () => transport.call('deliveries.revealHeaders', { id }),
    onSuccess: ({ headers }) => queryClient.setQueryData(revealedKey(id), headers),
  });
  return {
    /** Only the desktop window may ask; a browser is told where it can. */
    possible: transport.kind === 'ipc',
    reveal,
    hide: () => {
      queryClient.setQueryData(revealedKey(id), null);
      reveal.reset();
    },
  };
}
