/**
 * The relay queue's own retries: when Gatewatch tries a queued delivery again after the backend
 * did not accept it. Pure: the delays of a schedule, and a jittered delay from one random draw.
 */
import { z } from 'zod';
import type { ProviderId } from '../domain/provider.js';
import { providerRetrySchedules, retryOffsetsS } from './retry-schedules.js';

const HOUR_S = 3600;
const DAY_S = 24 * HOUR_S;

/** 10 s, 30 s, 1 min, 5 min, 15 min, 1 h, then hourly while the total stays within 24 h. */
export const DEFAULT_RELAY_DELAYS_S: readonly number[] = (() => {
  const delays = [10, 30, 60, 300, 900, HOUR_S];
  let total = delays.reduce((a, b) => a + b, 0);
  while (total + HOUR_S <= DAY_S) {
    delays.push(HOUR_S);
    total += HOUR_S;
  }
  return delays;
})();

export const RelaySchedule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('default') }),
  /** The provider's own documented schedule (not for a provider that documents none). */
  z.object({ kind: z.literal('provider') }),
  /** Delays in seconds between tries, in order. */
  z.object({ kind: z.literal('custom'), delaysS: z.array(z.number().int().min(1).max(DAY_S)).min(1).max(200) }),
]);
export type RelaySchedule = z.infer<typeof RelaySchedule>;

/** The delays between tries a route's schedule makes; null when the provider documents none. */
export function scheduleDelaysS(schedule: RelaySchedule, provider: ProviderId): number[] | null {
  switch (schedule.kind) {
    case 'default':
      return [...DEFAULT_RELAY_DELAYS_S];
    case 'custom':
      return [...schedule.delaysS];
    case 'provider': {
      const offsets = retryOffsetsS(providerRetrySchedules[provider].pattern);
      if (offsets.length === 0) return null;
      return offsets.map((offset, i) => offset - (i === 0 ? 0 : offsets[i - 1]!));
    }
  }
}

/** ±20 %: many deliveries failed by one outage do not all come back in the same second. */
export const JITTER = 0.2;

/** The delay before try `attemptsMade + 1`, jittered by `random` (0 ≤ random < 1); null when the schedule has ended. */
export function nextDelayMs(delaysS: readonly number[], attemptsMade: number, random: number): number | null {
  const delay = delaysS[attemptsMade - 1];
  if (delay === undefined) return null;
  return Math.round(delay * 1000 * (1 - JITTER + 2 * JITTER * random));
}

/** "10 s, 30 s, 1 min, 5 min, 15 min, 1 h, then 1 h × 22 (29 tries over 23.4 h)". */
export function scheduleWords(delaysS: readonly number[]): string {
  const unit = (s: number) => (s % HOUR_S === 0 ? `${s / HOUR_S} h` : s % 60 === 0 ? `${s / 60} min` : `${s} s`);
  const parts: string[] = [];
  for (let i = 0; i < delaysS.length; ) {
    let j = i;
    while (j < delaysS.length && delaysS[j] === delaysS[i]) j++;
    parts.push(j - i > 2 ? `${unit(delaysS[i]!)} × ${j - i}` : Array.from({ length: j - i }, () => unit(delaysS[i]!)).join(', '));
    i = j;
  }
  const total = delaysS.reduce((a, b) => a + b, 0);
  const span = total >= HOUR_S ? `${(total / HOUR_S).toFixed(1)} h` : total >= 60 ? `${Math.round(total / 60)} min` : `${total} s`;
  return `${parts.join(', ')} (${delaysS.length + 1} tries over ${span})`;
}
