/** The providers' retry schedules as data, and when a provider retries, from ../shared/providers.md. */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { providerAccepts, providerRetrySchedules, retryOffsetsS } from '../../src-shared/relay/retry-schedules.js';
import { providerRetryOf, providerRetryWords } from '../../src-shared/relay/provider-retry.js';
import { DEFAULT_RELAY_DELAYS_S, nextDelayMs, scheduleDelaysS, scheduleWords } from '../../src-shared/relay/backoff.js';
import { providerIds } from '../../src-shared/domain/provider.js';

// The reference document lives beside the repository (../shared), as the seeds do.
const referenceFile = process.env.GATEWATCH_PROVIDERS_MD ?? fileURLToPath(new URL('../../../shared/providers.md', import.meta.url));
const referencePresent = existsSync(referenceFile);
if (!referencePresent) console.warn(`providers.md not found at ${referenceFile} (set GATEWATCH_PROVIDERS_MD): the quote check is skipped`);

const offsets = (provider: keyof typeof providerRetrySchedules) => retryOffsetsS(providerRetrySchedules[provider].pattern);

describe('provider retry schedules', () => {
  it('follow the documented rules', () => {
    // Paychant: every 30 min for 24 h → 48 retries, 49 tries ("try 3 of 49").
    expect(offsets('paychant')).toHaveLength(48);
    expect(offsets('paychant').slice(0, 2)).toEqual([1800, 3600]);
    expect(offsets('paychant').at(-1)).toBe(86_400);
    // Instap: every 3 min for a day; OpenXSwitch: every 5 min for 12 h.
    expect(offsets('instap')).toHaveLength(480);
    expect(offsets('instap').at(-1)).toBe(86_400);
    expect(offsets('openxswitch')).toHaveLength(144);
    expect(offsets('openxswitch').at(-1)).toBe(43_200);
    // Calypso: Fibonacci from 30 s (30, 60, 90, 150, 240 s …), 19 retries.
    expect(offsets('calypso').slice(0, 6)).toEqual([30, 60, 90, 150, 240, 390]);
    expect(offsets('calypso')).toHaveLength(19);
    expect(providerRetrySchedules.calypso.assumption).toMatch(/34 h/);
    // InstaXchange documents none, and says so.
    expect(offsets('instaxchange')).toEqual([]);
    expect(providerRetrySchedules.instaxchange.rule).toMatch(/does not document/);
  });

  it.skipIf(!referencePresent)('quote the reference document', () => {
    const reference = readFileSync(referenceFile, 'utf8').replace(/\s+/g, ' ');
    expect(reference).toContain('Retries every 30 minutes for 24 hours on anything but 2xx (3xx counts as failure)');
    expect(reference).toContain('retried every 3 minutes for a day until a 200–204');
    expect(reference).toContain('Retries every 5 minutes for up to 12 hours; acknowledge within one minute');
    expect(reference).toContain('Fibonacci from 30 s (30, 60, 90, 150, 240 s …), 19 retries, up to ~34 h');
    expect(reference).toContain('Calypso expects `200 OK` exactly');
    expect(reference).toContain('Retry policy and sandbox: not found');
  });

  it("count an answer as accepted by each provider's own rule", () => {
    expect(providerAccepts('calypso', 200)).toBe(true);
    expect(providerAccepts('calypso', 204)).toBe(false);
    expect(providerAccepts('instap', 204)).toBe(true);
    expect(providerAccepts('instap', 206)).toBe(false);
    expect(providerAccepts('paychant', 299)).toBe(true);
    expect(providerAccepts('paychant', 302)).toBe(false);
    for (const provider of providerIds) expect(providerAccepts(provider, null)).toBe(false);
  });
});

