import type { Amount } from '../../src-shared/domain/normalized.js';
import type { PlacedStep } from './delivery-step.js';
import { sameDecimal } from './decimal.js';

/**
 * A payment's amount across its provider events: each event's first amount (the one the inbox
 * shows: Paychant's fiatAmount, InstaXchange's amountInFiat…), compared exactly with what earlier
 * events said in the same role and currency. Retries repeat an event, so they are left out.
 */
const headlineAmount = (placed: PlacedStep): Amount | null => {
  if (placed.step.kind !== 'delivery' || placed.duplicateOf) return null;
  const first = placed.amounts[0];
  return first && first.currency !== null ? first : null;
};

const slot = (amount: Amount) => `${amount.role}\u0000${amount.currency!.toUpperCase()}`;
const text = (amount: Pick<Amount, 'value' | 'currency'>) => `${amount.value} ${amount.currency ?? ''}`.trim();

/** Remembers the amounts seen so far (steps come in time order) and says when one changes. */
export class AmountTrail {
  private readonly seen = new Map<string, { amount: Amount; title: string }>();

  /** Words for a step whose amount differs from an earlier event's; null when it agrees or has none. */
  change(placed: PlacedStep): string | null {
    const amount = headlineAmount(placed);
    if (!amount) return null;
    const before = this.seen.get(slot(amount));
    this.seen.set(slot(amount), { amount, title: placed.step.title });
    if (!before || sameDecimal(before.amount.value, amount.value)) return null;
    return `The amount changed: ${text(before.amount)} in ${before.title}, ${text(amount)} in ${placed.step.title}. Check which one the backend credited.`;
  }
}

export interface AmountStory {
  value: string;
  currency: string | null;
  /** The first different amount an earlier event gave in the same role and currency. */
  changedFrom: { value: string; currency: string | null } | null;
}

/** The payment's amount by its latest event that has one, and what an earlier event said if that differs. */
export function amountStory(sorted: readonly PlacedStep[]): AmountStory | null {
  const amounts = sorted.map(headlineAmount).filter((a): a is Amount => a !== null);
  const latest = amounts.at(-1);
  if (!latest) return null;
  const earlier = amounts.find((a) => slot(a) === slot(latest) && !sameDecimal(a.value, latest.value));
  return {
    value: latest.value,
    currency: latest.currency,
    changedFrom: earlier ? { value: earlier.value, currency: earlier.currency } : null,
  };
}

export const amountText = text;
