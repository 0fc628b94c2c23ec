import type Database from 'better-sqlite3';
import type { RelayAttempt } from '../../../src-shared/contract/relay.js';
import type { NewDelivery } from '../types.js';
import type {
  RelayAttemptListed,
  RelayAttemptQuery,
  RelayJobRecord,
  RelayRecord,
  RelayRetryQuery,
  RelayRouteActivity,
  RelayRouteRecord,
  RelayStore,
} from '../relay-types.js';
import {
  attemptRoutesSql,
  chunked,
  jobColumns,
  newestAttemptFirst,
  routeParams,
  toAttempt,
  toJob,
  toRoute,
  type AttemptKey,
  type JobRow,
  type RouteRow,
} from './relay-rows.js';

/** How many of a route's tries the dashboard reads for its figures. */
const ACTIVITY_LIMIT = 5_000;

/**
 * Writes a relayed delivery's job; called inside the delivery insert's transaction, so the two
 * commit together. Prepared on first use: stores opened before the relay migration never call it.
 */
export function relayJobInserter(db: Database.Database): (deliverySeq: number | bigint, delivery: NewDelivery) => void {
  let insert: Database.Statement | null = null;
  return (deliverySeq, d) => {
    const job = d.relay;
    if (!job) return;
    insert ??= db.prepare(`INSERT INTO relay_jobs (id, delivery_seq, delivery_id, route_id, mode, state, max_attempts, run_at,
      created_at, finished_at, answered_status, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const finished = job.state === 'simulated' ? d.receivedAt : null;
    insert.run(
      job.jobId,
      deliverySeq,
      d.id,
      job.routeId,
      job.mode,
      job.state,
      job.maxAttempts,
      job.runAt,
      d.receivedAt,
      finished,
      job.answered?.status ?? null,
      job.answered ? d.receivedAt : null,
    );
  };
}

export class SqliteRelayStore implements RelayStore {
  private readonly recordMany: (batch: readonly RelayRecord[]) => void;

  constructor(private readonly db: Database.Database) {
    // Prepared when first recorded, inside the transaction.
    let insertAttempt: Database.Statement | null = null;
    let updateJob: Database.Statement | null = null;
    this.recordMany = db.transaction((batch: readonly RelayRecord[]) => {
      // Positional parameters: binding by name costs an object per row, on every passthrough.
      insertAttempt ??= db.prepare(`INSERT INTO relay_attempts (id, delivery_seq, job_id, route_id, started_at, outcome, duration_ms, attempt)
        SELECT ?, delivery_seq, id, ?, ?, ?, ?, ? FROM relay_jobs WHERE id = ?`);
      updateJob ??= db.prepare(`UPDATE relay_jobs SET state = ?, attempts = ?, run_at = ?, last_error = ?,
        finished_at = ?, locked_at = NULL, locked_by = NULL,
        answered_status = CASE WHEN ? THEN ? ELSE answered_status END,
        answered_at = CASE WHEN ? THEN ? ELSE answered_at END WHERE id = ?`);
      for (const { attempt, update } of batch) {
        if (attempt) {
          insertAttempt.run(attempt.id, attempt.routeId, attempt.startedAt, attempt.outcome, attempt.durationMs, JSON.stringify(attempt), attempt.jobId);
        }
        updateJob.run(
          update.state,
          update.attempts,
          update.runAt,
          update.lastError,
          update.finishedAt,
          update.answered ? 1 : 0,
          update.answered?.status ?? null,
          update.answered ? 1 : 0,
          update.answered?.at ?? null,
          update.jobId,
        );
      }
    });
  }

  async listRoutes(): Promise<RelayRouteRecord[]> {
    return (this.db.prepare('SELECT * FROM relay_routes ORDER BY provider, label').all() as RouteRow[]).map(toRoute);
  }

  async getRoute(id: string): Promise<RelayRouteRecord | null> {
    const row = this.db.prepare('SELECT * FROM relay_routes WHERE id = ?').get(id) as RouteRow | undefined;
    return row ? toRoute(row) : null;
  }

  async putRoute(route: RelayRouteRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO relay_routes (id, provider, label, url, mode, timeout_ms, concurrency, schedule, simulate, paused_at, created_at, updated_at)
         VALUES (@id, @provider, @label, @url, @mode, @timeoutMs, @concurrency, @schedule, @simulate, @pausedAt, @createdAt, @updatedAt)
         ON CONFLICT(id) DO UPDATE SET provider = excluded.provider, label = excluded.label, url = excluded.url, mode = excluded.mode,
           timeout_ms = excluded.timeout_ms, concurrency = excluded.concurrency, schedule = excluded.schedule,
           simulate = excluded.simulate, paused_at = excluded.paused_at, updated_at = excluded.updated_at`,
      )
      .run(routeParams(route));
  }

  async deleteRoute(id: string, reason: string, now: string): Promise<{ deleted: boolean; deadLettered: number }> {
    return this.db.transaction(() => {
      const deadLettered = this.db
        .prepare(`UPDATE relay_jobs SET state = 'failed', last_error = ?, finished_at = ?, locked_at = NULL, locked_by = NULL
          WHERE route_id = ? AND state IN ('pending', 'sending')`)
        .run(reason, now, id).changes;
      const deleted = this.db.prepare('DELETE FROM relay_routes WHERE id = ?').run(id).changes > 0;
      return { deleted, deadLettered };
    })();
  }

  async record(batch: readonly RelayRecord[]): Promise<void> {
    if (batch.length > 0) this.recordMany(batch);
  }

  async claimDue(routeId: string, now: string, limit: number, workerId: string): Promise<RelayJobRecord[]> {
    const rows = this.db
      .prepare(
        `UPDATE relay_jobs SET locked_at = @now, locked_by = @workerId WHERE seq IN (
           SELECT seq FROM relay_jobs WHERE route_id = @routeId AND state = 'pending' AND run_at <= @now AND locked_at IS NULL
           ORDER BY run_at, seq LIMIT @limit)
         RETURNING ${jobColumns}`,
      )
      .all({ routeId, now, limit, workerId }) as JobRow[];
    // RETURNING gives no order: oldest first, as claimed.
    return rows.map(toJob).sort((a, b) => a.runAt.localeCompare(b.runAt) || a.id.localeCompare(b.id));
  }

  async nextRunAt(routeIds: readonly string[]): Promise<string | null> {
    let next: string | null = null;
    const due = this.db.prepare("SELECT min(run_at) FROM relay_jobs WHERE route_id = ? AND state = 'pending' AND locked_at IS NULL").pluck();
    for (const routeId of routeIds) {
      const at = due.get(routeId) as string | null;
      if (at !== null && (next === null || at < next)) next = at;
    }
    return next;
  }

  async releaseClaims(jobIds: readonly string[]): Promise<void> {
    for (const part of chunked(jobIds)) {
      this.db
        .prepare(`UPDATE relay_jobs SET locked_at = NULL, locked_by = NULL WHERE state = 'pending' AND id IN (${part.map(() => '?').join(',')})`)
        .run(...part);
    }
  }

  async releaseLocks(exceptWorker: string): Promise<number> {
    return this.db
      .prepare("UPDATE relay_jobs SET locked_at = NULL, locked_by = NULL WHERE state = 'pending' AND locked_by IS NOT NULL AND locked_by != ?")
      .run(exceptWorker).changes;
  }

  async failInterrupted(reason: string, now: string): Promise<number> {
    return this.db.prepare("UPDATE relay_jobs SET state = 'failed', last_error = ?, finished_at = ? WHERE state = 'sending'").run(reason, now).changes;
  }

  async jobsForDeliveries(deliveryIds: readonly string[]): Promise<RelayJobRecord[]> {
    const out: RelayJobRecord[] = [];
    for (const part of chunked([...new Set(deliveryIds)])) {
      const rows = this.db
        .prepare(`SELECT ${jobColumns} FROM relay_jobs WHERE delivery_seq IN (SELECT seq FROM deliveries WHERE id IN (${part.map(() => '?').join(',')}))`)
        .all(...part) as JobRow[];
      out.push(...rows.map(toJob));
    }
    return out;
  }

  /**
   * The order is relay_attempts_route's own (route_id, started_at, then the rowid seq), so a route's
   * page is read straight off the index; a delivery's few tries come by relay_attempts_delivery
   * (`+route_id` keeps the planner off the route's index then). Without a filter, each route's page
   * is read off the index and the pages merged: no index on the time alone, no scan of every attempt.
   * Only the page's attempt texts are read.
   */
  async listAttempts(query: RelayAttemptQuery): Promise<RelayAttemptListed[]> {
    if (query.limit <= 0) return [];
    const picked =
      query.deliveryId === undefined && query.routeId === undefined
        ? (this.db.prepare(attemptRoutesSql).pluck().all() as string[]).flatMap((routeId) => this.pickAttempts({ ...query, routeId }))
        : this.pickAttempts(query);
    const seqs = picked
      .sort(newestAttemptFirst)
      .slice(0, query.limit)
      .map((r) => r.seq);
    if (seqs.length === 0) return [];
    const rows = this.db.prepare(`SELECT seq, started_at, attempt FROM relay_attempts WHERE seq IN (${seqs.map(() => '?').join(',')})`).all(...seqs) as Array<
      AttemptKey & { attempt: string }
    >;
    return rows.sort(newestAttemptFirst).map((r) => ({ ...toAttempt(r), seq: r.seq }));
  }

  /** The seqs and times of a page of one delivery's or one route's tries (or both). */
  private pickAttempts(query: RelayAttemptQuery): AttemptKey[] {
    const where: string[] = [];
    if (query.deliveryId !== undefined) where.push('delivery_seq = (SELECT seq FROM deliveries WHERE id = @deliveryId)');
    if (query.routeId !== undefined) where.push(query.deliveryId !== undefined ? '+route_id = @routeId' : 'route_id = @routeId');
    if (query.before) where.push('started_at <= @beforeAt AND (started_at < @beforeAt OR seq < @beforeSeq)');
    return this.db.prepare(`SELECT seq, started_at FROM relay_attempts WHERE ${where.join(' AND ')} ORDER BY started_at DESC, seq DESC LIMIT @limit`).all({
      deliveryId: query.deliveryId ?? null,
      routeId: query.routeId ?? null,
      beforeAt: query.before?.startedAt ?? null,
      beforeSeq: query.before?.seq ?? null,
      limit: query.limit,
    }) as AttemptKey[];
  }

  async attemptsForDeliveries(deliveryIds: readonly string[]): Promise<RelayAttempt[]> {
    const out: Array<{ seq: number; attempt: string }> = [];
    for (const part of chunked([...new Set(deliveryIds)])) {
      out.push(
        ...(this.db
          .prepare(`SELECT seq, attempt FROM relay_attempts WHERE delivery_seq IN (SELECT seq FROM deliveries WHERE id IN (${part.map(() => '?').join(',')}))`)
          .all(...part) as Array<{ seq: number; attempt: string }>),
      );
    }
    return out.sort((a, b) => a.seq - b.seq).map(toAttempt);
  }

  async retryFailed(query: RelayRetryQuery, now: string): Promise<{ retried: string[]; withoutRoute: number }> {
    const where = ["state = 'failed'"];
    if (query.routeId !== undefined) where.push('route_id = @routeId');
    if (query.deliveryId !== undefined) where.push('delivery_seq = (SELECT seq FROM deliveries WHERE id = @deliveryId)');
    if (query.since !== undefined) where.push('created_at >= @since');
    if (query.until !== undefined) where.push('created_at <= @until');
    const routable = `route_id IN (SELECT id FROM relay_routes WHERE url IS NOT NULL${query.provider ? ' AND provider = @provider' : ''})`;
    const params = { ...query, now };
    return this.db.transaction(() => {
      // One more try, through the queue, from now.
      const retried = this.db
        .prepare(
          `UPDATE relay_jobs SET state = 'pending', mode = 'queue', run_at = @now, max_attempts = attempts + 1, finished_at = NULL,
             locked_at = NULL, locked_by = NULL WHERE ${where.join(' AND ')} AND ${routable} RETURNING delivery_id`,
        )
        .pluck()
        .all(params) as string[];
      // A provider filter cannot name a deleted route's provider: those are only counted without one.
      const withoutRoute = query.provider
        ? 0
        : (this.db
            .prepare(`SELECT count(*) FROM relay_jobs WHERE ${where.join(' AND ')}`)
            .pluck()
            .get(params) as number);
      return { retried, withoutRoute };
    })();
  }

  async routeActivity(routeId: string, since: string): Promise<RelayRouteActivity> {
    const attempts = (
      this.db
        .prepare(
          `SELECT outcome, duration_ms, started_at, json_extract(attempt, '$.error') AS error FROM relay_attempts
           WHERE route_id = ? AND started_at >= ? ORDER BY started_at DESC LIMIT ?`,
        )
        .all(routeId, since, ACTIVITY_LIMIT) as Array<{ outcome: 'ok' | 'failed'; duration_ms: number; started_at: string; error: string | null }>
    ).map((r) => ({ outcome: r.outcome, durationMs: r.duration_ms, startedAt: r.started_at, error: r.error }));
    const waiting = this.db
      .prepare("SELECT count(*) AS n, min(created_at) AS oldest FROM relay_jobs WHERE route_id = ? AND state IN ('pending', 'sending')")
      .get(routeId) as { n: number; oldest: string | null };
    const dead = this.db.prepare("SELECT count(*) FROM relay_jobs WHERE route_id = ? AND state = 'failed' AND mode = 'queue'").pluck().get(routeId) as number;
    return { attempts, queueDepth: waiting.n, oldestPendingAt: waiting.oldest, deadLetters: dead };
  }

  async countSimulated(routeId: string, since: string): Promise<number> {
    return this.db
      .prepare("SELECT count(*) FROM relay_jobs WHERE route_id = ? AND state = 'simulated' AND created_at >= ?")
      .pluck()
      .get(routeId, since) as number;
  }
}
