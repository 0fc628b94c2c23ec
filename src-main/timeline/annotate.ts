import type { NormalizedStatus } from '../../src-shared/domain/normalized.js';
import type { TimelineStepKind } from '../../src-shared/domain/timeline.js';
import type { TimelineEntry, TimelineFlag, TimelineFlagKind } from '../../src-shared/contract/timeline.js';
import { type PlacedStep, setsStatus } from './delivery-step.js';
import { sameDecimal } from './decimal.js';
import { AmountTrail } from './amount-change.js';
import { FINAL, PAID, RANK, UNPAID } from './lifecycle.js';

/** Statuses that report money moving, whose amount can be held against the session's. */
const PAYMENT_REPORT: ReadonlySet<NormalizedStatus> = new Set(['confirming', 'completed', 'overpaid', 'underpaid']);

/** Same instant: the kind that logically comes first goes first (a session before its payment). */
const KIND_ORDER: Record<TimelineStepKind, number> = { session: 0, status_check: 1, delivery: 2, relay: 3, tx_lookup: 4, replay: 5 };

export const stepKey = (step: { kind: string; id: string }) => `${step.kind}:${step.id}`;

export function sortSteps(steps: readonly PlacedStep[]): PlacedStep[] {
  const seen = new Set<string>();
  const unique = steps.filter(({ step }) => {
    const key = stepKey(step);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) => Date.parse(a.step.at) - Date.parse(b.step.at) || KIND_ORDER[a.step.kind] - KIND_ORDER[b.step.kind] || a.step.id.localeCompare(b.step.id),
  );
}

const gapText = (ms: number) =>
  ms < 60_000 ? `${Math.round(ms / 1000)} s` : ms < 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${(ms / 3_600_000).toFixed(1)} h`;

/**
 * Places sorted steps on the timeline: the status after each, the gap since the previous one,
 * and flags for what looks wrong. Pure: the same steps always give the same timeline.
 *
 * The payment's status moves only with provider events whose signature verified: an unverified
 * event may be forged, and our own calls (sessions, status checks) report what we asked, not
 * what the provider's backend decided. Order flags therefore look at verified events only.
 */
export function annotate(sorted: readonly PlacedStep[]): { steps: TimelineEntry[]; flags: TimelineFlag[] } {
  const flags: TimelineFlag[] = [];
  const entries: TimelineEntry[] = [];
  let current: NormalizedStatus | null = null;
  let expiredAt: string | null = null;
  let lastSession: PlacedStep | null = null;
  let previousAt: number | null = null;
  const providerClock = new ProviderClock();
  const amounts = new AmountTrail();
  const onTimeline = new Set(sorted.map(({ step }) => stepKey(step)));

  for (const placed of sorted) {
    const { step } = placed;
    const key = stepKey(step);
    const kinds: TimelineFlagKind[] = [];
    const flag = (kind: TimelineFlagKind, message: string) => {
      kinds.push(kind);
      flags.push({ kind, stepKey: key, message });
    };
    const at = Date.parse(step.at);

    if (placed.duplicateOf) flag('duplicate', `Repeats ${placed.duplicateOf} (same event id or identical body): a provider retry or a replay.`);
    if (placed.signatureFailed) flag('failed_signature', `${step.title}: the signature did not verify, so this event may not come from the provider.`);

    const status = step.status;
    const rank = status === null ? undefined : RANK[status];
    if (status !== null && rank !== undefined && setsStatus(placed)) {
      const currentRank: number | undefined = current === null ? undefined : RANK[current];
      if (current === null || currentRank === undefined || rank >= currentRank) {
        if (current !== null && currentRank === FINAL && rank === FINAL && PAID.has(current) && UNPAID.has(status) && status !== current) {
          flag('status_backwards', `Reported “${status}” after the payment was already “${current}”: a reversal or a provider error.`);
        }
        current = status;
      } else if (!placed.duplicateOf) {
        // A retry repeats an old event on purpose; only a first delivery can be out of order.
        if (currentRank >= FINAL) {
          flag('status_backwards', `Reported “${status}” after the payment had reached “${current}”; the final outcome still stands.`);
        } else {
          flag('out_of_order', `Reported “${status}” after “${current}” had arrived: delivered late or out of order.`);
        }
      }
      if (status === 'expired') expiredAt = step.at;
      else if (expiredAt !== null && status !== null && PAID.has(status)) {
        flag('expired_then_paid', `A payment (“${status}”) arrived ${gapText(at - Date.parse(expiredAt))} after the session expired: check it was credited.`);
      }
    }

    const late = placed.duplicateOf ? null : providerClock.lateArrival(step);
    if (late && !kinds.includes('out_of_order')) flag('out_of_order', late);

    if (step.kind === 'session' && placed.amounts.length > 0) lastSession = placed;
    else if (lastSession && step.kind === 'delivery' && status !== null && PAYMENT_REPORT.has(status)) {
      const mismatch = amountMismatch(lastSession, placed);
      if (mismatch) flag('amount_mismatch', mismatch);
    }
    const changed = amounts.change(placed);
    if (changed && !kinds.includes('amount_mismatch')) flag('amount_mismatch', changed);

    const original = placed.duplicateOf === null ? null : stepKey({ kind: 'delivery', id: placed.duplicateOf });
    const retryOf = original !== null && onTimeline.has(original) ? original : null;
    const gapMs = previousAt === null ? null : Math.max(0, at - previousAt);
    entries.push({ ...step, key, statusAfter: current, gapMs, flags: kinds, retryOf });
    previousAt = at;
  }
  return { steps: entries, flags };
}

/**
 * Each provider's latest event time seen so far (steps come in received order): an event the
 * provider made before it, received after it, arrived out of order. Providers' clocks are not
 * compared with each other.
 */
class ProviderClock {
  private readonly latest = new Map<string, { at: number; received: string }>();

  /** Words for a step whose provider time is earlier than one received before it; null otherwise. */
  lateArrival(step: TimelineEntry | PlacedStep['step']): string | null {
    const time = step.providerTime;
    if (step.kind !== 'delivery' || !step.provider || !time?.at) return null;
    const at = Date.parse(time.at);
    const before = this.latest.get(step.provider);
    if (!before || at > before.at) this.latest.set(step.provider, { at, received: time.received });
    if (!before || at >= before.at) return null;
    return `The provider made this event at ${time.received}, before the one received earlier (${before.received}), but it arrived after it: delivered out of order.`;
  }
}

/** The session's amount against the payment's amounts in the same currency; null when they agree or cannot be compared. */
function amountMismatch(session: PlacedStep, payment: PlacedStep): string | null {
  for (const asked of session.amounts) {
    const currency = asked.currency?.toUpperCase() ?? null;
    if (currency === null) continue;
    const same = payment.amounts.filter((a) => a.currency?.toUpperCase() === currency);
    if (same.length === 0) continue;
    if (same.some((a) => sameDecimal(a.value, asked.value))) return null;
    return `The payment reports ${same[0]!.value} ${same[0]!.currency}, the session asked for ${asked.value} ${asked.currency}.`;
  }
  return null;
}
