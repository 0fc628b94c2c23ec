/**
 * "When will the provider try again?" for one try of a webhook: from the answer it got, the
 * provider's documented schedule (retry-schedules.ts) and the tries of the same event that came
 * after it (deliveries linked as duplicates). Pure: the same tries and `now` give the same answer.
 */
import { z } from 'zod';
import type { ProviderId } from '../domain/provider.js';
import { providerAccepts, providerRetrySchedules, retryOffsetsS } from './retry-schedules.js';

export const ProviderRetryState = z.enum(['expected', 'arrived', 'overdue', 'gave_up', 'undocumented']);
export type ProviderRetryState = z.infer<typeof ProviderRetryState>;

export const ProviderRetry = z.object({
  state: ProviderRetryState,
  /** When the next try is due (ISO); null when none is expected or the provider does not say. */
  nextAt: z.string().nullable(),
  /** The number of that next try, counting the first delivery as 1; null when not known. */
  attempt: z.number().int().positive().nullable(),
  /** How many tries the schedule makes in all; null when the provider does not say. */
  of: z.number().int().positive().nullable(),
  gaveUp: z.boolean(),
  /** The delivery that was the next try, once it came. */
  retryDeliveryId: z.string().nullable(),
  retryArrivedAt: z.string().nullable(),
  /** The answer this try got (null: none, e.g. a simulated timeout). */
  answeredStatus: z.number().int().nullable(),
  /** Anything the figures rest on that is not certain, in words. */
  note: z.string().nullable(),
});
export type ProviderRetry = z.infer<typeof ProviderRetry>;

export interface ProviderTry {
  /** 1 for the first delivery of the event, 2 for its first retry… */
  number: number;
  at: string;
  /** What the provider was answered; null when it got no answer. */
  answeredStatus: number | null;
}

export interface ProviderRetryInput {
  provider: ProviderId;
  thisTry: ProviderTry;
  /** The try of the same event that came after this one, if it has come. */
  nextTry: { deliveryId: string; at: string } | null;
  now: Date;
  note?: string | null;
}

/** A retry counts as late past its time plus this share of the interval (at least a minute). */
const LATE_SHARE = 0.2;
const MIN_GRACE_MS = 60_000;

/** Null when the provider accepted the answer, so no retry is expected. */
export function providerRetryOf(input: ProviderRetryInput): ProviderRetry | null {
  const { provider, thisTry, nextTry } = input;
  if (providerAccepts(provider, thisTry.answeredStatus)) return null;
  const schedule = providerRetrySchedules[provider];
  const base = {
    retryDeliveryId: nextTry?.deliveryId ?? null,
    retryArrivedAt: nextTry?.at ?? null,
    answeredStatus: thisTry.answeredStatus,
    note: [input.note ?? null, schedule.assumption].filter(Boolean).join(' ') || null,
  };
  const offsets = retryOffsetsS(schedule.pattern);
  if (offsets.length === 0) {
    return { ...base, state: nextTry ? 'arrived' : 'undocumented', nextAt: null, attempt: nextTry ? thisTry.number + 1 : null, of: null, gaveUp: false };
  }
  const of = offsets.length + 1;
  if (thisTry.number >= of && !nextTry) {
    return { ...base, state: 'gave_up', nextAt: null, attempt: null, of, gaveUp: true };
  }
  // Measured from this try, not the first: a provider running late stays late, it does not catch up.
  const index = Math.min(thisTry.number, offsets.length) - 1;
  const intervalS = offsets[index]! - (index === 0 ? 0 : offsets[index - 1]!);
  const nextAtMs = Date.parse(thisTry.at) + intervalS * 1000;
  const late = input.now.getTime() > nextAtMs + Math.max(MIN_GRACE_MS, intervalS * 1000 * LATE_SHARE);
  const state: ProviderRetryState = nextTry ? 'arrived' : late ? 'overdue' : 'expected';
  return { ...base, state, nextAt: new Date(nextAtMs).toISOString(), attempt: thisTry.number + 1, of, gaveUp: false };
}

/** One sentence for the delivery view and the timeline; `time` formats an ISO instant for the reader. */
export function providerRetryWords(retry: ProviderRetry, time: (iso: string) => string, provider?: string): string {
  const who = provider ?? 'The provider';
  const tries = retry.attempt !== null && retry.of !== null ? `try ${retry.attempt} of ${retry.of}` : retry.attempt !== null ? `try ${retry.attempt}` : null;
  switch (retry.state) {
    case 'expected':
      return `${who} will retry around ${time(retry.nextAt!)} (${tries}).`;
    case 'arrived':
      return retry.nextAt
        ? `${who} retried at ${time(retry.retryArrivedAt!)} (${tries}, expected around ${time(retry.nextAt)}).`
        : `${who} retried at ${time(retry.retryArrivedAt!)}${tries ? ` (${tries})` : ''}.`;
    case 'overdue':
      return `A retry expected at ${time(retry.nextAt!)} (${tries}) has not arrived.`;
    case 'gave_up':
      return `${who} has given up: its schedule of ${retry.of} tries ended without an accepted answer.`;
    case 'undocumented':
      return `${who} does not document whether it retries, so no retry time can be given.`;
  }
}
