import type { DeliveryStore, DerivedFields, PendingDelivery } from '../store/types.js';
import type { Deriver } from './deriver.js';

export interface InFlightBatch {
  pending: PendingDelivery[];
  /** Settles when the deriver is done; a rejection is handled when the batch is saved. */
  derived: Promise<DerivedFields[]>;
  /** The worker's derivation epoch when the batch was read (secrets changed since → derive again). */
  epoch: number;
  bytes: number;
}

/** Body bytes held in batches read ahead (bodies can be up to the listener's limit each). */
const MAX_BYTES_AHEAD = 32 * 1024 * 1024;
/**
 * With nothing in flight, reading starts from the first pending row again this often: a row can
 * commit after rows with higher seqs (several commits in flight on PostgreSQL, or another
 * instance's), and under a steady stream derivation may not catch up (which also starts over)
 * for a long time. Not on every read: a row that keeps failing to save would be read again at once.
 */
export const RESCAN_EVERY_MS = 1_000;

/**
 * Batches read from the store and handed to the deriver but not saved yet, oldest first. Reading
 * from after the last seq handed out keeps a batch in flight from being read twice.
 */
export class ReadAhead {
  private readonly batches: InFlightBatch[] = [];
  private bytes = 0;
  private afterSeq = 0;
  private caughtUp = false;
  private scannedFromStartAt: number;

  constructor(
    private readonly deliveries: DeliveryStore,
    private readonly deriver: Deriver,
    private epoch: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.scannedFromStartAt = now();
  }

  get length(): number {
    return this.batches.length;
  }

  /** Reads and hands over batches of `limit` rows until `count` are in flight (or nothing is left). */
  async fill(limit: number, count: number): Promise<void> {
    // Only with nothing in flight (the worker saves each batch before it reads again), so no row is read twice.
    if (this.batches.length === 0 && this.now() - this.scannedFromStartAt >= RESCAN_EVERY_MS) {
      this.afterSeq = 0;
      this.scannedFromStartAt = this.now();
    }
    while (!this.caughtUp && this.batches.length < count && (this.batches.length === 0 || this.bytes < MAX_BYTES_AHEAD)) {
      const pending = await this.deliveries.pendingDerivation(limit, this.afterSeq);
      if (pending.length === 0) {
        this.caughtUp = true;
        return;
      }
      this.afterSeq = pending[pending.length - 1]!.seq;
      const derived = this.deriver.derive(pending);
      derived.catch(() => {}); // handled when saved; not an unhandled rejection meanwhile
      const bytes = pending.reduce((sum, d) => sum + (d.body?.byteLength ?? 0), 0);
      this.bytes += bytes;
      this.batches.push({ pending, derived, epoch: this.epoch, bytes });
    }
  }

  shift(): InFlightBatch | undefined {
    const batch = this.batches.shift();
    if (batch) this.bytes -= batch.bytes;
    return batch;
  }

  /** Drops what is in flight (its rows are still pending) and reads again from the start. */
  restart(epoch: number): void {
    this.batches.length = 0;
    this.bytes = 0;
    this.afterSeq = 0;
    this.scannedFromStartAt = this.now();
    this.caughtUp = false;
    this.epoch = epoch;
  }
}
