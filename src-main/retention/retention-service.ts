import { z } from 'zod';
import { ApiError } from '../../src-shared/contract/errors.js';
import type { RetentionStatus } from '../../src-shared/contract/retention.js';
import type { DeliveryStore, SettingsStore } from '../store/types.js';

const SETTINGS_KEY = 'retention';
const StoredRetention = z.object({ enabled: z.boolean(), days: z.number().int().min(1).nullable() });

/** Rows per delete transaction: short enough that the listener's commits slot in between. */
const PRUNE_BATCH = 2_000;
const RUN_EVERY_MS = 60 * 60 * 1000;
/** Giving space back is worth it only once deleted rows left this share of the file free. */
const COMPACT_WHEN_FREE = 0.25;

export interface RetentionDeps {
  deliveries: DeliveryStore;
  settings: SettingsStore;
  log: (message: string) => void;
  now?: () => Date;
}

export function cutoffFor(days: number, now: Date): string {
  return new Date(now.getTime() - days * 24 * 3600 * 1000).toISOString();
}

/**
 * Deletes deliveries older than N days, when a person turned that on (off by default). Runs at
 * start-up and hourly, deleting in small batches; when that freed a good share of the file it
 * gives the space back in small incremental-vacuum steps, off the caller's path.
 */
export class RetentionService {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private lastRun: RetentionStatus['lastRun'] = null;

  constructor(private readonly deps: RetentionDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private async stored(): Promise<z.infer<typeof StoredRetention>> {
    const parsed = StoredRetention.safeParse(await this.deps.settings.get(SETTINGS_KEY));
    return parsed.success ? parsed.data : { enabled: false, days: null };
  }

  async status(): Promise<RetentionStatus> {
    const stored = await this.stored();
    return { ...stored, lastRun: this.lastRun, running: this.running !== null };
  }

  async preview(days: number): Promise<{ cutoff: string; count: number }> {
    const cutoff = cutoffFor(days, this.now());
    return { cutoff, count: await this.deps.deliveries.countReceivedBefore(cutoff) };
  }

  async configure(input: { enabled: boolean; days: number; confirmed: boolean }): Promise<RetentionStatus> {
    if (input.enabled && !input.confirmed) {
      throw new ApiError('bad_request', 'Turning retention on deletes deliveries for good: confirm it first.');
    }
    await this.deps.settings.set(SETTINGS_KEY, { enabled: input.enabled, days: input.days });
    this.schedule(input.enabled);
    if (input.enabled) void this.pruneSafely(input.days);
    return this.status();
  }

  async pruneNow(days: number): Promise<{ cutoff: string; deleted: number }> {
    const cutoff = cutoffFor(days, this.now());
    return { cutoff, deleted: await this.prune(days) };
  }

  /** Reads the setting and, when on, prunes now and every hour after. Timers never keep the process alive. */
  async resume(): Promise<void> {
    const stored = await this.stored();
    this.schedule(stored.enabled);
    if (stored.enabled && stored.days !== null) void this.pruneSafely(stored.days);
  }

  stop(): void {
    this.schedule(false);
  }

  /** Waits for a run under way (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => 0);
  }

  private schedule(on: boolean): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!on) return;
    this.timer = setInterval(() => {
      void this.stored().then((s) => (s.enabled && s.days !== null ? this.pruneSafely(s.days) : undefined));
    }, RUN_EVERY_MS);
    this.timer.unref();
  }

  private async pruneSafely(days: number): Promise<void> {
    try {
      await this.prune(days);
    } catch (error) {
      this.deps.log(`retention could not prune: ${(error as Error).message}`);
    }
  }

  /** One run at a time; a second request while one runs waits for it, then runs with its own cutoff. */
  private async prune(days: number): Promise<number> {
    while (this.running) await this.running.catch(() => 0);
    const run = this.deleteOlderThan(cutoffFor(days, this.now()));
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }

  private async deleteOlderThan(cutoff: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      const n = await this.deps.deliveries.pruneReceivedBefore(cutoff, PRUNE_BATCH);
      deleted += n;
      if (n < PRUNE_BATCH) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    let compacted = false;
    if (deleted > 0 && (await this.deps.deliveries.freeFraction()) >= COMPACT_WHEN_FREE) {
      // Step by step, yielding between steps so deliveries keep being answered meanwhile.
      while (await this.deps.deliveries.compact()) await new Promise((resolve) => setTimeout(resolve, 5));
      compacted = true;
    }
    this.lastRun = { at: this.now().toISOString(), deleted, compacted };
    if (deleted > 0) this.deps.log(`retention deleted ${deleted} deliveries received before ${cutoff}${compacted ? ' and compacted the store' : ''}`);
    return deleted;
  }
}
