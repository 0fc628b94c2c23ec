import type { DeliveryStore, DerivedFields, StoredDelivery } from '../store/types.js';
import type { PushBus } from '../events/bus.js';
import { deriveDelivery, type DerivationContext } from './derive.js';

const BATCH = 256;

/**
 * Runs the derived work (verification, normalization, correlation keys, search index, dedupe)
 * just after deliveries are acknowledged, off the listener's hot path. It also picks up rows a
 * crash left underived, because it works from the store, not from memory.
 */
export class DerivationWorker {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly deliveries: DeliveryStore,
    private readonly context: DerivationContext,
    private readonly bus: PushBus,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Asks for a run soon; calls made while a run is under way fold into one more run. */
  schedule(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .catch((error) => this.onError(error))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.schedule();
        }
      });
  }

  /** Resolves when nothing is left to derive (tests and the benchmark measure lag with it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    this.stopped = true;
  }

  /** A bug in one adapter must neither stall the queue nor lose the delivery: record what failed. */
  private async deriveSafely(delivery: StoredDelivery): Promise<DerivedFields> {
    try {
      return await deriveDelivery(delivery, this.context);
    } catch (error) {
      this.onError(error);
      const message = `Gatewatch could not analyse this delivery (${(error as Error).message}); the bytes are kept.`;
      return {
        eventType: null,
        eventId: null,
        parseError: message,
        verification: { status: 'unsupported', candidatesTried: [], diagnosis: message },
        normalized: null,
        correlationKeys: [],
        schemaIssues: [],
        reference: null,
        amount: null,
        searchText: delivery.provider,
      };
    }
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const pending = await this.deliveries.pendingDerivation(BATCH);
      if (pending.length === 0) return;
      const results = [];
      for (const delivery of pending) {
        results.push({ id: delivery.id, derived: await this.deriveSafely(delivery) });
      }
      await this.deliveries.saveDerived(results);
      this.bus.publish({ type: 'deliveries.updated', ids: results.map((r) => r.id) });
      if (pending.length < BATCH) return;
    }
  }
}
