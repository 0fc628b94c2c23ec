import { Worker } from 'node:worker_threads';
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

/**
 * Derivation in a worker thread. On two cores the main thread then only reads and writes
 * SQLite while the thread verifies and parses: a backlog clears about twice as fast. A thread
 * that dies is replaced at the next batch; the batch it held is derived inline, so nothing is
 * lost or left pending. A thread that keeps failing is given up on, once, with a log line.
 */
export class ThreadDeriver implements Deriver {
  private thread: RunningThread | null = null;
  private nextId = 1;
  private failuresInARow = 0;

  constructor(private readonly options: ThreadDeriverOptions) {}

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
    const thread = this.thread;
    this.thread = null;
    if (thread) await thread.worker.terminate();
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

  private started(): RunningThread {
    if (this.thread) return this.thread;
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
      if (this.thread === thread) this.thread = null;
      for (const waiting of thread.waiting.values()) waiting.reject(error);
      thread.waiting.clear();
    };
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => fail(new Error(`it stopped with exit code ${code}`)));
    this.thread = thread;
    return thread;
  }
}
