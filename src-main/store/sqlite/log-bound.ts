import { statSync } from 'node:fs';
import type { Checkpointer } from './checkpointer.js';

/** The write-ahead log's bound by default: the file stays under it but for a few seconds at most. */
export const DEFAULT_LOG_BOUND_BYTES = 64 * 1024 * 1024;

/** What the log file is cut back to when the log starts afresh (journal_size_limit): an eighth of the bound. */
export const keptLogBytes = (bound: number): number => Math.floor(bound / 8);

/**
 * Keeps the write-ahead log small while writes go on. SQLite's own automatic checkpoint would
 * run inside the commit that crosses its threshold, which is usually a batch of webhooks waiting
 * for their answers; the worker's checkpoints wait for quiet moments, which one-at-a-time
 * traffic never leaves. So after each write the log file's size is looked at (a stat, a few
 * microseconds), and past a quarter of the bound a checkpoint starts, not awaited: the bulk is
 * copied in the checkpoint thread, the rest inline, and the next writer starts the log afresh.
 *
 * The file's size tells the log's size because journal_size_limit cuts the file back to the
 * kept size whenever the log restarts: above that size, the file is exactly as long as the log.
 */
export class LogBound {
  private readonly checkpointAt: number;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly walFile: string,
    private readonly checkpointer: Checkpointer,
    readonly boundBytes: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.checkpointAt = Math.floor(boundBytes / 4);
  }

  /** The log file's size in bytes now (0 when there is none). */
  logBytes(): number {
    try {
      return statSync(this.walFile).size;
    } catch {
      return 0;
    }
  }

  /** Called after every write transaction: starts a checkpoint when the log has grown past its share. */
  afterWrite(): void {
    if (this.running || this.logBytes() < this.checkpointAt) return;
    this.running = this.checkpointer
      .run(true)
      .catch(this.onError)
      .finally(() => (this.running = null));
  }
}
