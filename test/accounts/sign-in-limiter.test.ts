/**
 * Guessing slowed down: after five failures for a name (known or not) each attempt waits twice as
 * long as the last, up to 15 minutes; an address trying many names is held after twenty. The
 * guesses an attacker gets in an hour are measured on a simulated clock and printed.
 */
import { describe, expect, it } from 'vitest';
import { NAME_LIMITS, SignInLimiter, waitWords } from '../../src-main/accounts/sign-in-limiter.js';

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('sign-in limiter', () => {
  it('lets five failures through, then doubles the wait from one second, up to fifteen minutes', () => {
    const time = clock();
    const limiter = new SignInLimiter(undefined, time.now);
    const waits: number[] = [];
    for (let i = 0; i < 16; i++) {
      const wait = limiter.waitMs('alice', '198.51.100.1');
      waits.push(wait);
      time.advance(wait);
      limiter.failed('alice', '198.51.100.1');
    }
    expect(waits.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 1000]);
    expect(waits.slice(6, 10)).toEqual([2000, 4000, 8000, 16000]);
    expect(waits.at(-1)).toBe(15 * 60_000);
  });

  it('holds a name whether or not it exists, clears it on success, and forgets after a quiet quarter hour', () => {
    const time = clock();
    const limiter = new SignInLimiter(undefined, time.now);
    for (let i = 0; i < 6; i++) limiter.failed('no-such-person', `203.0.113.${i}`);
    expect(limiter.waitMs('no-such-person', '203.0.113.99')).toBe(2000);
    expect(limiter.waitMs('someone-else', '203.0.113.99')).toBe(0);
    limiter.succeeded('no-such-person');
    expect(limiter.waitMs('no-such-person', '203.0.113.99')).toBe(0);
    for (let i = 0; i < 6; i++) limiter.failed('bob', '192.0.2.1');
    time.advance(16 * 60_000);
    expect(limiter.waitMs('bob', '192.0.2.1')).toBe(0);
  });

  it('holds an address that sprays many names', () => {
    const time = clock();
    const limiter = new SignInLimiter(undefined, time.now);
    for (let i = 0; i < 20; i++) limiter.failed(`name-${i}`, '192.0.2.7');
    expect(limiter.waitMs('a-fresh-name', '192.0.2.7')).toBe(1000);
    expect(limiter.waitMs('a-fresh-name', '192.0.2.8')).toBe(0);
  });

  it('says the wait in words', () => {
    expect(waitWords(1000)).toBe('Too many failed sign-ins: wait 1 second before trying again.');
    expect(waitWords(7_500)).toBe('Too many failed sign-ins: wait 8 seconds before trying again.');
    expect(waitWords(15 * 60_000)).toBe('Too many failed sign-ins: wait 15 minutes before trying again.');
  });

  it('allows a measured few guesses an hour at one name (against thousands for scrypt alone)', () => {
    const time = clock();
    const limiter = new SignInLimiter(undefined, time.now);
    const checkMs = 500; // one scrypt check on this machine (see passwords.test.ts)
    let guesses = 0;
    while (time.now() < 3_600_000) {
      const wait = limiter.waitMs('alice', '198.51.100.1');
      if (wait > 0) {
        time.advance(wait);
        continue;
      }
      time.advance(checkMs);
      limiter.failed('alice', '198.51.100.1');
      guesses++;
    }
    const unthrottled = Math.floor(3_600_000 / checkMs);
    console.info(`guesses at one name in an hour: ${guesses} with the limiter, ${unthrottled} per core with scrypt alone`);
    expect(NAME_LIMITS.freeFailures).toBe(5);
    expect(guesses).toBeLessThan(25);
  });
});
