/** The bulk replay form's state, from and to the route and the `replay.bulk.start` input. */
import type { ReplayBulkStartInput, ReplayDeliveryFilter } from '../../../src-shared/contract/replay.js';
import { providerIds } from '../../../src-shared/domain/provider.js';

export interface BulkFormState {
  targetId: string;
  provider: string;
  q: string;
  eventType: string;
  concurrency: number;
  resign: boolean;
}

export function bulkFormFromParams(params: URLSearchParams): Omit<BulkFormState, 'targetId'> {
  const provider = params.get('provider') ?? '';
  return {
    provider: (providerIds as readonly string[]).includes(provider) || provider === 'unknown' ? provider : '',
    q: params.get('q') ?? '',
    eventType: params.get('eventType') ?? '',
    concurrency: 1,
    resign: false,
  };
}

export function bulkStartInput(form: BulkFormState, confirm: boolean): ReplayBulkStartInput {
  const filter: ReplayDeliveryFilter = {};
  if (form.provider) filter.provider = form.provider as ReplayDeliveryFilter['provider'];
  if (form.q.trim()) filter.q = form.q.trim();
  if (form.eventType.trim()) filter.eventType = form.eventType.trim();
  return { targetId: form.targetId, filter, concurrency: form.concurrency, resign: form.resign, confirm };
}

/** A bulk replay of everything stored is almost never meant: ask for at least one criterion. */
export function hasCriterion(form: BulkFormState): boolean {
  return Boolean(form.provider || form.q.trim() || form.eventType.trim());
}
