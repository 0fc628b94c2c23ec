/**
 * Slows password guessing down beyond scrypt's half second: after a few failed sign-ins for one
 * name (whether or not it exists) or from one address, each further attempt must wait twice as
 * long as the last, up to a quarter of an hour. A success for the name clears its count; a quiet
 * quarter of an hour after the last wait clears both. Waiting, not locking out: nobody can lock a person out for good.
 */
export interface SignInLimits {
  /** Failures let through at once before the waits start. */
  freeFailures: number;
  /** The first wait; each further failure doubles it. */
  firstWaitMs: number;
  maxWaitMs: number;
  /** Failures older than this are forgotten. */
  forgetAfterMs: number;
}

export const NAME_LIMITS: SignInLimits = { freeFailures: 5, firstWaitMs: 1000, maxWaitMs: 15 * 60_000, forgetAfterMs: 15 * 60_000 };
/** An address trying many names (a spray) is held too, a little later. */
export const ADDRESS_LIMITS: SignInLimits = { freeFailures: 20, firstWaitMs: 1000, maxWaitMs: 15 * 60_000, forgetAfterMs: 15 * 60_000 };

const MAX_KEYS = 10_000;

interface Failures {
  failures: number;
  /** No attempt before this time. */
  notBefore: number;
}

class Bucket {
  private readonly records = new Map<string, Failures>();

  constructor(private readonly limits: SignInLimits) {}

  waitMs(key: string, now: number): number {
    const record = this.current(key, now);
    return record ? Math.max(0, record.notBefore - now) : 0;
  }

  fail(key: string, now: number): void {
    const record = this.current(key, now) ?? { failures: 0, notBefore: now };
    record.failures++;
    const over = record.failures - this.limits.freeFailures;
    record.notBefore = over >= 0 ? now + Math.min(this.limits.firstWaitMs * 2 ** over, this.limits.maxWaitMs) : now;
    this.records.delete(key);
    this.records.set(key, record);
    // The oldest go first: a flood of made-up names cannot grow this without end.
    while (this.records.size > MAX_KEYS) this.records.delete(this.records.keys().next().value!);
  }

  clear(key: string): void {
    this.records.delete(key);
  }

  private current(key: string, now: number): Failures | undefined {
    const record = this.records.get(key);
    // Forgotten after a quiet spell that starts once its wait is over: waiting out the longest wait forgets nothing.
    if (record && now - record.notBefore > this.limits.forgetAfterMs) {
      this.records.delete(key);
      return undefined;
    }
    return record;
  }
}

export class SignInLimiter {
  private readonly names: Bucket;
  private readonly addresses: Bucket;

  constructor(
    limits: { name: SignInLimits; address: SignInLimits } = { name: NAME_LIMITS, address: ADDRESS_LIMITS },
    private readonly now: () => number = Date.now,
  ) {
    this.names = new Bucket(limits.name);
    this.addresses = new Bucket(limits.address);
  }

  /** How long this attempt must wait (0: go ahead). The same for a name that exists and one that does not. */
  waitMs(name: string, address: string): number {
    const now = this.now();
    return Math.max(this.names.waitMs(name, now), this.addresses.waitMs(address, now));
  }

  failed(name: string, address: string): void {
    const now = this.now();
    this.names.fail(name, now);
    this.addresses.fail(address, now);
  }

  succeeded(name: string): void {
    this.names.clear(name);
  }
}

/** "Too many failed sign-ins: wait 8 seconds before trying again." */
export function waitWords(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const wait = seconds < 120 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed sign-ins: wait ${wait} before trying again.`;
}
