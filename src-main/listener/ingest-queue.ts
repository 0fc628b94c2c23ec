import type { DeliveryStore, NewDelivery } from '../store/types.js';

/**
 * A store's error that says it could not be reached at all (its server down or silent), not that a
 * row was refused: a store marks it `storeUnavailable` (store/postgres/pool.ts does).
 */
function storeUnavailable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { storeUnavailable?: unknown }).storeUnavailable === true;
}

interface Pending {
  delivery: NewDelivery;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: deliveries that arrive while a write is under way, or in the same turn of the
 * event loop, are written in one transaction, and each request is answered once its batch is
 * durable. One transaction per batch instead of per request is what keeps the listener close
 * to a bare HTTP server's throughput. A store with one writer (SQLite) takes one batch at a time;
 * a database server takes as many as the store says (`concurrentInserts`), so a batch does not
 * wait for the commit before it, and the server flushes concurrent commits to disk together.
 */
export class IngestQueue {
  private queue: Pending[] = [];
  private scheduled = false;
  private inFlight = 0;
  private readonly maxInFlight: number;

  constructor(
    private readonly deliveries: DeliveryStore,
    private readonly onCommitted: (ids: string[]) => void,
  ) {
    this.maxInFlight = Math.max(1, Math.floor(deliveries.concurrentInserts ?? 1));
  }

  /** Resolves once the delivery is committed; rejects when the store refused the batch. */
  enqueue(delivery: NewDelivery): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ delivery, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  /** One row the store refused must not cost the others their answer: retry them one at a time. */
  private async commitOneByOne(batch: Pending[]): Promise<void> {
    const committed: string[] = [];
    for (const [index, p] of batch.entries()) {
      try {
        await this.deliveries.insertBatch([p.delivery]);
        committed.push(p.delivery.id);
        p.resolve();
      } catch (error) {
        p.reject(error);
        // The store is out of reach: the rest would only wait for the same outage, one by one.
        if (storeUnavailable(error)) {
          for (const rest of batch.slice(index + 1)) rest.reject(error);
          break;
        }
      }
    }
    if (committed.length > 0) this.onCommitted(committed);
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    this.inFlight++;
    try {
      await this.deliveries.insertBatch(batch.map((p) => p.delivery));
      for (const p of batch) p.resolve();
      this.onCommitted(batch.map((p) => p.delivery.id));
    } catch (error) {
      if (storeUnavailable(error)) for (const p of batch) p.reject(error);
      else await this.commitOneByOne(batch);
    } finally {
      this.inFlight--;
      if (this.queue.length > 0) this.schedule();
    }
  }
}
