/**
 * Bulk replay: one attempt per delivery, started in received order, at most `concurrency` at a
 * time, progress pushed to the renderer after every attempt. Cancelling stops new sends; the
 * ones already on the wire finish and are recorded (their outcome is real), the rest are skipped.
 * Jobs live in memory; their attempts are stored like any other.
 */
import type { ReplayBulkStartInput, ReplayDeliveryFilter, ReplayJob } from '../../src-shared/contract/replay.js';
import type { z } from 'zod';
import { ApiError } from '../../src-shared/contract/errors.js';
import type { PushBus } from '../events/bus.js';
import type { AuditLog } from '../services/audit.js';
import type { DeliveryStore, StoredDelivery } from '../store/types.js';
import { newId } from '../store/ids.js';
import type { PreparedTarget, ReplayService } from './replay-service.js';
import type { ReplayTargets } from './targets.js';

export const MAX_BULK_DELIVERIES = 1000;
const KEPT_JOBS = 20;

type StartInput = z.output<typeof ReplayBulkStartInput>;

interface RunningJob {
  view: ReplayJob;
  cancelled: boolean;
  done: Promise<void>;
}

export interface BulkReplayDeps {
  service: ReplayService;
  targets: ReplayTargets;
  deliveries: DeliveryStore;
  bus: PushBus;
  audit: AuditLog;
  log(message: string): void;
}

export class BulkReplayJobs {
  private readonly jobs = new Map<string, RunningJob>();

  constructor(private readonly deps: BulkReplayDeps) {}

  async start(input: StartInput): Promise<ReplayJob> {
    const prepared = await this.deps.service.prepareTarget(input.targetId, input.resign);
    const deliveries = await this.selectDeliveries(input);
    if (deliveries.length === 0) throw new ApiError('bad_request', 'No delivery matches: there is nothing to replay.');
    await this.deps.targets.checkConfirmation(prepared.target, input.confirm);
    const { target } = prepared;
    const view: ReplayJob = {
      id: newId('rpj'),
      target: { id: target.id, name: target.name, url: target.url },
      state: 'running',
      concurrency: input.concurrency,
      resigned: input.resign,
      total: deliveries.length,
      succeeded: 0,
      failed: 0,
      skipped: 0,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      lastError: null,
    };
    await this.deps.audit.record('replay.bulk', view.id, `Started replaying ${deliveries.length} deliveries to "${target.name}" (${target.url})`, {
      target: view.target,
      deliveryIds: deliveries.map((d) => d.id),
      concurrency: input.concurrency,
      resigned: input.resign,
    });
    const job: RunningJob = { view, cancelled: false, done: Promise.resolve() };
    job.done = this.run(job, prepared, deliveries);
    this.jobs.set(view.id, job);
    this.forgetOldJobs();
    return { ...view };
  }

  get(id: string): ReplayJob {
    return { ...this.require(id).view };
  }

  list(): ReplayJob[] {
    return [...this.jobs.values()].map((j) => ({ ...j.view })).reverse();
  }

  async cancel(id: string): Promise<ReplayJob> {
    const job = this.require(id);
    if (job.view.state === 'running') {
      job.cancelled = true;
      job.view.state = 'cancelling';
      this.publish(job);
      await this.deps.audit.record('replay.bulk.cancel', id, `Cancelled bulk replay ${id} to "${job.view.target.name}"`, {});
    }
    return { ...job.view };
  }

  /** Resolves when the job has stopped (tests, shutdown). */
  async settled(id: string): Promise<ReplayJob> {
    const job = this.require(id);
    await job.done;
    return { ...job.view };
  }

  private require(id: string): RunningJob {
    const job = this.jobs.get(id);
    if (!job) throw new ApiError('not_found', `No bulk replay job with id ${id} (jobs are kept until the console restarts).`);
    return job;
  }

  private async run(job: RunningJob, prepared: PreparedTarget, deliveries: StoredDelivery[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (!job.cancelled && next < deliveries.length) {
        const delivery = deliveries[next++]!;
        await this.replayOne(job, prepared, delivery);
        this.publish(job);
      }
    };
    await Promise.all(Array.from({ length: Math.min(job.view.concurrency, deliveries.length) }, worker));
    const v = job.view;
    v.skipped = v.total - v.succeeded - v.failed;
    v.state = job.cancelled ? 'cancelled' : 'finished';
    v.finishedAt = new Date().toISOString();
    this.publish(job);
  }

  private async replayOne(job: RunningJob, prepared: PreparedTarget, delivery: StoredDelivery): Promise<void> {
    const v = job.view;
    try {
      const attempt = await this.deps.service.deliver(prepared, delivery, { jobId: v.id });
      if (attempt.outcome === 'ok') v.succeeded++;
      else {
        v.failed++;
        v.lastError = `${delivery.id}: ${attempt.error}`;
      }
    } catch (error) {
      // A delivery that cannot be sent at all (no stored body) is skipped, with the reason.
      if (error instanceof ApiError) v.skipped++;
      else {
        v.failed++;
        this.deps.log(`bulk replay ${v.id}: ${(error as Error).message}`);
      }
      v.lastError = `${delivery.id}: ${(error as Error).message}`;
    }
  }

  private async selectDeliveries(input: StartInput): Promise<StoredDelivery[]> {
    if ((input.deliveryIds === undefined) === (input.filter === undefined)) {
      throw new ApiError('bad_request', 'Give either deliveryIds or a filter to choose the deliveries to replay.');
    }
    const ids = input.deliveryIds ? [...new Set(input.deliveryIds)] : await this.idsMatching(input.filter!);
    const found = await Promise.all(ids.map((id) => this.deps.deliveries.get(id)));
    const missing = ids.filter((_, i) => !found[i]);
    if (missing.length > 0) throw new ApiError('not_found', `No delivery with id ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}.`);
    // Received order: the order the provider sent them in, which is what a staging service expects.
    return (found as StoredDelivery[]).sort((a, b) => a.seq - b.seq);
  }

  private async idsMatching(filter: ReplayDeliveryFilter): Promise<string[]> {
    const ids: string[] = [];
    let beforeSeq: number | undefined;
    for (;;) {
      const { q, ...fields } = filter;
      const page = await this.deps.deliveries.list({ ...fields, text: q, limit: 500, beforeSeq });
      ids.push(...page.items.map((d) => d.id));
      if (ids.length > MAX_BULK_DELIVERIES) {
        throw new ApiError('bad_request', `More than ${MAX_BULK_DELIVERIES} deliveries match: narrow the filter.`);
      }
      const last = page.items[page.items.length - 1];
      if (!page.hasMore || !last) return ids;
      beforeSeq = last.seq;
    }
  }

  private publish(job: RunningJob): void {
    this.deps.bus.publish({ type: 'replay.progress', job: { ...job.view } });
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((j) => j.view.finishedAt !== null);
    for (const job of finished.slice(0, Math.max(0, this.jobs.size - KEPT_JOBS))) this.jobs.delete(job.view.id);
  }
}
