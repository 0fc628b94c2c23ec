import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { once } from 'node:events';
import { checkpointLog } from './checkpoint.js';
import type { CheckpointReply, CheckpointThreadData } from './checkpoint-protocol.js';

/** Runs checkpoints of the write-ahead log; one at a time (a call during one shares its result). */
export interface Checkpointer {
  run(): Promise<number>;
  close(): Promise<void>;
}

/** In the calling thread: tests, and where no thread script was built. */
export function inlineCheckpointer(db: Database.Database): Checkpointer {
  return {
    run: async () => checkpointLog(db),
    close: async () => {},
  };
}

/**
 * In a worker thread with its own connection, started at the first checkpoint. If the thread
 * fails, the checkpoint is run inline instead: a long log costs a pause, never the data.
 */
export class ThreadCheckpointer implements Checkpointer {
  private worker: Worker | null = null;
  private running: Promise<number> | null = null;
  private nextId = 1;

  constructor(
    private readonly thread: { script: URL; data: CheckpointThreadData; argv?: string[] },
    private readonly fallback: Checkpointer,
  ) {}

  run(): Promise<number> {
    this.running ??= this.inThread()
      .catch(() => this.fallback.run())
      .finally(() => (this.running = null));
    return this.running;
  }

  async close(): Promise<void> {
    await this.running?.catch(() => {});
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    const exited = once(worker, 'exit');
    worker.postMessage('close');
    await exited;
  }

  private inThread(): Promise<number> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<number>((resolve, reject) => {
      const onReply = (reply: CheckpointReply) => {
        if (reply.id !== id) return;
        done();
        if ('error' in reply) reject(new Error(reply.error));
        else resolve(reply.logPages);
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`the checkpoint thread stopped (exit code ${code})`));
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
