import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTransport } from '../../transport/context.js';
import { queryKeys } from '../../transport/query-keys.js';
import { useDebounced } from '../../ui/useDebounced.js';
import { type IdMatch, idMatchOf } from './id-match.js';
import { RECENT_DELIVERIES, recentPayments } from './recent-payments.js';

/** Waits this long after the last keystroke before asking (the Payments lookup). */
const SETTLE_MS = 250;

export interface IdLookup {
  /** What the last answered text is (see id-match.ts); null when it is no key and starts none. */
  match: IdMatch | null;
  /** The text `match` answers: it may lag behind the field while one types (the list stays put meanwhile). */
  answered: string | null;
  /** True once `match` answers the text as it is now. */
  current: boolean;
  /** Why the last lookup failed, if it did. */
  error: Error | null;
}

const oneWord = (text: string) => text !== '' && !/\s/.test(text);

/**
 * The keys a typed id names or starts, from the inbox's own search (deliveries.list reads one
 * word among the correlation keys: README "Search"), for the Payments lookup (`settle`: after a
 * pause in typing) and for a timeline whose key finds nothing. Several words ask nothing.
 */
export function useIdSuggestions(text: string, options: { settle?: boolean } = {}): IdLookup {
  const transport = useTransport();
  const word = text.trim();
  const debounced = useDebounced(word, SETTLE_MS);
  const asked = options.settle ? debounced : word;
  const query = useQuery({
    queryKey: queryKeys.idLookup(asked),
    queryFn: async () => ({ text: asked, answer: await transport.call('deliveries.list', { q: asked, limit: 1 }) }),
    enabled: oneWord(asked),
    staleTime: 5_000,
    // The previous text's keys stay on screen while the next is asked.
    placeholderData: keepPreviousData,
  });
  const error = oneWord(word) ? query.error : null;
  if (!oneWord(word) || !query.data) return { match: null, answered: null, current: false, error };
  const answered = query.data.text;
  return { match: idMatchOf(query.data.answer), answered, current: answered === word && !query.isPlaceholderData, error };
}

/** The payments of the latest deliveries (recent-payments.ts), refreshed as deliveries arrive. */
export function useRecentPayments(count: number) {
  const transport = useTransport();
  const query = useQuery({
    queryKey: queryKeys.recentPayments(),
    queryFn: () => transport.call('deliveries.list', { limit: RECENT_DELIVERIES }),
  });
  return { payments: query.data ? recentPayments(query.data.items, count) : null, error: query.error, pending: query.isPending };
}
