/**
 * What the provider was answered for a delivery and so when it will try again: the delivery
 * view's `providerRetry`, the inbox rows' relay state. The schedule itself is shared data
 * (src-shared/relay/retry-schedules.ts); this module only gathers the tries from the store.
 */
import type { DeliveryDetail, DeliverySummary } from '../../src-shared/domain/delivery.js';
import { isProviderId } from '../../src-shared/domain/provider.js';
import { providerRetryOf, type ProviderRetry } from '../../src-shared/relay/provider-retry.js';
import { relayFilterOf } from '../../src-shared/relay/states.js';
import type { DeliveryStore } from '../store/types.js';
import type { RelayJobRecord, RelayStore } from '../store/relay-types.js';

/** The provider's answer: a status, null for none at all, or `pending` while a passthrough waits for the backend. */
export type ProviderAnswer = { status: number | null } | 'pending';

export function providerAnswerOf(job: RelayJobRecord | undefined, rejectedStatus: number | null): ProviderAnswer {
  if (!job) return { status: rejectedStatus ?? 200 };
  if (job.answeredAt !== null) return { status: job.answeredStatus };
  // A passthrough still sending has not answered yet; one a stopped process left never did.
  return job.state === 'sending' ? 'pending' : { status: null };
}

export const refusedNote = (status: number) =>
  `The listener refused this request (HTTP ${status}) and kept no body, so it cannot be linked to the event's other tries: it is counted as a first try.`;

export class ProviderRetries {
  constructor(
    private readonly deliveries: DeliveryStore,
    private readonly relay: RelayStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async forDelivery(detail: DeliveryDetail): Promise<ProviderRetry | null> {
    if (!isProviderId(detail.provider)) return null;
    const [job] = await this.relay.jobsForDeliveries([detail.id]);
    const answered = providerAnswerOf(job, detail.rejected?.httpStatus ?? null);
    if (answered === 'pending') return null;
    const root = detail.duplicateOf ?? detail.id;
    const chain = [root, ...(await this.deliveries.duplicatesOf(root))];
    const index = Math.max(0, chain.indexOf(detail.id));
    const nextId = chain[index + 1];
    const next = nextId === undefined ? null : await this.deliveries.get(nextId);
    return providerRetryOf({
      provider: detail.provider,
      thisTry: { number: index + 1, at: detail.receivedAt, answeredStatus: answered.status },
      nextTry: next ? { deliveryId: next.id, at: next.receivedAt } : null,
      now: this.now(),
      note: detail.rejected ? refusedNote(detail.rejected.httpStatus) : null,
    });
  }

  async withProviderRetry(detail: DeliveryDetail): Promise<DeliveryDetail> {
    return { ...detail, providerRetry: await this.forDelivery(detail) };
  }

  /** Inbox rows with where relaying stands ("relay failed" for a dead letter); one read per page. */
  async withRelayStates<T extends { items: DeliverySummary[] }>(page: T): Promise<T> {
    if (page.items.length === 0) return page;
    const jobs = new Map((await this.relay.jobsForDeliveries(page.items.map((d) => d.id))).map((j) => [j.deliveryId, j]));
    return { ...page, items: page.items.map((d) => ({ ...d, relayState: jobs.has(d.id) ? relayFilterOf(jobs.get(d.id)!.state) : null })) };
  }
}
