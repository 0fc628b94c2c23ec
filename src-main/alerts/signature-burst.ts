/**
 * The "burst of failed signatures" rule: failures per provider in a sliding window of receipt
 * times, an alert when a provider reaches the threshold, then quiet for that provider until the
 * cooldown ends. Pure state: times are passed in, nothing reads a clock.
 */

export interface SignatureFailure {
  deliveryId: string;
  provider: string;
  /** When the delivery was received (ms since epoch): a delivery verified again later counts at its receipt. */
  receivedAt: number;
}

export interface SignatureBurstRule {
  failures: number;
  windowMs: number;
  cooldownMs: number;
}

export interface SignatureBurst {
  provider: string;
  /** Failures in the window when the alert was raised. */
  count: number;
  /** The window's start (ms since epoch). */
  since: number;
}

/** Receipt times kept per provider at most; past it the count saturates (the alert has long fired). */
const MAX_KEPT = 10_000;

export class SignatureBurstWindow {
  /** Per provider: the failed deliveries in the window and when each was received (a delivery derived twice counts once). */
  private readonly failed = new Map<string, Map<string, number>>();
  private readonly lastAlert = new Map<string, number>();

  constructor(private readonly rule: SignatureBurstRule) {}

  /** Adds failures seen at `now`; returns the providers whose failures just reached the threshold. */
  add(failures: readonly SignatureFailure[], now: number): SignatureBurst[] {
    const since = now - this.rule.windowMs;
    const touched = new Set<string>();
    for (const failure of failures) {
      // Verified again after its window (a secret changed): not part of a burst now.
      if (failure.receivedAt < since || failure.receivedAt > now + this.rule.windowMs) continue;
      const kept = this.failed.get(failure.provider) ?? new Map<string, number>();
      kept.set(failure.deliveryId, failure.receivedAt);
      if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
      this.failed.set(failure.provider, kept);
      touched.add(failure.provider);
    }
    const bursts: SignatureBurst[] = [];
    for (const provider of touched) {
      const count = this.forget(provider, since);
      const last = this.lastAlert.get(provider);
      if (count < this.rule.failures || (last !== undefined && now - last < this.rule.cooldownMs)) continue;
      this.lastAlert.set(provider, now);
      bursts.push({ provider, count, since });
    }
    return bursts;
  }

  /** Forgets what is older than the window (called now and then, so quiet providers do not keep memory). */
  prune(now: number): void {
    for (const provider of [...this.failed.keys()]) this.forget(provider, now - this.rule.windowMs);
  }

  /** Drops a provider's failures received before `since`; returns how many are left. */
  private forget(provider: string, since: number): number {
    const kept = this.failed.get(provider);
    if (!kept) return 0;
    for (const [id, at] of kept) if (at < since) kept.delete(id);
    if (kept.size === 0) this.failed.delete(provider);
    return kept.size;
  }
}
