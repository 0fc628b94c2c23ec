/** Row shapes of the relay tables and their mapping to records (SQLite). */
import type { ProviderId } from '../../../src-shared/domain/provider.js';
import type { RelayAttempt } from '../../../src-shared/contract/relay.js';
import type { RelayJobState, RelayMode } from '../../../src-shared/relay/states.js';
import type { RelayJobRecord, RelayRouteRecord } from '../relay-types.js';

export interface RouteRow {
  id: string;
  provider: string;
  label: string;
  url: string | null;
  mode: string;
  timeout_ms: number;
  concurrency: number;
  schedule: string;
  simulate: string | null;
  paused_at: string | null;
  created_at: string;
  updated_at: string;
}

export const toRoute = (r: RouteRow): RelayRouteRecord => ({
  id: r.id,
  provider: r.provider as ProviderId,
  label: r.label === '' ? null : r.label,
  url: r.url,
  mode: r.mode as RelayMode,
  timeoutMs: r.timeout_ms,
  concurrency: r.concurrency,
  schedule: JSON.parse(r.schedule) as RelayRouteRecord['schedule'],
  simulate: r.simulate === null ? null : (JSON.parse(r.simulate) as RelayRouteRecord['simulate']),
  pausedAt: r.paused_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const routeParams = (r: RelayRouteRecord) => ({
  id: r.id,
  provider: r.provider,
  label: r.label ?? '',
  url: r.url,
  mode: r.mode,
  timeoutMs: r.timeoutMs,
  concurrency: r.concurrency,
  schedule: JSON.stringify(r.schedule),
  simulate: r.simulate === null ? null : JSON.stringify(r.simulate),
  pausedAt: r.pausedAt,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const jobColumns =
  'id, delivery_id, route_id, mode, state, attempts, max_attempts, run_at, last_error, locked_at, locked_by, created_at, finished_at, answered_status, answered_at';

export interface JobRow {
  id: string;
  delivery_id: string;
  route_id: string;
  mode: string;
  state: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
  last_error: string | null;
  locked_at: string | null;
  locked_by: string | null;
  created_at: string;
  finished_at: string | null;
  answered_status: number | null;
  answered_at: string | null;
}

export const toJob = (r: JobRow): RelayJobRecord => ({
  id: r.id,
  deliveryId: r.delivery_id,
  routeId: r.route_id,
  mode: r.mode as RelayMode,
  state: r.state as RelayJobState,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  runAt: r.run_at,
  lastError: r.last_error,
  lockedAt: r.locked_at,
  lockedBy: r.locked_by,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
  answeredStatus: r.answered_status,
  answeredAt: r.answered_at,
});

export const toAttempt = (row: { attempt: string }): RelayAttempt => JSON.parse(row.attempt) as RelayAttempt;

/** A listed attempt's place: newest first by started_at, then seq (RelayStore.listAttempts). */
export interface AttemptKey {
  seq: number;
  started_at: string;
}

export const newestAttemptFirst = (a: AttemptKey, b: AttemptKey): number =>
  a.started_at === b.started_at ? b.seq - a.seq : a.started_at < b.started_at ? 1 : -1;

/**
 * The route ids that have attempts, off relay_attempts_route's leading column one jump at a time
 * (a loose index scan: one probe per route, not a scan of every attempt). Same SQL on both backends.
 */
export const attemptRoutesSql = `WITH RECURSIVE r(id) AS (
    SELECT min(route_id) FROM relay_attempts
    UNION ALL
    SELECT (SELECT min(route_id) FROM relay_attempts WHERE route_id > r.id) FROM r WHERE r.id IS NOT NULL
  ) SELECT id FROM r WHERE id IS NOT NULL`;

/** SQLite caps bound parameters; IN lists are chunked well below it. */
export function chunked<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
