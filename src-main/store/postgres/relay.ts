import type pg from 'pg';
import type { RelayAttempt } from '../../../src-shared/contract/relay.js';
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
  jobColumns,
  newestAttemptFirst,
  routeParams,
  toAttempt,
  toJob,
  toRoute,
  type AttemptKey,
  type JobRow,
  type RouteRow,
} from '../sqlite/relay-rows.js';
import { aliveSql, type InstanceTiming } from './instances.js';
import { inTransaction } from './pool.js';
import { SqlParams } from './sql-params.js';

/** How many of a route's tries the dashboard reads for its figures. */
const ACTIVITY_LIMIT = 5_000;
/** SQLSTATE 22P05: a \u0000 in a json value that has to become text. */
const UNTRANSLATABLE_CHARACTER = '22P05';

/**
 * Relay routes, the queue and attempts on PostgreSQL. Due jobs are claimed as graphile-worker
 * claims them (FOR UPDATE SKIP LOCKED, then locked_at/locked_by), so instances never claim one
 * job twice; a claim or a waiting passthrough whose instance is not alive is released or failed.
 */
export class PgRelayStore implements RelayStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly instanceId: string,
    private readonly timing: InstanceTiming,
  ) {}

  async listRoutes(): Promise<RelayRouteRecord[]> {
    return (await this.pool.query<RouteRow>('SELECT * FROM relay_routes ORDER BY provider, label')).rows.map(toRoute);
  }

  async getRoute(id: string): Promise<RelayRouteRecord | null> {
    const { rows } = await this.pool.query<RouteRow>('SELECT * FROM relay_routes WHERE id = $1', [id]);
    return rows[0] ? toRoute(rows[0]) : null;
  }

  async putRoute(route: RelayRouteRecord): Promise<void> {
    const r = routeParams(route);
    await this.pool.query(
      `INSERT INTO relay_routes (id, provider, label, url, mode, timeout_ms, concurrency, schedule, simulate, paused_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (id) DO UPDATE SET provider = excluded.provider, label = excluded.label, url = excluded.url, mode = excluded.mode,
         timeout_ms = excluded.timeout_ms, concurrency = excluded.concurrency, schedule = excluded.schedule,
         simulate = excluded.simulate, paused_at = excluded.paused_at, updated_at = excluded.updated_at`,
      [r.id, r.provider, r.label, r.url, r.mode, r.timeoutMs, r.concurrency, r.schedule, r.simulate, r.pausedAt, r.createdAt, r.updatedAt],
    );
  }

  async deleteRoute(id: string, reason: string, now: string): Promise<{ deleted: boolean; deadLettered: number }> {
    return inTransaction(this.pool, async (client) => {
      const dead = await client.query(
        `UPDATE relay_jobs SET state = 'failed', last_error = $1, finished_at = $2, locked_at = NULL, locked_by = NULL
         WHERE route_id = $3 AND state IN ('pending', 'sending')`,
        [reason, now, id],
      );
      const deleted = await client.query('DELETE FROM relay_routes WHERE id = $1', [id]);
      return { deleted: (deleted.rowCount ?? 0) > 0, deadLettered: dead.rowCount ?? 0 };
    });
  }

  async record(batch: readonly RelayRecord[]): Promise<void> {
    if (batch.length === 0) return;
    await inTransaction(this.pool, async (client) => {
      for (const { attempt, update } of batch) {
        if (attempt) {
          await client.query(
            `INSERT INTO relay_attempts (id, delivery_seq, job_id, route_id, started_at, outcome, duration_ms, attempt)
             SELECT $1, delivery_seq, id, $2, $3, $4, $5, $6 FROM relay_jobs WHERE id = $7`,
            [attempt.id, attempt.routeId, attempt.startedAt, attempt.outcome, attempt.durationMs, JSON.stringify(attempt), attempt.jobId],
          );
        }
        await client.query(
          `UPDATE relay_jobs SET state = $1, attempts = $2, run_at = $3, last_error = $4, finished_at = $5, locked_at = NULL, locked_by = NULL,
             answered_status = CASE WHEN $6 THEN $7 ELSE answered_status END, answered_at = CASE WHEN $6 THEN $8 ELSE answered_at END
           WHERE id = $9`,
          [
            update.state,
            update.attempts,
            update.runAt,
            update.lastError,
            update.finishedAt,
            update.answered !== undefined,
            update.answered?.status ?? null,
            update.answered?.at ?? null,
            update.jobId,
          ],
        );
      }
    });
  }

  /**
   * Claims carry this instance's id, not the worker's: whether a claim's holder is alive is read
   * from gatewatch_instances, where only instances are (a worker's own name would look dead to
   * the next sweep, which would free claims still being sent, and they would go twice).
   */
  async claimDue(routeId: string, now: string, limit: number, _workerId: string): Promise<RelayJobRecord[]> {
    const { rows } = await this.pool.query<JobRow & { seq: number }>(
      `UPDATE relay_jobs SET locked_at = $2, locked_by = $4 WHERE seq IN (
         SELECT seq FROM relay_jobs WHERE route_id = $1 AND state = 'pending' AND run_at <= $2 AND locked_at IS NULL
         ORDER BY run_at, seq LIMIT $3
         FOR UPDATE SKIP LOCKED)
       RETURNING ${jobColumns}`,
      [routeId, now, limit, this.instanceId],
    );
    return rows.map(toJob).sort((a, b) => a.runAt.localeCompare(b.runAt) || a.id.localeCompare(b.id));
  }

  async nextRunAt(routeIds: readonly string[]): Promise<string | null> {
    const { rows } = await this.pool.query<{ at: string | null }>(
      `SELECT min(run_at) AS at FROM relay_jobs WHERE route_id = ANY($1::text[]) AND state = 'pending' AND locked_at IS NULL`,
      [[...routeIds]],
    );
    return rows[0]?.at ?? null;
  }

  async releaseClaims(jobIds: readonly string[]): Promise<void> {
    await this.pool.query(`UPDATE relay_jobs SET locked_at = NULL, locked_by = NULL WHERE state = 'pending' AND id = ANY($1::text[])`, [[...jobIds]]);
  }

  /** Locks held by an instance that is not this one nor alive (a crashed process's); claims carry instance ids (claimDue). */
  async releaseLocks(_exceptWorker: string): Promise<number> {
    const { rowCount } = await this.pool.query(
      `UPDATE relay_jobs SET locked_at = NULL, locked_by = NULL
       WHERE state = 'pending' AND locked_by IS NOT NULL AND locked_by <> $1 AND NOT ${aliveSql('locked_by', this.timing)}`,
      [this.instanceId],
    );
    return rowCount ?? 0;
  }

  /** Passthroughs waiting for a backend on behalf of an instance no longer alive (or of none: this one is starting). */
  async failInterrupted(reason: string, now: string): Promise<number> {
    const { rowCount } = await this.pool.query(
      `UPDATE relay_jobs SET state = 'failed', last_error = $1, finished_at = $2, locked_by = NULL
       WHERE state = 'sending' AND (locked_by IS NULL OR locked_by = $3 OR NOT ${aliveSql('locked_by', this.timing)})`,
      [reason, now, this.instanceId],
    );
    return rowCount ?? 0;
  }

  async jobsForDeliveries(deliveryIds: readonly string[]): Promise<RelayJobRecord[]> {
    const { rows } = await this.pool.query<JobRow>(
      `SELECT ${jobColumns} FROM relay_jobs WHERE delivery_seq IN (SELECT seq FROM deliveries WHERE id = ANY($1::text[]))`,
      [[...new Set(deliveryIds)]],
    );
    return rows.map(toJob);
  }

  /**
   * As SQLite's: newest first by started_at then seq, each route's page read off relay_attempts_route
   * (route_id, started_at, seq) and, without a filter, the routes' pages merged; then only the page's
   * attempt texts are read.
   */
  async listAttempts(query: RelayAttemptQuery): Promise<RelayAttemptListed[]> {
    if (query.limit <= 0) return [];
    let picked: AttemptKey[];
    if (query.deliveryId === undefined && query.routeId === undefined) {
      picked = [];
      for (const { id } of (await this.pool.query<{ id: string }>(attemptRoutesSql)).rows) picked.push(...(await this.pickAttempts({ ...query, routeId: id })));
    } else {
      picked = await this.pickAttempts(query);
    }
    const seqs = picked
      .sort(newestAttemptFirst)
      .slice(0, query.limit)
      .map((r) => r.seq);
    if (seqs.length === 0) return [];
    const { rows } = await this.pool.query<AttemptKey & { attempt: string }>(
      'SELECT seq, started_at, attempt FROM relay_attempts WHERE seq = ANY($1::bigint[])',
      [seqs],
    );
    return rows.sort(newestAttemptFirst).map((r) => ({ ...toAttempt(r), seq: r.seq }));
  }

  /** The seqs and times of a page of one delivery's or one route's tries (or both). */
  private async pickAttempts(query: RelayAttemptQuery): Promise<AttemptKey[]> {
    const params = new SqlParams();
    const where: string[] = [];
    if (query.deliveryId !== undefined) where.push(`delivery_seq = (SELECT seq FROM deliveries WHERE id = ${params.add(query.deliveryId)})`);
    if (query.routeId !== undefined) where.push(`route_id = ${params.add(query.routeId)}`);
    if (query.before) {
      const at = params.add(query.before.startedAt);
      where.push(`started_at <= ${at} AND (started_at < ${at} OR seq < ${params.add(query.before.seq)})`);
    }
    const { rows } = await this.pool.query<AttemptKey>(
      `SELECT seq, started_at FROM relay_attempts WHERE ${where.join(' AND ')} ORDER BY started_at DESC, seq DESC LIMIT ${params.add(query.limit)}`,
      params.values,
    );
    return rows;
  }

  async attemptsForDeliveries(deliveryIds: readonly string[]): Promise<RelayAttempt[]> {
    const { rows } = await this.pool.query<{ attempt: string }>(
      `SELECT attempt FROM relay_attempts WHERE delivery_seq IN (SELECT seq FROM deliveries WHERE id = ANY($1::text[])) ORDER BY seq`,
      [[...new Set(deliveryIds)]],
    );
    return rows.map(toAttempt);
  }

  async retryFailed(query: RelayRetryQuery, now: string): Promise<{ retried: string[]; withoutRoute: number }> {
    const params = new SqlParams();
    const where = ["state = 'failed'"];
    if (query.routeId !== undefined) where.push(`route_id = ${params.add(query.routeId)}`);
    if (query.deliveryId !== undefined) where.push(`delivery_seq = (SELECT seq FROM deliveries WHERE id = ${params.add(query.deliveryId)})`);
    if (query.since !== undefined) where.push(`created_at >= ${params.add(query.since)}`);
    if (query.until !== undefined) where.push(`created_at <= ${params.add(query.until)}`);
    const matching = where.join(' AND ');
    const counted = params.values.length;
    const routable = `route_id IN (SELECT id FROM relay_routes WHERE url IS NOT NULL${query.provider ? ` AND provider = ${params.add(query.provider)}` : ''})`;
    const at = params.add(now);
    return inTransaction(this.pool, async (client) => {
      // One more try, through the queue, from now.
      const retried = await client.query<{ delivery_id: string }>(
        `UPDATE relay_jobs SET state = 'pending', mode = 'queue', run_at = ${at}, max_attempts = attempts + 1, finished_at = NULL,
           locked_at = NULL, locked_by = NULL WHERE ${matching} AND ${routable} RETURNING delivery_id`,
        params.values,
      );
      // A provider filter cannot name a deleted route's provider: those are only counted without one.
      const withoutRoute = query.provider
        ? 0
        : (await client.query<{ n: number }>(`SELECT count(*) AS n FROM relay_jobs WHERE ${matching}`, params.values.slice(0, counted))).rows[0]!.n;
      return { retried: retried.rows.map((r) => r.delivery_id), withoutRoute };
    });
  }

  async routeActivity(routeId: string, since: string): Promise<RelayRouteActivity> {
    type ActivityRow = { outcome: 'ok' | 'failed'; duration_ms: number; started_at: string; error: string | null };
    const window = `FROM relay_attempts WHERE route_id = $1 AND started_at >= $2 ORDER BY started_at DESC LIMIT $3`;
    const attempts = await this.pool
      .query<ActivityRow>(`SELECT outcome, duration_ms, started_at, attempt::json ->> 'error' AS error ${window}`, [routeId, since, ACTIVITY_LIMIT])
      .catch(async (error: { code?: string }) => {
        // PostgreSQL's json operators refuse a \u0000 (which text cannot hold) anywhere in the
        // document, as a backend's answer may carry one: then the tries are read whole and parsed here.
        if (error.code !== UNTRANSLATABLE_CHARACTER) throw error;
        const whole = await this.pool.query<Omit<ActivityRow, 'error'> & { attempt: string }>(`SELECT outcome, duration_ms, started_at, attempt ${window}`, [
          routeId,
          since,
          ACTIVITY_LIMIT,
        ]);
        return { rows: whole.rows.map(({ attempt, ...row }) => ({ ...row, error: (JSON.parse(attempt) as { error?: string | null }).error ?? null })) };
      });
    const waiting = await this.pool.query<{ n: number; oldest: string | null }>(
      "SELECT count(*) AS n, min(created_at) AS oldest FROM relay_jobs WHERE route_id = $1 AND state IN ('pending', 'sending')",
      [routeId],
    );
    const dead = await this.pool.query<{ n: number }>("SELECT count(*) AS n FROM relay_jobs WHERE route_id = $1 AND state = 'failed' AND mode = 'queue'", [
      routeId,
    ]);
    return {
      attempts: attempts.rows.map((r) => ({ outcome: r.outcome, durationMs: r.duration_ms, startedAt: r.started_at, error: r.error })),
      queueDepth: waiting.rows[0]!.n,
      oldestPendingAt: waiting.rows[0]!.oldest,
      deadLetters: dead.rows[0]!.n,
    };
  }

  async countSimulated(routeId: string, since: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      "SELECT count(*) AS n FROM relay_jobs WHERE route_id = $1 AND state = 'simulated' AND created_at >= $2",
      [routeId, since],
    );
    return rows[0]!.n;
  }
}
