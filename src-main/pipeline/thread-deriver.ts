import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { ProviderId } from '../../src-shared/domain/provider.js';
import type { DerivedFields, PendingDelivery } from '../store/types.js';
import type { WebhookSecret } from '../providers/types.js';
import type { Deriver } from './deriver.js';
import { errorText } from './error-text.js';
import type { DeriveReply, DeriveRequest, SecretsForThread } from './thread-protocol.js';

export interface ThreadDeriverOptions {
  /** The built derive-thread script. */
  script: URL;
  /** Arguments for the thread (tests start the TypeScript source through a loader script). */
  argv?: string[];
  webhookSecrets(provider: ProviderId): Promise<WebhookSecret[]>;
  /** Used for a batch the thread could not answer (it crashed, or could not start). */
  fallback: Deriver;
  onError(error: unknown): void;
  /** How many threads share the batches; by default one per core but the main thread's, at most four. */
  threads?: number;
}

interface Waiting {
  resolve(derived: DerivedFields[]): void;
  reject(error: Error): void;
}

/** A thread and the batches it holds (a replaced thread's late exit must not fail its successor's). */
interface RunningThread {
  worker: Worker;
  waiting: Map<number, Waiting>;
}

/** After this many thread failures in a row, derivation stays in the main thread. */
const FAILURES_BEFORE_GIVING_UP = 3;
const MAX_THREADS = 4;

/**
 * Derivation in worker threads. The main thread then only reads and writes SQLite while the
 * threads verify, parse and pack; batches in flight go to the least busy thread. Deriving and
 * packing a delivery costs about twice what saving it does, so where there are cores to spare
 * more threads clear a backlog faster. The main thread keeps a core of its own: it answers the
 * listener (on two cores, a second thread slowed answers under a steady stream and did not clear
 * backlogs faster). A thread that dies is replaced at the next batch; the batch it held is
 * derived inline, so nothing is lost or left pending. Threads that keep failing are given up
 * on, once, with a log line.
 */
export class ThreadDeriver implements Deriver {
  private readonly threads: Array<RunningThread | null>;
  private nextId = 1;
  private failuresInARow = 0;

  constructor(private readonly options: ThreadDeriverOptions) {
    const count = options.threads ?? Math.min(MAX_THREADS, availableParallelism() - 1);
    this.threads = Array.from({ length: Math.max(1, count) }, () => null);
  }

  async derive(batch: readonly PendingDelivery[]): Promise<DerivedFields[]> {
    if (batch.length === 0) return [];
    if (this.failuresInARow >= FAILURES_BEFORE_GIVING_UP) return this.options.fallback.derive(batch);
    try {
      const request: DeriveRequest = {
        id: this.nextId++,
        batch: batch.map(({ provider, label, headers, body, rejected }) => ({ provider, label, headers, body, rejected })),
        secrets: await this.secretsFor(batch),
      };
      const derived = await new Promise<DerivedFields[]>((resolve, reject) => {
        const thread = this.started();
        thread.waiting.set(request.id, { resolve, reject });
        thread.worker.ref();
        thread.worker.postMessage(request);
      });
      this.failuresInARow = 0;
      return derived;
    } catch (error) {
      this.failuresInARow++;
      const givingUp = this.failuresInARow === FAILURES_BEFORE_GIVING_UP ? '; deriving in the main thread from now on' : '';
      this.options.onError(new Error(`the derivation thread failed (${errorText(error)})${givingUp}`));
      return this.options.fallback.derive(batch);
    }
  }

  async close(): Promise<void> {
    const running = this.threads.filter((t): t is RunningThread => t !== null);
    this.threads.fill(null);
    await Promise.all(running.map((thread) => thread.worker.terminate()));
    await this.options.fallback.close();
  }

  /** The secrets of the providers in this batch, read here: the vault stays in the main thread. */
  private async secretsFor(batch: readonly PendingDelivery[]): Promise<DeriveRequest['secrets']> {
    const secrets: DeriveRequest['secrets'] = {};
    for (const { provider } of batch) {
      if (provider === 'unknown' || secrets[provider]) continue;
      let entry: SecretsForThread;
      try {
        entry = { secrets: await this.options.webhookSecrets(provider) };
      } catch (error) {
        entry = { error: errorText(error) };
      }
      secrets[provider] = entry;
    }
    return secrets;
  }

  /** An idle thread, else a new one while there is room, else the one with the fewest batches in flight. */
  private started(): RunningThread {
    const running = this.threads.filter((t): t is RunningThread => t !== null);
    const idle = running.find((t) => t.waiting.size === 0);
    if (idle) return idle;
    const free = this.threads.indexOf(null);
    if (free < 0) return running.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    return this.start(free);
  }

  private start(slot: number): RunningThread {
    const worker = new Worker(this.options.script, { argv: this.options.argv });
    const thread: RunningThread = { worker, waiting: new Map() };
    worker.on('message', (reply: DeriveReply) => {
      const waiting = thread.waiting.get(reply.id);
      thread.waiting.delete(reply.id);
      // An idle thread must not keep the process alive; one with a batch in flight must.
      if (thread.waiting.size === 0) worker.unref();
      for (const message of reply.errors) this.options.onError(new Error(message));
      waiting?.resolve(reply.derived);
    });
    const fail = (error: Error) => {
      if (this.threads[slot] === thread) this.threads[slot] = null;
      for (const waiting of thread.waiting.values()) waiting.reject(error);
      thread.waiting.clear();
    };
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => fail(new Error(`it stopped with exit code ${code}`)));
    this.threads[slot] = thread;
    return thread;
  }
}
