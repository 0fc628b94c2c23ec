/** Which deliveries a bulk replay sends: by id, or every one matching the inbox's filters, in received order. */
import type { z } from 'zod';
import { MAX_BULK_DELIVERIES, type ReplayBulkCount, type ReplayBulkStartInput, type ReplayDeliveryFilter } from '../../src-shared/contract/replay.js';
import { ApiError } from '../../src-shared/contract/errors.js';
import type { DeliveryStore, StoredDelivery } from '../store/types.js';

type StartInput = z.output<typeof ReplayBulkStartInput>;

/** Ids matching the filter, newest first, at most `cap` (stops reading past it). */
async function idsMatching(deliveries: DeliveryStore, filter: ReplayDeliveryFilter, cap: number): Promise<string[]> {
  const ids: string[] = [];
  let beforeSeq: number | undefined;
  for (;;) {
    const { q, ...fields } = filter;
    const page = await deliveries.list({ ...fields, text: q, limit: 500, beforeSeq });
    ids.push(...page.items.map((d) => d.id));
    const last = page.items[page.items.length - 1];
    if (ids.length >= cap || !page.hasMore || !last) return ids.slice(0, cap);
    beforeSeq = last.seq;
  }
}

/** How many a filter matches now: what the person confirms. */
export async function countMatching(deliveries: DeliveryStore, filter: ReplayDeliveryFilter): Promise<ReplayBulkCount> {
  const count = (await idsMatching(deliveries, filter, MAX_BULK_DELIVERIES + 1)).length;
  return { count, limit: MAX_BULK_DELIVERIES, tooMany: count > MAX_BULK_DELIVERIES };
}

export async function selectDeliveries(deliveries: DeliveryStore, input: Pick<StartInput, 'deliveryIds' | 'filter'>): Promise<StoredDelivery[]> {
  if ((input.deliveryIds === undefined) === (input.filter === undefined)) {
    throw new ApiError('bad_request', 'Give either deliveryIds or a filter to choose the deliveries to replay.');
  }
  const ids = input.deliveryIds ? [...new Set(input.deliveryIds)] : await idsMatching(deliveries, input.filter!, MAX_BULK_DELIVERIES + 1);
  if (ids.length > MAX_BULK_DELIVERIES) throw new ApiError('bad_request', `More than ${MAX_BULK_DELIVERIES} deliveries match: narrow the filter.`);
  const found = await Promise.all(ids.map((id) => deliveries.get(id)));
  const missing = ids.filter((_, i) => !found[i]);
  if (missing.length > 0) throw new ApiError('not_found', `No delivery with id ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}.`);
  // Received order: the order the provider sent them in, which is what a staging service expects.
  return (found as StoredDelivery[]).sort((a, b) => a.seq - b.seq);
}

/** A delivery as a person names it: its event and reference, the id only when it has neither. */
export function deliveryName(delivery: Pick<StoredDelivery, 'id' | 'derived'>): string {
  const parts = [delivery.derived?.eventType, delivery.derived?.reference].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' · ') : delivery.id;
}
