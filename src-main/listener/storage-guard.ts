import { statfs } from 'node:fs/promises';

export interface DiskSpace {
  freeBytes: number;
  totalBytes: number;
}

export interface StorageGuardOptions {
  /** The store's files on disk (database and write-ahead log). */
  sizeOnDisk: () => Promise<number>;
  /** Where the store lives: its disk's free space is what runs out. */
  dataDir: string;
  /** The user's quota for the store, read at each check (a setting); null for none. */
  quotaBytes: () => number | null;
  minFreeDiskBytes: number;
  /** The floor is at least this share of the disk too (0 for none). */
  minFreeDiskFraction?: number;
  checkEveryMs: number;
  diskSpace?: (dir: string) => Promise<DiskSpace>;
  onError?: (error: unknown) => void;
}

export interface StorageSnapshot {
  usedBytes: number | null;
  quotaBytes: number | null;
  diskFreeBytes: number | null;
  diskTotalBytes: number | null;
  minFreeDiskBytes: number;
  /** 'near' from 80% of the quota, or under twice the free-space floor. */
  level: 'ok' | 'near' | 'full';
  /** Why deliveries are refused (507), when they are. */
  refusing: string | null;
  checkedAt: string | null;
}

/** Rows cost more than their body (headers, row and index pages): a rough share per delivery until the next check. */
const ROW_OVERHEAD_BYTES = 2_048;
const NEAR_QUOTA = 0.8;

async function statfsSpace(dir: string): Promise<DiskSpace> {
  const stats = await statfs(dir);
  return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
}

const size = (bytes: number) => (bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`);

/**
 * Whether the listener may store more. Reading file sizes per request would cost the hot path a
 * syscall each, so the store's size and the disk's free space are read every few seconds, and
 * what the listener writes meanwhile is added to them as an estimate.
 */
export class StorageGuard {
  /** Read on every request: non-null means answer 507. Says why, for the console (not for senders). */
  refusing: string | null = null;
  private usedBytes: number | null = null;
  private disk: DiskSpace | null = null;
  private checkedAt: string | null = null;
  /** Bytes left before the quota or the free-space floor, whichever is nearer. */
  private headroom = Number.POSITIVE_INFINITY;
  /** The estimate of what was written since the sizes were last read. */
  private writtenSinceCheck = 0;
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;

  constructor(private readonly options: StorageGuardOptions) {}

  start(): Promise<void> {
    this.timer ??= setInterval(() => void this.check(), this.options.checkEveryMs);
    this.timer.unref();
    return this.check();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Counts a delivery just written, so a burst between two checks cannot run far past the quota. */
  added(bodyBytes: number): void {
    const bytes = bodyBytes + ROW_OVERHEAD_BYTES;
    this.writtenSinceCheck += bytes;
    this.headroom -= bytes;
    if (this.headroom <= 0 && this.refusing === null) this.evaluate();
  }

  /** Reads the sizes now (also after the quota setting changes); concurrent calls share one read. */
  check(): Promise<void> {
    this.checking ??= this.read().finally(() => (this.checking = null));
    return this.checking;
  }

  snapshot(): StorageSnapshot {
    const quota = this.options.quotaBytes();
    const floor = this.floor();
    const used = this.used();
    const free = this.free();
    const near = (quota !== null && used !== null && used >= quota * NEAR_QUOTA) || (free !== null && free < floor * 2);
    return {
      usedBytes: used,
      quotaBytes: quota,
      diskFreeBytes: free,
      diskTotalBytes: this.disk?.totalBytes ?? null,
      minFreeDiskBytes: floor,
      level: this.refusing !== null ? 'full' : near ? 'near' : 'ok',
      refusing: this.refusing,
      checkedAt: this.checkedAt,
    };
  }

  private async read(): Promise<void> {
    try {
      const [used, disk] = await Promise.all([this.options.sizeOnDisk(), (this.options.diskSpace ?? statfsSpace)(this.options.dataDir)]);
      this.usedBytes = used;
      this.disk = disk;
      this.writtenSinceCheck = 0;
      this.checkedAt = new Date().toISOString();
      this.evaluate();
    } catch (error) {
      // Keep the last known state: a failed read must neither stop the listener nor lift a refusal.
      this.options.onError?.(error);
    }
  }

  /** The free-space floor: the fixed one, or the share of this disk when that is more. */
  private floor(): number {
    const share = (this.options.minFreeDiskFraction ?? 0) * (this.disk?.totalBytes ?? 0);
    return Math.max(this.options.minFreeDiskBytes, Math.ceil(share));
  }

  private used(): number | null {
    return this.usedBytes === null ? null : this.usedBytes + this.writtenSinceCheck;
  }

  private free(): number | null {
    return this.disk === null ? null : this.disk.freeBytes - this.writtenSinceCheck;
  }

  private evaluate(): void {
    const quota = this.options.quotaBytes();
    const floor = this.floor();
    const used = this.used();
    const free = this.free();
    const quotaLeft = quota !== null && used !== null ? quota - used : Number.POSITIVE_INFINITY;
    const diskLeft = free !== null ? free - floor : Number.POSITIVE_INFINITY;
    this.headroom = Math.min(quotaLeft, diskLeft);
    if (quotaLeft <= 0) {
      this.refusing = `Storage quota reached: the store takes ${size(used!)} of its ${size(quota!)} quota.`;
    } else if (diskLeft <= 0) {
      this.refusing = `The disk holding the store has ${size(Math.max(0, free!))} free; deliveries stop at ${size(floor)} free.`;
    } else {
      this.refusing = null;
    }
  }
}
