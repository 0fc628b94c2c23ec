/** The bulk replay form's state: from the route (every inbox filter), to the filter and the `replay.bulk.start` input. */
import { ReplayDeliveryFilter, type ReplayBulkStartInput } from '../../../src-shared/contract/replay.js';

/** The inbox's filters, by their names in the route: a bulk replay carries every one of them. */
export const FILTER_NAMES = ['provider', 'eventType', 'status', 'verification', 'environment', 'q', 'since', 'until'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface BulkFormState {
  targetId: string;
  /** Each filter as text, '' when not set. */
  filter: Record<FilterName, string>;
  concurrency: number;
  resign: boolean;
}

/** The filters in the route; a value the API would refuse (a hand-edited link) is left out. */
export function bulkFormFromParams(params: URLSearchParams): Omit<BulkFormState, 'targetId'> {
  const filter = Object.fromEntries(FILTER_NAMES.map((name) => [name, ''])) as Record<FilterName, string>;
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value && ReplayDeliveryFilter.shape[name].safeParse(value).success) filter[name] = value;
  }
  return { filter, concurrency: 1, resign: false };
}

/** The filter as the API takes it: empty fields left out. */
export function bulkFilter(form: Pick<BulkFormState, 'filter'>): ReplayDeliveryFilter {
  const filter: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = form.filter[name].trim();
    if (value) filter[name] = value;
  }
  return ReplayDeliveryFilter.parse(filter);
}

/** A bulk replay of everything stored is almost never meant: at least one filter is needed. */
export function hasCriterion(form: Pick<BulkFormState, 'filter'>): boolean {
  return Object.keys(bulkFilter(form)).length > 0;
}

/** Only ever started confirmed, for the count the person saw. */
export function bulkStartInput(form: BulkFormState, expectedCount: number): ReplayBulkStartInput {
  return { targetId: form.targetId, filter: bulkFilter(form), concurrency: form.concurrency, resign: form.resign, confirm: true, expectedCount };
}

/** The replay page for an inbox view: its filters, nothing else of it (selection, retries). */
export function replayParamsFor(inboxParams: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = inboxParams.get(name);
    if (value) params.set(name, value);
  }
  return params;
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** The filter in words, for the confirmation: "paychant · status completed · matching “RAIL” · received since 5 Nov, 14:00". */
export function filterWords(filter: ReplayDeliveryFilter): string {
  const parts = [
    filter.provider,
    filter.eventType ? `event ${filter.eventType}` : null,
    filter.status ? `status ${filter.status.replace('_', ' ')}` : null,
    filter.verification ? `signature ${filter.verification}` : null,
    filter.environment ? `${filter.environment} environment` : null,
    filter.q ? `matching “${filter.q}”` : null,
    filter.since && filter.until
      ? `received ${when(filter.since)} to ${when(filter.until)}`
      : filter.since
        ? `received since ${when(filter.since)}`
        : filter.until
          ? `received until ${when(filter.until)}`
          : null,
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' · ') : 'every delivery';
}
