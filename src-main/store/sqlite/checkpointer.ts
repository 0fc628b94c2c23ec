import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { checkpointLog } from './checkpoint.js';
import type { CheckpointReply, CheckpointThreadData } from './checkpoint-protocol.js';

/** Runs checkpoints of the write-ahead log; one at a time (a call during one shares its result). */
export interface Checkpointer {
  /**
   * `large`: the log is known to hold much since the last checkpoint (a burst and its derivation).
   * `cutBack`: the last pass also empties the log file (TRUNCATE): for quiet moments.
   */
  run(large?: boolean, cutBack?: boolean): Promise<number>;
  close(): Promise<void>;
}

/** In the calling thread: tests, and where no thread script was built. */
export function inlineCheckpointer(db: Database.Database): Checkpointer {
  return {
    run: async (_large, cutBack) => checkpointLog(db, cutBack ? 'TRUNCATE' : 'PASSIVE'),
    close: async () => {},
  };
}

export interface CheckpointThread {
  script: URL;
  data: CheckpointThreadData;
  /** Arguments for the thread (tests start the TypeScript source through a loader script). */
  argv?: string[];
  onError?(error: Error): void;
}

/** After this many thread failures in a row, checkpoints stay in the calling thread. */
const FAILURES_BEFORE_GIVING_UP = 3;
/**
 * Passes in the thread before the short pass in the calling thread, which should then copy no
 * more than about this many pages (4 MiB: a few milliseconds).
 */
const MAX_THREAD_PASSES = 4;
const INLINE_PAGES = 1_000;
/** How long closing waits for the thread to close its connection before stopping it. */
const CLOSE_WAIT_MS = 5_000;

/**
 * In a worker thread with its own connection, started at the first checkpoint. The thread copies
 * the bulk of the log while the main connection keeps writing; a short pass in the calling
 * thread then copies the little that arrived meanwhile, so that the next writer can start the log afresh
 * (else, under a stream that never pauses, it would only ever grow). If the thread fails, the
 * checkpoint runs inline: a long log costs a pause, never the data.
 */
export class ThreadCheckpointer implements Checkpointer {
  private worker: Worker | null = null;
  private running: Promise<number> | null = null;
  private nextId = 1;
  private failuresInARow = 0;

  constructor(
    private readonly thread: CheckpointThread,
    private readonly inline: Checkpointer,
  ) {}

  /**
   * Only a large log goes to the thread. A small one is copied faster here than a thread copies
   * it beside a writer: on two cores its copying and syncing compete with the listener and
   * cost more in answer latency (p99 at 5,000 req/s: ~4 ms inline, 30–100 ms threaded).
   */
  run(large = false, cutBack = false): Promise<number> {
    this.running ??= (large ? this.checkpoint(cutBack) : this.inline.run(false, cutBack)).finally(() => (this.running = null));
    return this.running;
  }

  async close(): Promise<void> {
    await this.running?.catch(() => {});
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    // Held alive until it has closed its connection: an unreferenced thread would let the
    // process exit first.
    worker.ref();
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('close');
    const timer = setTimeout(() => void worker.terminate(), CLOSE_WAIT_MS);
    await exited;
    clearTimeout(timer);
  }

  private async checkpoint(cutBack: boolean): Promise<number> {
    if (this.failuresInARow >= FAILURES_BEFORE_GIVING_UP) return this.inline.run(false, cutBack);
    let firstLog: number | undefined;
    try {
      // Each pass copies what the previous one saw; passes shorten until little arrives during one.
      let previousLog: number | undefined;
      for (let pass = 0; pass < MAX_THREAD_PASSES; pass++) {
        const log = await this.inThread();
        firstLog ??= log;
        if (previousLog !== undefined && log - previousLog <= INLINE_PAGES) break;
        previousLog = log;
      }
      this.failuresInARow = 0;
    } catch (error) {
      this.failuresInARow++;
      const givingUp = this.failuresInARow === FAILURES_BEFORE_GIVING_UP ? '; checkpointing in the main thread from now on' : '';
      this.thread.onError?.(new Error(`the checkpoint thread failed (${(error as Error).message})${givingUp}`));
    }
    // Copies what arrived during the last pass (or everything, when the thread failed).
    const remaining = await this.inline.run(false, cutBack);
    return firstLog ?? remaining;
  }

  private inThread(): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const worker = this.started();
      const id = this.nextId++;
      const onReply = (reply: CheckpointReply) => {
        if (reply.id !== id) return;
        done();
        if ('error' in reply) reject(new Error(reply.error));
        else resolve(reply.logPages);
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`it stopped with exit code ${code}`));
      };
      const done = () => {
        worker.off('message', onReply).off('exit', onExit);
        worker.unref();
      };
      worker.on('message', onReply).on('exit', onExit);
      worker.ref();
      worker.postMessage({ id });
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.thread.script, { workerData: this.thread.data, argv: this.thread.argv });
    worker.unref();
    worker.on('error', () => {}); // reported through 'exit' to the call under way
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
    return worker;
  }
}
