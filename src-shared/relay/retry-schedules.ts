/**
 * When each provider retries a webhook it did not see accepted, as its documents say
 * (../shared/providers.md). Pure data, one entry per provider: the delivery view, the timeline
 * and the relay queue's "provider schedule" option all read it from here.
 */
import type { ProviderId } from '../domain/provider.js';

/** How the retries are spaced, measured from the first try. */
export type RetryPattern =
  /** A retry every `everyS` seconds until `forS` seconds after the first try. */
  | { kind: 'every'; everyS: number; forS: number }
  /** Retry n comes `offsets[n]` after the first try, each offset the sum of the two before. */
  | { kind: 'fibonacci'; firstS: number; secondS: number; retries: number }
  | { kind: 'undocumented' };

/** Which answers the provider counts as accepted (anything else is retried). */
export type AcceptRule = 'any-2xx' | '200-only' | '200-204';

export interface ProviderRetrySchedule {
  provider: ProviderId;
  pattern: RetryPattern;
  accepts: AcceptRule;
  /** The answer must arrive within this long, when the provider says so. */
  answerWithinMs: number | null;
  /** The documented rule, in words. */
  rule: string;
  /** What was assumed where the documents are unclear; null when nothing was. */
  assumption: string | null;
}

export const providerRetrySchedules: Record<ProviderId, ProviderRetrySchedule> = {
  paychant: {
    provider: 'paychant',
    pattern: { kind: 'every', everyS: 30 * 60, forS: 24 * 3600 },
    accepts: 'any-2xx',
    answerWithinMs: null,
    rule: 'every 30 minutes for 24 hours on anything but a 2xx (a 3xx counts as a failure)',
    assumption: null,
  },
  calypso: {
    provider: 'calypso',
    pattern: { kind: 'fibonacci', firstS: 30, secondS: 60, retries: 19 },
    accepts: '200-only',
    answerWithinMs: null,
    rule: 'Fibonacci from 30 s (30, 60, 90, 150, 240 s … after the first try), 19 retries; only 200 OK counts',
    assumption:
      'the documents also say "up to ~34 h", which the 18th retry reaches (34.8 h); the 19th on this sequence would come at 56 h. The count of 19 is kept, so the time of the last retry is uncertain.',
  },
  instap: {
    provider: 'instap',
    pattern: { kind: 'every', everyS: 3 * 60, forS: 24 * 3600 },
    accepts: '200-204',
    answerWithinMs: null,
    rule: 'every 3 minutes for a day until a 200–204',
    assumption: null,
  },
  openxswitch: {
    provider: 'openxswitch',
    pattern: { kind: 'every', everyS: 5 * 60, forS: 12 * 3600 },
    accepts: 'any-2xx',
    answerWithinMs: 60_000,
    rule: 'every 5 minutes for up to 12 hours; an answer must come within one minute',
    assumption: 'which statuses count as accepted is not stated: any 2xx assumed',
  },
  instaxchange: {
    provider: 'instaxchange',
    pattern: { kind: 'undocumented' },
    accepts: 'any-2xx',
    answerWithinMs: null,
    rule: 'InstaXchange does not document whether or when it retries a webhook',
    assumption: null,
  },
};

/** Seconds after the first try at which each retry comes; empty when the provider does not say. */
export function retryOffsetsS(pattern: RetryPattern): number[] {
  switch (pattern.kind) {
    case 'every':
      return Array.from({ length: Math.floor(pattern.forS / pattern.everyS) }, (_, i) => (i + 1) * pattern.everyS);
    case 'fibonacci': {
      const offsets = [pattern.firstS, pattern.secondS];
      while (offsets.length < pattern.retries) offsets.push(offsets[offsets.length - 1]! + offsets[offsets.length - 2]!);
      return offsets.slice(0, pattern.retries);
    }
    case 'undocumented':
      return [];
  }
}

/** Whether the provider counts this answer as accepted; null (no answer at all) never is. */
export function providerAccepts(provider: ProviderId, status: number | null): boolean {
  if (status === null) return false;
  switch (providerRetrySchedules[provider].accepts) {
    case '200-only':
      return status === 200;
    case '200-204':
      return status >= 200 && status <= 204;
    case 'any-2xx':
      return status >= 200 && status < 300;
  }
}
