import type { RelayRecord, RelayStore } from '../store/relay-types.js';

const GATHER_MS = 5;

interface Pending {
  record: RelayRecord;
  deliveryId: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for relay attempts, as the ingest queue does for deliveries: records that come in
 * the same turn of the event loop (a burst of passthrough answers) share one transaction.
 */
export class RelayRecorder {
  private queue: Pending[] = [];
  private scheduled = false;
  private urgent = false;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly store: RelayStore,
    private readonly onRecorded: (deliveryIds: string[]) => void,
  ) {}

  /**
   * Resolves once the attempt and the job's new state are committed. `soon`: someone waits for it
   * (the queue holds the send's slot until then), so it goes with the next turn, not after a gather.
   */
  add(record: RelayRecord, deliveryId: string, soon = false): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, deliveryId, resolve, reject });
      if (soon) this.urgent = true;
      this.schedule();
    });
  }

  /** Resolves when everything added so far is written. */
  async idle(): Promise<void> {
    while (this.queue.length > 0 || this.flushing || this.scheduled) {
      await (this.flushing ?? new Promise((resolve) => setTimeout(resolve, GATHER_MS)));
    }
  }

  private schedule(): void {
    if (this.flushing) return;
    if (this.scheduled) {
      // A gather under way, and now someone waits: flush at the next turn instead.
      if (this.urgent && this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
        setImmediate(() => this.run());
      }
      return;
    }
    this.scheduled = true;
    // Passthrough records: a few milliseconds gather a burst's answers into one commit, and nobody
    // waits on them (the provider has its answer already), so the wait costs nothing.
    if (this.urgent) setImmediate(() => this.run());
    else this.timer = setTimeout(() => this.run(), GATHER_MS);
  }

  private run(): void {
    if (!this.scheduled) return;
    this.scheduled = false;
    this.urgent = false;
    this.timer = null;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      if (this.queue.length > 0) this.schedule();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    try {
      await this.store.record(batch.map((p) => p.record));
      for (const p of batch) p.resolve();
    } catch {
      // One record the store refuses must not lose the others: one at a time.
      for (const p of batch) await this.store.record([p.record]).then(p.resolve, p.reject);
    }
    this.onRecorded(batch.map((p) => p.deliveryId));
  }
}
