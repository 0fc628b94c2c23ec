import { Worker } from 'node:worker_threads';
import type { ProviderId } from '../../src-shared/domain/provider.js';
import type { DerivedFields, PendingDelivery } from '../store/types.js';
import type { WebhookSecret } from '../providers/types.js';
import type { Deriver } from './deriver.js';
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

/**
 * Derivation in a worker thread. On two cores the main thread then only reads and writes
 * SQLite while the thread verifies and parses: a backlog clears about twice as fast. A thread
 * that dies is replaced at the next batch; the batch it held is derived inline, so nothing is
 * lost or left pending.
 */
export class ThreadDeriver implements Deriver {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor(private readonly options: ThreadDeriverOptions) {}

  async derive(batch: readonly PendingDelivery[]): Promise<DerivedFields[]> {
    if (batch.length === 0) return [];
    try {
      const request: DeriveRequest = {
        id: this.nextId++,
        batch: batch.map(({ provider, label, headers, body, rejected }) => ({ provider, label, headers, body, rejected })),
        secrets: await this.secretsFor(batch),
      };
      return await new Promise<DerivedFields[]>((resolve, reject) => {
        const worker = this.thread();
        this.waiting.set(request.id, { resolve, reject });
        worker.ref();
        worker.postMessage(request);
      });
    } catch (error) {
      this.options.onError(error);
      return this.options.fallback.derive(batch);
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
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
        entry = { error: (error as Error).message };
      }
      secrets[provider] = entry;
    }
    return secrets;
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.script, { argv: this.options.argv });
    worker.on('message', (reply: DeriveReply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      // An idle thread must not keep the process alive; one with a batch in flight must.
      if (this.waiting.size === 0) worker.unref();
      for (const message of reply.errors) this.options.onError(new Error(message));
      waiting?.resolve(reply.derived);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.waiting.values()) waiting.reject(error);
      this.waiting.clear();
    };
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => fail(new Error(`the derivation thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