describe('providerRetryOf', () => {
  const at = '2026-11-05T10:00:00.000Z';
  const now = (iso: string) => new Date(iso);
  const utc = (iso: string) => iso.slice(11, 16);

  it('expects the next try from this one, with its number', () => {
    const retry = providerRetryOf({ provider: 'paychant', thisTry: { number: 2, at, answeredStatus: 500 }, nextTry: null, now: now('2026-11-05T10:05:00Z') })!;
    expect(retry).toMatchObject({ state: 'expected', nextAt: '2026-11-05T10:30:00.000Z', attempt: 3, of: 49, gaveUp: false });
    expect(providerRetryWords(retry, utc)).toBe('The provider will retry around 10:30 (try 3 of 49).');
  });

  it('is null when the answer was accepted', () => {
    expect(providerRetryOf({ provider: 'paychant', thisTry: { number: 1, at, answeredStatus: 204 }, nextTry: null, now: now(at) })).toBeNull();
    expect(providerRetryOf({ provider: 'calypso', thisTry: { number: 1, at, answeredStatus: 204 }, nextTry: null, now: now(at) })).not.toBeNull();
  });

  it('links the retry once it came, and says a late one has not arrived', () => {
    const arrived = providerRetryOf({
      provider: 'instap',
      thisTry: { number: 1, at, answeredStatus: 502 },
      nextTry: { deliveryId: 'dlv_2', at: '2026-11-05T10:03:05Z' },
      now: now('2026-11-05T11:00:00Z'),
    })!;
    expect(arrived).toMatchObject({ state: 'arrived', retryDeliveryId: 'dlv_2', attempt: 2, of: 481 });
    expect(providerRetryWords(arrived, utc, 'Instap')).toBe('Instap retried at 10:03 (try 2 of 481, expected around 10:03).');
    // Past 10:03 plus a minute's grace with nothing: overdue.
    const late = providerRetryOf({ provider: 'instap', thisTry: { number: 1, at, answeredStatus: 502 }, nextTry: null, now: now('2026-11-05T10:04:30Z') })!;
    expect(providerRetryWords(late, utc)).toBe('A retry expected at 10:03 (try 2 of 481) has not arrived.');
    const inTime = providerRetryOf({ provider: 'instap', thisTry: { number: 1, at, answeredStatus: 502 }, nextTry: null, now: now('2026-11-05T10:03:50Z') })!;
    expect(inTime.state).toBe('expected');
  });

  it("follows Calypso's Fibonacci spacing from the previous try", () => {
    const retry = providerRetryOf({ provider: 'calypso', thisTry: { number: 4, at, answeredStatus: 201 }, nextTry: null, now: now(at) })!;
    // Try 4 came 90 s after the first; try 5 comes at 150 s: 60 s after this one.
    expect(retry.nextAt).toBe('2026-11-05T10:01:00.000Z');
    expect(retry).toMatchObject({ attempt: 5, of: 20 });
  });

  it('says the provider has given up after the last try fails', () => {
    const retry = providerRetryOf({ provider: 'openxswitch', thisTry: { number: 145, at, answeredStatus: 500 }, nextTry: null, now: now(at) })!;
    expect(retry).toMatchObject({ state: 'gave_up', gaveUp: true, nextAt: null, of: 145 });
    expect(providerRetryWords(retry, utc, 'OpenXSwitch')).toBe('OpenXSwitch has given up: its schedule of 145 tries ended without an accepted answer.');
  });

  it('says InstaXchange does not document retries instead of guessing', () => {
    const retry = providerRetryOf({ provider: 'instaxchange', thisTry: { number: 1, at, answeredStatus: 500 }, nextTry: null, now: now(at) })!;
    expect(retry).toMatchObject({ state: 'undocumented', nextAt: null, attempt: null, of: null });
    expect(providerRetryWords(retry, utc, 'InstaXchange')).toBe('InstaXchange does not document whether it retries, so no retry time can be given.');
  });
});

describe('relay queue backoff', () => {
  it('is 10 s, 30 s, 1 min, 5 min, 15 min, 1 h, then hourly up to 24 h', () => {
    expect(DEFAULT_RELAY_DELAYS_S.slice(0, 7)).toEqual([10, 30, 60, 300, 900, 3600, 3600]);
    const total = DEFAULT_RELAY_DELAYS_S.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(86_400);
    expect(total + 3600).toBeGreaterThan(86_400);
    expect(scheduleWords(DEFAULT_RELAY_DELAYS_S)).toBe('10 s, 30 s, 1 min, 5 min, 15 min, 1 h × 23 (29 tries over 23.4 h)');
  });

  it('jitters each delay by ±20 % and ends with the schedule', () => {
    expect(nextDelayMs([10, 30], 1, 0)).toBe(8_000);
    expect(nextDelayMs([10, 30], 1, 0.5)).toBe(10_000);
    expect(nextDelayMs([10, 30], 2, 0.999_999)).toBeLessThanOrEqual(36_000);
    expect(nextDelayMs([10, 30], 3, 0.5)).toBeNull();
  });

  it("can copy a provider's own schedule, never one that is not documented", () => {
    expect(scheduleDelaysS({ kind: 'provider' }, 'paychant')).toEqual(Array.from({ length: 48 }, () => 1800));
    expect(scheduleDelaysS({ kind: 'provider' }, 'calypso')!.slice(0, 4)).toEqual([30, 30, 30, 60]);
    expect(scheduleDelaysS({ kind: 'provider' }, 'instaxchange')).toBeNull();
    expect(scheduleDelaysS({ kind: 'custom', delaysS: [5, 5] }, 'instaxchange')).toEqual([5, 5]);
  });
});
