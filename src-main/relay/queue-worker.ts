/**
 * Delivers queued relay jobs with Gatewatch's own retries. The queue lives in the store (jobs are
 * committed with their deliveries), so it survives a crash: at start, jobs a dead process had
 * claimed are released and sent again (at least once; the backend dedupes on
 * X-Gatewatch-Delivery-Id). Each route sends at most `concurrency` at once; paused routes none.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_RELAY_DELAYS_S, nextDelayMs, scheduleDelaysS } from '../../src-shared/relay/backoff.js';
import type { DeliveryStore } from '../store/types.js';
import type { RelayJobRecord, RelayRecord, RelayRouteRecord, RelayStore } from '../store/relay-types.js';
import type { RelayRouteTable } from './route-table.js';
import type { RelaySender } from './sender.js';
import type { RelayRecorder } from './recorder.js';

/** Wake at least this often, whatever the store says (a clock change, a missed wake-up). */
const MAX_SLEEP_MS = 30_000;

export interface QueueWorkerDeps {
  store: RelayStore;
  deliveries: DeliveryStore;
  routes: RelayRouteTable;
  sender: RelaySender;
  recorder: RelayRecorder;
  log(message: string): void;
  random?: () => number;
}

export class RelayQueueWorker {
  /** Names this process's claims: a claim by any other name at start belongs to a dead one. */
  readonly workerId = `gw-${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly inFlight = new Map<string, number>();
  /** Jobs claimed ahead, per route: one claim (a write) serves several sends. */
  private readonly claimed = new Map<string, RelayJobRecord[]>();
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private pumping: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(private readonly deps: QueueWorkerDeps) {}

  async start(): Promise<void> {
    this.stopped = false;
    const released = await this.deps.store.releaseLocks(this.workerId);
    if (released > 0) this.deps.log(`relay: ${released} queued deliveries were being sent when Gatewatch stopped; they are sent again`);
    this.schedule();
  }

  /** Looks for due work soon; calls while a look is under way fold into one more. */
  schedule(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.pump())
      .catch((error) => this.deps.log(`relay: the queue could not be read: ${(error as Error).message}`))
      .finally(() => {
        this.pumping = null;
        if (this.again) {
          this.again = false;
          this.schedule();
        }
      });
  }

  /** Resolves when nothing is being sent (tests). */
  async idle(): Promise<void> {
    while (this.pumping || this.running.size > 0) await Promise.all([this.pumping, ...this.running]);
  }

  /** Stops claiming; sends under way finish (each within its route's timeout) and are recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.idle();
    // Claimed but not sent: free for the next start at once (a crash leaves them to releaseLocks).
    const held = [...this.claimed.values()].flat();
    this.claimed.clear();
    if (held.length > 0) await this.deps.store.releaseClaims(held.map((j) => j.id));
  }

  private async pump(): Promise<void> {
    const now = new Date().toISOString();
    const active = this.deps.routes.all().filter((r) => r.pausedAt === null && r.url !== null);
    let idle = true;
    for (const route of active) {
      const held = this.claimed.get(route.id) ?? [];
      const busy = this.inFlight.get(route.id) ?? 0;
      // Claimed ahead up to twice the concurrency: a send that finishes finds its successor waiting.
      const room = 2 * route.concurrency - busy - held.length;
      if (room > 0 && held.length < route.concurrency) held.push(...(await this.deps.store.claimDue(route.id, now, room, this.workerId)));
      this.claimed.set(route.id, held);
      while (held.length > 0 && (this.inFlight.get(route.id) ?? 0) < route.concurrency) this.launch(route, held.shift()!);
      if (held.length > 0 || (this.inFlight.get(route.id) ?? 0) > 0) idle = false;
    }
    // Claimed jobs of a route paused or deleted since stay locked only until the next start; release them now.
    for (const [routeId, held] of this.claimed) {
      if (held.length > 0 && !active.some((r) => r.id === routeId)) {
        this.claimed.set(routeId, []);
        await this.deps.store.releaseClaims(held.map((j) => j.id));
      }
    }
    if (idle) await this.sleepUntilDue(active);
  }

  private launch(route: RelayRouteRecord, job: RelayJobRecord): void {
    this.inFlight.set(route.id, (this.inFlight.get(route.id) ?? 0) + 1);
    const run = this.deliver(route, job)
      .catch((error) => this.deps.log(`relay: delivery ${job.deliveryId} could not be sent: ${(error as Error).message}`))
      .finally(() => {
        this.inFlight.set(route.id, (this.inFlight.get(route.id) ?? 1) - 1);
        this.running.delete(run);
        this.schedule();
      });
    this.running.add(run);
  }

  private async sleepUntilDue(active: readonly RelayRouteRecord[]): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped || active.length === 0) return;
    const next = await this.deps.store.nextRunAt(active.map((r) => r.id));
    if (next === null) return;
    const wait = Math.min(MAX_SLEEP_MS, Math.max(0, Date.parse(next) - Date.now()));
    this.timer = setTimeout(() => this.schedule(), wait);
    this.timer.unref();
  }

  /** One try; then the job is delivered, scheduled again, or a dead letter. */
  private async deliver(route: RelayRouteRecord, job: RelayJobRecord): Promise<void> {
    // Read at send time: the route may have changed address since the job was claimed.
    const current = this.deps.routes.get(route.id) ?? route;
    const delivery = await this.deps.deliveries.get(job.deliveryId);
    const number = job.attempts + 1;
    if (!delivery || delivery.body === null) {
      const why = delivery ? 'the delivery has no stored body' : 'the delivery was deleted (retention) before it could be relayed';
      await this.finish(job, {
        attempt: null,
        update: {
          jobId: job.id,
          state: 'failed',
          attempts: job.attempts,
          runAt: new Date().toISOString(),
          lastError: why,
          finishedAt: new Date().toISOString(),
        },
      });
      return;
    }
    const { attempt } = await this.deps.sender.send({ route: current, jobId: job.id, delivery: { ...delivery, body: delivery.body }, number, mode: 'queue' });
    const delays = scheduleDelaysS(current.schedule, current.provider) ?? DEFAULT_RELAY_DELAYS_S;
    // A job retried by hand gets exactly one more try, whatever the schedule says.
    const delayMs = number >= job.maxAttempts ? null : nextDelayMs(delays, number, (this.deps.random ?? Math.random)());
    const ok = attempt.outcome === 'ok';
    const state = ok ? 'delivered' : delayMs === null ? 'failed' : 'pending';
    const finishedAt = state === 'pending' ? null : attempt.finishedAt;
    const lastError = ok ? null : state === 'failed' ? `${attempt.error} (try ${number} of ${job.maxAttempts}: the schedule has ended)` : attempt.error;
    await this.finish(job, {
      attempt,
      update: {
        jobId: job.id,
        state,
        attempts: number,
        runAt: delayMs === null ? attempt.finishedAt : new Date(Date.parse(attempt.finishedAt) + delayMs).toISOString(),
        lastError,
        finishedAt,
      },
    });
  }

  private finish(job: RelayJobRecord, record: RelayRecord): Promise<void> {
    // The slot is held until the record is in: a crash then resends at most the sends under way.
    return this.deps.recorder.add(record, job.deliveryId, true);
  }
}
