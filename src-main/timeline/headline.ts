import type { NormalizedStatus } from '../../src-shared/domain/normalized.js';
import type { PaymentHeadline, TimelineEntry, TimelineFlag } from '../../src-shared/contract/timeline.js';
import { type PlacedStep, setsStatus } from './delivery-step.js';
import { amountStory, amountText } from './amount-change.js';
import { isOpen, rankOf } from './lifecycle.js';
import { stepKey } from './annotate.js';
import { providerCatalogue } from '../../src-shared/providers/catalogue.js';
import type { DeliveryProvider } from '../../src-shared/domain/provider.js';

/** A payment that is not final and hears nothing from its provider for this long is worth a look. */
export const SILENCE_MS = 60 * 60_000;

const words = (status: NormalizedStatus) => status.replace('_', ' ');
/** "Paychant"; "the provider" when the step names none (or an unknown one). */
const nameOf = (provider: DeliveryProvider | null) => (provider && provider !== 'unknown' ? providerCatalogue[provider].displayName : 'the provider');
const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** "45 min", "2 h", "3 days": a rough length, rounded down. */
export function durationText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

const TONE: Partial<Record<NormalizedStatus, PaymentHeadline['tone']>> = {
  completed: 'good',
  overpaid: 'good',
  failed: 'bad',
  expired: 'bad',
  underpaid: 'bad',
  cancelled: 'bad',
};

/** Why an event does not count, as a clause ("the signature of PAYMENT_COMPLETED did not verify"). */
function whyUnverified(placed: PlacedStep): string {
  const { title } = placed.step;
  const provider = nameOf(placed.step.provider);
  switch (placed.verification) {
    case 'invalid':
      return `the signature of ${title} did not verify`;
    case 'unsigned':
      return `${title} carried no signature`;
    case 'no-secret':
      return `no webhook secret is set for ${provider}, so ${title} could not be checked`;
    case null:
      return `the signature of ${title} has not been checked yet`;
    default:
      return `the signature of ${title} could not be checked`;
  }
}

function unverifiedAction(placed: PlacedStep): string {
  const { title } = placed.step;
  const provider = nameOf(placed.step.provider);
  switch (placed.verification) {
    case 'invalid':
      return `Open ${title} and read its signature check: if the secret under Settings is wrong, fix it (deliveries are verified again); otherwise treat the event as forged and do not credit it.`;
    case 'unsigned':
      return `Do not credit it on this event alone: check that ${provider} signs webhooks for this endpoint and that no proxy strips the signature header.`;
    case 'no-secret':
      return `Add ${provider}'s webhook secret under Settings: stored deliveries are then verified again.`;
    default:
      return `Open ${title} and read its signature check, then use Verify again.`;
  }
}

interface Standing {
  state: NormalizedStatus | null;
  since: TimelineEntry | null;
}

/** The verified status at the end and the step where it began. */
function standing(entries: readonly TimelineEntry[]): Standing {
  const state = entries.at(-1)?.statusAfter ?? null;
  if (state === null) return { state, since: null };
  let since: TimelineEntry | null = null;
  for (const entry of entries) {
    if (entry.statusAfter !== state) since = null;
    else since ??= entry;
  }
  return { state, since };
}

/** The latest unverified provider event reporting a status beyond the verified one. */
function claimBeyond(sorted: readonly PlacedStep[], state: NormalizedStatus | null, after: number): PlacedStep | null {
  const stateRank = rankOf(state);
  for (let i = sorted.length - 1; i > after; i--) {
    const placed = sorted[i]!;
    const { status } = placed.step;
    if (placed.step.kind !== 'delivery' || placed.duplicateOf || setsStatus(placed)) continue;
    const rank = rankOf(status);
    if (status === null || rank === undefined || status === state) continue;
    if (stateRank === undefined || rank >= stateRank) return placed;
  }
  return null;
}

/**
 * Where the payment stands, in one line, from the placed and annotated steps: the verified
 * status, what an unverified event claims beyond it, the amount, silence while the payment is
 * open (also returned as a flag on the last step), and what to do.
 */
export function paymentHeadline(
  sorted: readonly PlacedStep[],
  entries: readonly TimelineEntry[],
  now: Date,
): { headline: PaymentHeadline | null; flags: TimelineFlag[] } {
  const last = entries.at(-1);
  if (!last) return { headline: null, flags: [] };
  const { state, since } = standing(entries);
  const sinceIndex = since ? entries.indexOf(since) : -1;
  const claim = claimBeyond(sorted, state, sinceIndex);
  const amount = amountStory(sorted);
  const provider = nameOf(sorted.find((p) => p.step.provider)?.step.provider ?? null);

  // Silence: since the last verified provider event, or, before any, the session created by hand.
  const verified = sorted.filter(setsStatus);
  const anchor = verified.at(-1) ?? sorted.filter((p) => p.step.kind === 'session' && p.step.outcome === 'ok').at(-1) ?? null;
  const quietMs = anchor ? Math.max(0, now.getTime() - Date.parse(anchor.step.at)) : 0;
  const silent = claim === null && anchor !== null && isOpen(state) && quietMs >= SILENCE_MS;
  const anchorName = anchor?.step.kind === 'session' ? 'the session was created by hand' : (anchor?.step.title ?? '');
  const silence = `no event from ${provider} for ${durationText(quietMs)} since ${anchorName}`;
  const flags: TimelineFlag[] = silent ? [{ kind: 'silent', stepKey: last.key, message: `${capital(silence)}: the payment may be stuck.` }] : [];

  let summary: string;
  let tone: PaymentHeadline['tone'];
  const actions: string[] = [];
  if (claim) {
    const backend = state ? `still shows ${words(state)}` : 'has no status for it yet';
    summary = `${capital(words(claim.step.status!))}, unverified: ${whyUnverified(claim)}, so the backend probably ${backend}.`;
    tone = 'warning';
    actions.push(unverifiedAction(claim));
  } else if (state) {
    summary = `${capital(words(state))}, verified${silent ? `: ${silence}.` : '.'}`;
    tone = silent ? 'warning' : (TONE[state] ?? 'neutral');
  } else {
    summary = silent ? `No verified status: ${silence}.` : 'No verified status from the provider yet.';
    tone = silent ? 'warning' : 'neutral';
    const unverified = sorted.filter((p) => p.step.kind === 'delivery' && !setsStatus(p) && p.verification !== null).at(-1);
    if (unverified) actions.push(unverifiedAction(unverified));
  }
  if (silent) {
    const sessions = sorted.some((p) => p.step.kind === 'session');
    actions.push(
      `Ask ${provider} for the payment's status${sessions ? ' (or refresh the session under Sessions)' : ''}: the event that settles it may never have been sent, or its webhook was lost.`,
    );
  }
  if (amount?.changedFrom) {
    actions.push(`The amount changed from ${amountText(amount.changedFrom)} to ${amountText(amount)} between events: check which one the backend credited.`);
    if (tone === 'good' || tone === 'neutral') tone = 'warning';
  }

  const headline: PaymentHeadline = {
    state,
    since: since?.at ?? null,
    stepKey: since?.key ?? null,
    claimed: claim ? { status: claim.step.status!, stepKey: stepKey(claim.step), at: claim.step.at, verification: claim.verification } : null,
    verified: claim === null,
    amount,
    silentForMs: silent ? quietMs : null,
    tone,
    summary,
    actions,
  };
  return { headline, flags };
}
