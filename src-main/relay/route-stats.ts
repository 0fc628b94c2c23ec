/** A route's last 24 hours for the dashboard: success rate, backend latency, queue, health. Pure. */
import type { RelayRouteStats } from '../../src-shared/contract/relay.js';
import type { RelayRouteActivity, RelayRouteRecord } from '../store/relay-types.js';

export const STATS_WINDOW_MS = 24 * 3600 * 1000;
/** This many failed tries in a row (newest first) and nothing else: the backend keeps failing. */
const FAILING_RUN = 3;
const DEGRADED_BELOW = 0.9;

function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

export function routeStats(route: RelayRouteRecord, activity: RelayRouteActivity, since: string): RelayRouteStats {
  const { attempts } = activity;
  const succeeded = attempts.filter((a) => a.outcome === 'ok').length;
  const durations = attempts.map((a) => a.durationMs).sort((a, b) => a - b);
  const successRate = attempts.length === 0 ? null : succeeded / attempts.length;
  const lastFailure = attempts.find((a) => a.outcome === 'failed');
  const base = {
    since,
    attempts: attempts.length,
    succeeded,
    successRate,
    p50LatencyMs: percentile(durations, 0.5),
    p95LatencyMs: percentile(durations, 0.95),
    queueDepth: activity.queueDepth,
    oldestPendingAt: activity.oldestPendingAt,
    deadLetters: activity.deadLetters,
    lastAttemptAt: attempts[0]?.startedAt ?? null,
    lastError: lastFailure?.error ?? null,
  };
  const waiting = activity.queueDepth > 0 ? ` ${activity.queueDepth} waiting.` : '';
  if (route.pausedAt !== null) return { ...base, health: 'paused', healthReason: `Paused: nothing is sent to the backend.${waiting}` };
  if (route.mode === 'simulate') return { ...base, health: 'idle', healthReason: 'Simulating: nothing is forwarded.' };
  const run = attempts.slice(0, FAILING_RUN);
  if (run.length === FAILING_RUN && run.every((a) => a.outcome === 'failed')) {
    return { ...base, health: 'failing', healthReason: `The backend's last ${FAILING_RUN} tries failed: ${run[0]!.error ?? 'no answer'}.${waiting}` };
  }
  if (attempts.length === 0) return { ...base, health: 'idle', healthReason: `Nothing relayed in the last 24 hours.${waiting}` };
  if (successRate! < DEGRADED_BELOW) {
    return { ...base, health: 'degraded', healthReason: `${Math.round((1 - successRate!) * 100)} % of tries failed in the last 24 hours.${waiting}` };
  }
  return { ...base, health: 'ok', healthReason: `${succeeded} of ${attempts.length} tries accepted in the last 24 hours.${waiting}` };
}
