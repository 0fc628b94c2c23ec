/** How the relay reads in the console: states, health, answers. Pure. */
import type { RelayJobState, RelayStateFilter } from '../../../src-shared/relay/states.js';
import type { RouteHealth } from '../../../src-shared/contract/relay.js';

export const RELAY_STATE_LABEL: Record<RelayStateFilter, string> = {
  delivered: 'relayed',
  retrying: 'relaying',
  failed: 'relay failed',
  simulated: 'simulated',
};

export const JOB_STATE_LABEL: Record<RelayJobState, string> = {
  sending: 'waiting for the backend',
  pending: 'queued',
  delivered: 'delivered',
  failed: 'failed',
  simulated: 'simulated answer',
};

export const HEALTH_LABEL: Record<RouteHealth, string> = {
  ok: 'healthy',
  degraded: 'degraded',
  failing: 'failing',
  paused: 'paused',
  idle: 'idle',
};

export const MODE_LABEL = { passthrough: 'passthrough', queue: 'queue', simulate: 'simulate' } as const;

export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(rate === 1 || rate === 0 ? 0 : 1)} %`);
export const millis = (ms: number | null) => (ms === null ? '—' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/** Local clock time for the reader ("10:30:05"), the date too when it is not today. */
export function localTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const time = date.toLocaleTimeString();
  return date.toDateString() === now.toDateString() ? time : `${date.toLocaleDateString()} ${time}`;
}
