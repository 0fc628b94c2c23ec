/**
 * Bulk replay: one attempt per delivery, started in received order, at most `concurrency` at a
 * time, progress pushed to the renderer after every attempt. Every job is confirmed by a person
 * (for the count they saw) and audited once, with that count. Sends in a row that get no answer
 * pause it (the target is down: the rest would only fail too); it goes on when resumed.
 * Cancelling stops new sends; the ones already on the wire finish and are recorded (their outcome
 * is real), the rest are skipped. Jobs live in memory; their attempts are stored like any other.
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
import { countMatching, deliveryName, selectDeliveries } from './bulk-selection.js';

const KEPT_JOBS = 20;
/** Sends in a row with no answer at all (refused, timed out) after which a job pauses by itself. */
export const PAUSE_AFTER_NO_ANSWER = 3;

type StartInput = z.output<typeof ReplayBulkStartInput>;

interface RunningJob {
  view: ReplayJob;
  cancelled: boolean;
  /** Deliveries whose send failed, in the order they were sent: "retry failed only" sends these. */
  failedIds: string[];
  noAnswerInARow: number;
  /** While paused: workers wait on `gate`, which `release` opens. */
  gate: Promise<void> | null;
  release: () => void;
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

  count(filter: ReplayDeliveryFilter) {
    return countMatching(this.deps.deliveries, filter);
  }

