/** `relay.retry`: dead letters and failed passthroughs sent again by hand, one try each, now. */
import { ApiError } from '../../src-shared/contract/errors.js';
import type { RelayRetryInput } from '../../src-shared/contract/relay.js';
import type { RelayStore } from '../store/relay-types.js';
import type { AuditLog } from '../services/audit.js';

export interface RetryOutcome {
  retried: number;
  skipped: number;
  reasons: string[];
}

export class RelayRetries {
  constructor(
    private readonly store: RelayStore,
    private readonly audit: AuditLog,
    private readonly onRetried: (deliveryIds: string[]) => void,
  ) {}

  async retry(input: RelayRetryInput): Promise<RetryOutcome> {
    if ('deliveryId' in input) return this.one(input.deliveryId);
    const { retried, withoutRoute } = await this.store.retryFailed(input.filter, new Date().toISOString());
    const reasons =
      withoutRoute > 0 ? [`${withoutRoute} failed deliveries belong to deleted routes (or routes without a destination) and were left as they are.`] : [];
    await this.done(retried, `Retried ${retried.length} failed relays by hand${withoutRoute ? `; ${withoutRoute} left (no route)` : ''}`, {
      filter: input.filter,
    });
    return { retried: retried.length, skipped: withoutRoute, reasons };
  }

  private async one(deliveryId: string): Promise<RetryOutcome> {
    const [job] = await this.store.jobsForDeliveries([deliveryId]);
    if (!job) throw new ApiError('not_found', `Delivery ${deliveryId} was not relayed: no relay route covered its path when it arrived.`);
    if (job.state === 'simulated') throw new ApiError('bad_request', `Delivery ${deliveryId} got a simulated answer; nothing was to be sent to a backend.`);
    if (job.state === 'delivered') throw new ApiError('conflict', `Delivery ${deliveryId} was already relayed and accepted by the backend.`);
    if (job.state !== 'failed')
      throw new ApiError('conflict', `Delivery ${deliveryId} is still being relayed (next try at ${job.runAt}); it can be retried by hand once it has failed.`);
    const { retried } = await this.store.retryFailed({ deliveryId }, new Date().toISOString());
    if (retried.length === 0) throw new ApiError('conflict', `Delivery ${deliveryId} cannot be retried: its relay route was deleted (or has no destination).`);
    await this.done(retried, `Retried the relay of ${deliveryId} by hand`, { deliveryId });
    return { retried: 1, skipped: 0, reasons: [] };
  }

  private async done(retried: string[], summary: string, details: Record<string, unknown>): Promise<void> {
    await this.audit.record('relay.retry', retried.length === 1 ? retried[0]! : null, summary, { ...details, count: retried.length });
    if (retried.length > 0) this.onRetried(retried);
  }
}
