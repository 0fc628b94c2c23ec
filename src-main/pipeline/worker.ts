import type { DeliveryStore, DerivedFields, DerivedSaveResult } from '../store/types.js';
import type { PushBus } from '../events/bus.js';
import { failedDerivation } from './derive.js';
import type { Deriver } from './deriver.js';
import { ReadAhead, type InFlightBatch } from './read-ahead.js';
import { reclaimFreePages } from './at-rest.js';

/** Rows per derivation transaction when the listener is quiet (about 20 ms of work: a request arriving meanwhile waits no longer; larger batches amortize each commit). */
const BATCH = 256;
/**
 * Past the deferral, while requests keep arriving, derivation works in small slices (about a
 * millisecond) with short pauses: roughly a quarter of the time, enough to keep up with a steady
 * stream of a few thousand deliveries a second while answering stays first.
 */
const SLICE_UNDER_LOAD = 16;
/** Batches read ahead of the one being saved: the deriver works on them meanwhile. */
const BATCHES_AHEAD = 3;
const PAUSE_UNDER_LOAD_MS = 4;
/** The listener counts as busy for this long after its last commit. */
const INGEST_QUIET_MS = 25;
/** A burst shorter than this is answered at full speed, derivation waits; a longer one gets slices. */
const DEFER_WHOLLY_MS = 2_000;
/** Under a steady stream the log is still folded into the database this often, so it stays bounded. */
const CHECKPOINT_UNDER_LOAD_MS = 10_000;

/**
 * Runs the derived work (verification, normalization, correlation keys, search index, dedupe)
 * just after deliveries are acknowledged, off the listener's hot path. It also picks up rows a
 * crash left underived, because it works from the store, not from memory.
 */
export class DerivationWorker {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private lastCommitAt = 0;
  private burstStartedAt = 0;
  private lastCheckpointAt = performance.now();
  /** Bumped when secrets change: batches read before then are derived again. */
  private epoch = 0;

  constructor(
    private readonly deliveries: DeliveryStore,
    private readonly deriver: Deriver,
    private readonly bus: PushBus,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /**
   * Asks for a run soon; calls made while a run is under way fold into one more run. The
   * listener calls this after every commit, which is also how the worker knows it is busy.
   */
  schedule(): void {
    if (this.stopped) return;
    const now = performance.now();
    if (now - this.lastCommitAt >= INGEST_QUIET_MS) this.burstStartedAt = now;
    this.lastCommitAt = now;
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

  /**
   * Derives again what the current secrets may judge differently: stored rows are re-marked by
   * the caller; rows read but not saved yet are dropped from memory and read again.
   */
  rederive(): void {
    this.epoch++;
    this.schedule();
  }

  /** Stops after the batch under way is saved, and lets the derivation thread go. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
    await this.deriver.close();
  }

  /**
   * The write-ahead log is checkpointed here, when the listener is quiet (or, under a long
   * stream, now and then). Not awaited: the store may run it in a thread of its own.
   */
  private checkpointIfDue(busy: boolean, caughtUp: boolean): void {
    const now = performance.now();
    if ((caughtUp && !busy) || now - this.lastCheckpointAt > CHECKPOINT_UNDER_LOAD_MS) {
      this.lastCheckpointAt = now;
      this.deliveries.checkpoint().catch((error) => this.onError(error));
    }
  }

  /**
   * Saves a batch; when the store refuses it, row by row, so one bad row cannot stall the rest.
   * Returns false, saving nothing, when secrets changed while it was derived (its rows stay pending).
   */
  private async save(batch: InFlightBatch): Promise<boolean> {
    let derived: DerivedFields[];
    try {
      derived = await batch.derived;
    } catch (error) {
      derived = batch.pending.map((delivery) => failedDerivation(delivery, error));
      if (batch.epoch === this.epoch) this.onError(error);
    }
    if (batch.epoch !== this.epoch) return false;
    const results = batch.pending.map((delivery, index) => ({ id: delivery.id, derived: derived[index]! }));
    // Copies re-pointed to an original of this batch derived after them (in the batch or not)
    // changed too: consoles showing them are told with the batch.
    const updated = new Set(results.map((r) => r.id));
    const note = ({ repointed }: DerivedSaveResult) => {
      for (const id of repointed) updated.add(id);
    };
    try {
      note(await this.deliveries.saveDerived(results));
    } catch (error) {
      this.onError(error);
      for (const [index, result] of results.entries()) {
        try {
          note(await this.deliveries.saveDerived([result]));
        } catch (error) {
          this.onError(error);
          note(await this.deliveries.saveDerived([{ id: result.id, derived: failedDerivation(batch.pending[index]!, error) }]));
        }
      }
    }
    this.bus.publish({ type: 'deliveries.updated', ids: [...updated] });
    return true;
  }

  /**
   * Acknowledging deliveries comes first: a short burst is answered with derivation waiting;
   * past that, derivation works in small slices with pauses (it lags, and catches up at full
   * speed once the burst ends); it never stops altogether, so a steady stream cannot starve it.
   */
  private async drain(): Promise<void> {
    // Batches are read ahead and handed to the deriver (the derivation thread, when there is
    // one) while earlier ones are saved, so both threads stay busy.
    const ahead = new ReadAhead(this.deliveries, this.deriver, this.epoch);
    try {
      for (;;) {
        if (this.stopped) return;
        const now = performance.now();
        const busy = now - this.lastCommitAt < INGEST_QUIET_MS;
        if (busy && now - this.burstStartedAt < DEFER_WHOLLY_MS) {
          // What was read stays in memory: saving it now would cost the burst's answers.
          await new Promise((resolve) => setTimeout(resolve, PAUSE_UNDER_LOAD_MS));
          continue;
        }
        await ahead.fill(busy ? SLICE_UNDER_LOAD : BATCH, busy ? 1 : BATCHES_AHEAD);
        const oldest = ahead.shift();
        if (!oldest) {
          // At rest: the pages of captures deleted once derived go back to the disk, then the log is folded in.
          if (!busy) await reclaimFreePages(this.deliveries, () => !this.stopped && performance.now() - this.lastCommitAt >= INGEST_QUIET_MS);
          this.checkpointIfDue(busy, true);
          return;
        }
        if (!(await this.save(oldest))) {
          // Secrets changed after these rows were read: their results are stale; read them again.
          ahead.restart(this.epoch);
          continue;
        }
        this.checkpointIfDue(busy, false);
        if (busy) {
          // Under load, finish what was read before pausing, so the pause is a real gap for the listener.
          await this.saveAll(ahead);
          await new Promise((resolve) => setTimeout(resolve, PAUSE_UNDER_LOAD_MS));
        } else {
          // Awaiting settled promises never lets I/O in: without this turn of the event loop a
          // backlog would hold the listener's answers (and the console) until it was all saved.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } finally {
      await this.saveAll(ahead);
    }
  }

  /** Saves what is still in flight, unless secrets changed since it was read (it stays pending). */
  private async saveAll(ahead: ReadAhead): Promise<void> {
    for (let batch = ahead.shift(); batch; batch = ahead.shift()) {
      try {
        await this.save(batch);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