  async start(input: StartInput, retryOf: string | null = null): Promise<ReplayJob> {
    const prepared = await this.deps.service.prepareTarget(input.targetId, input.resign);
    const deliveries = await selectDeliveries(this.deps.deliveries, input);
    if (deliveries.length === 0) throw new ApiError('bad_request', 'No delivery matches: there is nothing to replay.');
    const { target } = prepared;
    if (!input.confirm) {
      throw new ApiError(
        'conflict',
        `Confirm replaying ${deliveries.length} ${deliveries.length === 1 ? 'delivery' : 'deliveries'} to "${target.name}" (${target.url}): a bulk replay is sent only once confirmed. Send again with confirm: true.`,
      );
    }
    if (input.expectedCount !== undefined && input.expectedCount !== deliveries.length) {
      throw new ApiError(
        'conflict',
        `${deliveries.length} deliveries match now, not the ${input.expectedCount} confirmed: nothing was sent. Check the count and confirm again.`,
      );
    }
    await this.deps.targets.checkConfirmation(target, true);
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
      pausedReason: null,
      retryOf,
    };
    // One entry for the job, with its count: its attempts are in the replay log, not one entry each.
    const what = retryOf
      ? `the ${deliveries.length} failed deliveries of ${retryOf}`
      : `${deliveries.length} ${deliveries.length === 1 ? 'delivery' : 'deliveries'}`;
    await this.deps.audit.record('replay.bulk', view.id, `Bulk replay of ${what} to "${target.name}" (${target.url})`, {
      target: view.target,
      count: deliveries.length,
      filter: input.filter ?? null,
      deliveryIds: deliveries.map((d) => d.id),
      concurrency: input.concurrency,
      resigned: input.resign,
      retryOf,
    });
    const job: RunningJob = { view, cancelled: false, failedIds: [], noAnswerInARow: 0, gate: null, release: () => {}, done: Promise.resolve() };
    job.done = this.run(job, prepared, deliveries);
    this.jobs.set(view.id, job);
    this.forgetOldJobs();
    return { ...view };
  }

  /** A new job for the deliveries that failed in a stopped one, to the same target, confirmed again. */
  async retryFailed(input: { id: string; confirm: boolean; expectedCount?: number }): Promise<ReplayJob> {
    const job = this.require(input.id);
    if (job.view.finishedAt === null)
      throw new ApiError('bad_request', 'This bulk replay is still going: wait for it to stop, or cancel it, before retrying its failures.');
    if (job.failedIds.length === 0) throw new ApiError('bad_request', 'Nothing failed in this bulk replay: there is nothing to retry.');
    const { target, concurrency, resigned } = job.view;
    return this.start(
      { targetId: target.id, deliveryIds: [...job.failedIds], resign: resigned, concurrency, confirm: input.confirm, expectedCount: input.expectedCount },
      job.view.id,
    );
  }

  get(id: string): ReplayJob {
    return { ...this.require(id).view };
  }

  list(): ReplayJob[] {
    return [...this.jobs.values()].map((j) => ({ ...j.view })).reverse();
  }

  async cancel(id: string): Promise<ReplayJob> {
    const job = this.require(id);
    if (job.view.state === 'running' || job.view.state === 'paused') {
      job.cancelled = true;
      job.view.state = 'cancelling';
      job.view.pausedReason = null;
      job.release();
      this.publish(job);
      await this.deps.audit.record('replay.bulk.cancel', id, `Cancelled bulk replay ${id} to "${job.view.target.name}"`, {});
    }
    return { ...job.view };
  }

  resume(id: string): ReplayJob {
    const job = this.require(id);
    if (job.view.state !== 'paused') throw new ApiError('bad_request', `This bulk replay is ${job.view.state}, not paused.`);
    job.view.state = 'running';
    job.view.pausedReason = null;
    job.noAnswerInARow = 0;
    job.release();
    this.publish(job);
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
      while (next < deliveries.length) {
        if (job.gate) await job.gate;
        if (job.cancelled) return;
        const delivery = deliveries[next++]!;
        await this.replayOne(job, prepared, delivery);
        this.publish(job);
      }
    };
    await Promise.all(Array.from({ length: Math.min(job.view.concurrency, deliveries.length) }, worker));
    const v = job.view;
    v.skipped = v.total - v.succeeded - v.failed;
    v.state = job.cancelled ? 'cancelled' : 'finished';
    v.pausedReason = null;
    v.finishedAt = new Date().toISOString();
    this.publish(job);
  }

  private async replayOne(job: RunningJob, prepared: PreparedTarget, delivery: StoredDelivery): Promise<void> {
    const v = job.view;
    try {
      const attempt = await this.deps.service.deliver(prepared, delivery, { jobId: v.id });
      if (attempt.outcome === 'ok') {
        v.succeeded++;
        job.noAnswerInARow = 0;
        return;
      }
      v.failed++;
      job.failedIds.push(delivery.id);
      v.lastError = `${deliveryName(delivery)}: ${attempt.error}`;
      if (attempt.response !== null) job.noAnswerInARow = 0;
      else if (++job.noAnswerInARow >= PAUSE_AFTER_NO_ANSWER) this.pause(job, attempt.error);
    } catch (error) {
      // A delivery that cannot be sent at all (no stored body) is skipped, with the reason.
      if (error instanceof ApiError) v.skipped++;
      else {
        v.failed++;
        job.failedIds.push(delivery.id);
        this.deps.log(`bulk replay ${v.id}: ${(error as Error).message}`);
      }
      v.lastError = `${deliveryName(delivery)}: ${(error as Error).message}`;
    }
  }

  private pause(job: RunningJob, cause: string | null): void {
    if (job.view.state !== 'running') return;
    job.view.state = 'paused';
    job.view.pausedReason = `Paused by itself: ${job.noAnswerInARow} sends in a row got no answer from "${job.view.target.name}"${cause ? ` (${cause})` : ''}. Is it running? Resume once it answers, or cancel.`;
    job.gate = new Promise<void>((resolve) => {
      job.release = () => {
        job.gate = null;
        resolve();
      };
    });
  }

  private publish(job: RunningJob): void {
    this.deps.bus.publish({ type: 'replay.progress', job: { ...job.view } });
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((j) => j.view.finishedAt !== null);
    for (const job of finished.slice(0, Math.max(0, this.jobs.size - KEPT_JOBS))) this.jobs.delete(job.view.id);
  }
}
