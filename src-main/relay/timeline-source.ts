/**
 * Relays on payment timelines: the hops of each relayed delivery. Provider → Gatewatch (what the
 * provider was answered and when it will retry, linked to the retry once it came) → backend
 * (each try: status, duration, error).
 */
import type { TimelineStep } from '../../src-shared/domain/timeline.js';
import type { RelayAttempt } from '../../src-shared/contract/relay.js';
import { isProviderId, type DeliveryProvider } from '../../src-shared/domain/provider.js';
import { providerRetryOf, providerRetryWords } from '../../src-shared/relay/provider-retry.js';
import { providerCatalogue } from '../../src-shared/providers/catalogue.js';
import type { TimelineDeliveryFacts, TimelineSource } from '../services/timeline-source.js';
import type { RelayJobRecord, RelayStore } from '../store/relay-types.js';
import { providerAnswerOf } from './provider-retries.js';

/** Times in timeline details: UTC, to the second (the page shows step times in the reader's zone). */
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

const answerWords = (status: number | null) => (status === null ? 'no answer' : `HTTP ${status}`);

function attemptTitle(a: RelayAttempt, job: RelayJobRecord): string {
  const result = a.response ? `HTTP ${a.response.status} in ${a.durationMs} ms` : `failed after ${a.durationMs} ms`;
  if (a.mode === 'passthrough') return `Passed to the backend: ${result}`;
  const of = job.maxAttempts > 1 ? ` (try ${a.number} of ${job.maxAttempts})` : '';
  return `Relayed to the backend${of}: ${result}`;
}

/** Where a delivery sits among the tries of its event: its number and the try after it, from the timeline's own deliveries. */
function triesOf(deliveries: readonly TimelineDeliveryFacts[]): Map<string, { number: number; next: TimelineDeliveryFacts | null }> {
  const chains = new Map<string, TimelineDeliveryFacts[]>();
  for (const d of deliveries) {
    const root = d.duplicateOf ?? d.id;
    chains.set(root, [...(chains.get(root) ?? []), d]);
  }
  const out = new Map<string, { number: number; next: TimelineDeliveryFacts | null }>();
  for (const chain of chains.values()) {
    chain.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    for (const [i, d] of chain.entries()) out.set(d.id, { number: i + 1, next: chain[i + 1] ?? null });
  }
  return out;
}

export function createRelayTimelineSource(store: RelayStore, now: () => Date = () => new Date()): TimelineSource {
  return {
    async stepsFor({ deliveryIds, deliveries = [] }) {
      if (deliveryIds.length === 0) return [];
      const jobs = await store.jobsForDeliveries(deliveryIds);
      if (jobs.length === 0) return [];
      const attempts = await store.attemptsForDeliveries(jobs.map((j) => j.deliveryId));
      const tries = triesOf(deliveries);
      const facts = new Map(deliveries.map((d) => [d.id, d]));
      const steps: TimelineStep[] = [];
      for (const job of jobs) {
        const delivery = facts.get(job.deliveryId);
        const provider = (delivery?.provider ?? null) as DeliveryProvider | null;
        const retry = retryLine(job, delivery, tries.get(job.deliveryId), now());
        const own = attempts.filter((a) => a.deliveryId === job.deliveryId);
        for (const a of own) {
          const last = a === own[own.length - 1];
          const detail = [
            a.url,
            a.error,
            a.mode === 'passthrough' ? `answered the provider ${answerWords(job.answeredStatus)}` : null,
            last && job.state === 'pending' ? `next try around ${utc(job.runAt)}` : null,
            last && job.state === 'failed' && a.mode === 'queue' ? 'dead letter: no tries left (retry it by hand from the delivery)' : null,
            a.mode === 'passthrough' ? retry : null,
          ];
          steps.push(step(job, a.id, a.startedAt, attemptTitle(a, job), a.outcome === 'ok' ? 'ok' : 'failed', detail, provider));
        }
        if (job.mode === 'simulate') {
          const title = job.answeredStatus === null ? 'Simulated: no answer (a time-out)' : `Simulated answer: HTTP ${job.answeredStatus}`;
          const ok = job.answeredStatus !== null && job.answeredStatus >= 200 && job.answeredStatus < 300;
          steps.push(step(job, `sim:${job.id}`, job.createdAt, title, ok ? 'ok' : 'failed', ['nothing was forwarded', retry], provider));
        } else if (own.length === 0 && job.state === 'failed') {
          steps.push(step(job, `job:${job.id}`, job.finishedAt ?? job.createdAt, 'Not relayed', 'failed', [job.lastError, retry], provider));
        } else if (own.length === 0 && job.state === 'pending') {
          steps.push(step(job, `job:${job.id}`, job.createdAt, 'Queued for the backend', 'info', [`first try around ${utc(job.runAt)}`], provider));
        }
      }
      return steps;
    },
  };
}

function retryLine(
  job: RelayJobRecord,
  delivery: TimelineDeliveryFacts | undefined,
  place: { number: number; next: TimelineDeliveryFacts | null } | undefined,
  now: Date,
): string | null {
  if (!delivery || !isProviderId(delivery.provider)) return null;
  const answered = providerAnswerOf(job, null);
  if (answered === 'pending') return null;
  const retry = providerRetryOf({
    provider: delivery.provider,
    thisTry: { number: place?.number ?? 1, at: delivery.receivedAt, answeredStatus: answered.status },
    nextTry: place?.next ? { deliveryId: place.next.id, at: place.next.receivedAt } : null,
    now,
  });
  if (retry === null) return null;
  const words = providerRetryWords(retry, utc, providerCatalogue[delivery.provider].displayName);
  return retry.retryDeliveryId ? `${words} The retry is ${retry.retryDeliveryId}.` : words;
}

function step(
  job: RelayJobRecord,
  id: string,
  at: string,
  title: string,
  outcome: TimelineStep['outcome'],
  detail: Array<string | null>,
  provider: DeliveryProvider | null,
): TimelineStep {
  const text = detail.filter((part): part is string => part !== null && part !== '').join(' · ');
  return { kind: 'relay', id, at, title, provider, status: null, outcome, detail: text || null, amount: null, deliveryId: job.deliveryId, sessionId: null };
}
