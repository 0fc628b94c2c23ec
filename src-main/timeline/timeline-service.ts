import { TimelineStep } from '../../src-shared/domain/timeline.js';
import type { CorrelationKey } from '../../src-shared/domain/normalized.js';
import type { TimelineGetOutput } from '../../src-shared/contract/timeline.js';
import type { TimelineStore, TimelineDeliveryRecord } from '../store/timeline-types.js';
import type { TimelineSource } from '../services/timeline-source.js';
import { contributedStep, deliveryStep, type PlacedStep } from './delivery-step.js';
import { annotate, sortSteps } from './annotate.js';
import { paymentHeadline } from './headline.js';

/** One timeline shows at most this many deliveries; more means the key is too broad. */
export const MAX_TIMELINE_DELIVERIES = 500;
/** How many of the found deliveries' own keys are followed (once). */
export const MAX_EXPANSION_KEYS = 100;

/**
 * Keys that name an account, not a payment: following them would pull in every payment of
 * that wallet or user. They still find a timeline when asked for directly.
 */
const ACCOUNT_KINDS: ReadonlySet<string> = new Set(['walletId', 'userId', 'customerId', 'accountRefId', 'purseId', 'address']);

export interface TimelineDeps {
  store: TimelineStore;
  sources: readonly TimelineSource[];
  /** The clock silence is measured against (tests pin it). */
  now?: () => Date;
}

/** Every delivery, session, status check and replay linked to a correlation value, in time order. */
export async function buildTimeline(deps: TimelineDeps, key: string): Promise<TimelineGetOutput> {
  const { records, truncated } = await linkedDeliveries(deps.store, key);
  const keys = distinctKeys(records);
  const values = [...new Set([key, ...keys.map((k) => k.value)])];
  const placed: PlacedStep[] = records.map(deliveryStep);
  const warnings: string[] = [];
  for (const source of deps.sources) {
    try {
      const steps = await source.stepsFor({ keys: values, deliveryIds: records.map((r) => r.id), deliveries: records });
      for (const step of steps) {
        const parsed = TimelineStep.safeParse(step);
        if (parsed.success) placed.push(contributedStep(parsed.data));
        else warnings.push(`A ${String((step as { kind?: unknown }).kind ?? 'contributed')} step was malformed and left out.`);
      }
    } catch (error) {
      warnings.push(`Some sessions or replays could not be read: ${(error as Error).message}`);
    }
  }
  const sorted = sortSteps(placed);
  const { steps, flags } = annotate(sorted);
  const { headline, flags: silence } = paymentHeadline(sorted, steps, deps.now?.() ?? new Date());
  for (const flag of silence) steps.find((s) => s.key === flag.stepKey)?.flags.push(flag.kind);
  return { key, keys, headline, steps, flags: [...flags, ...silence], truncated, warnings };
}

async function linkedDeliveries(store: TimelineStore, key: string): Promise<{ records: TimelineDeliveryRecord[]; truncated: boolean }> {
  const limit = MAX_TIMELINE_DELIVERIES;
  const direct = await store.deliverySeqsByValues([key], limit);
  // A delivery id is a fine starting point too: its own keys lead to the payment.
  const own = await store.seqOfDelivery(key);
  const seqs = new Set([...direct.slice(0, limit), ...(own === null ? [] : [own])]);
  let truncated = direct.length > limit;
  const found = await store.deliveriesBySeqs([...seqs]);

  const asked = new Set([key]);
  const follow = [
    ...new Set(
      found
        .flatMap((r) => r.keys)
        .filter((k) => !ACCOUNT_KINDS.has(k.kind) && !asked.has(k.value))
        .map((k) => k.value),
    ),
  ];
  if (follow.length > MAX_EXPANSION_KEYS) truncated = true;
  if (follow.length === 0) return { records: found, truncated };

  const more = await store.deliverySeqsByValues(follow.slice(0, MAX_EXPANSION_KEYS), limit);
  if (more.length > limit) truncated = true;
  const extra = more.filter((seq) => !seqs.has(seq)).slice(0, Math.max(0, limit - seqs.size));
  if (seqs.size + more.filter((seq) => !seqs.has(seq)).length > limit) truncated = true;
  const records = extra.length === 0 ? found : [...found, ...(await store.deliveriesBySeqs(extra))].sort((a, b) => a.seq - b.seq);
  return { records, truncated };
}

function distinctKeys(records: readonly TimelineDeliveryRecord[]): CorrelationKey[] {
  const seen = new Map<string, CorrelationKey>();
  for (const key of records.flatMap((r) => r.keys)) seen.set(`${key.kind}\u0000${key.value}`, key);
  return [...seen.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.value.localeCompare(b.value));
}
