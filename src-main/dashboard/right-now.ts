/**
 * The dashboard's "right now" strip: per provider, how long since its last delivery, what failed
 * lately (signatures, replays, and relay attempts once relay exists), and which payments look
 * stuck (their last event left them open, and nothing came for a while).
 */
import type { DashboardNow, ProviderNow, StuckPayment } from '../../src-shared/contract/dashboard-now.js';
import { NormalizedStatus } from '../../src-shared/domain/normalized.js';
import { providerIds, type ProviderId } from '../../src-shared/domain/provider.js';
import type { ReplayStore } from '../store/replay-types.js';
import type { StatsStore } from '../store/timeline-types.js';
import type { DeliveryStore } from '../store/types.js';
import { isOpen } from '../timeline/lifecycle.js';
import { SILENCE_MS } from '../timeline/headline.js';

const HOUR = 3_600_000;
/** Failed signatures are counted over the last hour… */
const FAILURES_WINDOW_MS = HOUR;
/** …failed replays (and relay attempts) over the last day… */
const REPLAYS_WINDOW_MS = 24 * HOUR;
/** …and a payment is looked at for being stuck when its last event is at most two days old. */
const STUCK_WINDOW_MS = 48 * HOUR;
/** The replay attempts read for the count (newest first): far more than a day's worth by hand. */
const REPLAY_ATTEMPTS_READ = 500;
const STUCK_SHOWN = 3;

export interface RightNowDeps {
  deliveries: Pick<DeliveryStore, 'list'>;
  stats: Pick<StatsStore, 'deliveryCounts' | 'latestPaymentStatuses'>;
  replays: Pick<ReplayStore, 'listAttempts'>;
  /** Relay (forwarding to the merchant's backend) adds its failed attempts per provider here; absent until it exists. */
  relayFailures?(since: string): Promise<Partial<Record<ProviderId, number>>>;
}

const count = <K extends string>(record: Partial<Record<K, number>>, key: K, n = 1) => {
  record[key] = (record[key] ?? 0) + n;
};

export async function rightNow(deps: RightNowDeps, now = new Date()): Promise<DashboardNow> {
  const at = now.getTime();
  const failuresSince = new Date(at - FAILURES_WINDOW_MS).toISOString();
  const replaysSince = new Date(at - REPLAYS_WINDOW_MS).toISOString();
  const stuckWindowSince = new Date(at - STUCK_WINDOW_MS).toISOString();
  const quietSince = at - SILENCE_MS;

  const [latest, counts, attempts, payments, relay] = await Promise.all([
    Promise.all(providerIds.map((provider) => deps.deliveries.list({ provider, limit: 1 }).then((page) => page.items[0]?.receivedAt ?? null))),
    deps.stats.deliveryCounts({ since: failuresSince, unit: 'hour' }),
    deps.replays.listAttempts({ limit: REPLAY_ATTEMPTS_READ }),
    deps.stats.latestPaymentStatuses({ since: stuckWindowSince }),
    deps.relayFailures ? deps.relayFailures(replaysSince) : Promise.resolve(null),
  ]);

  const failedSignatures: Partial<Record<string, number>> = {};
  for (const row of counts) if (row.verification === 'invalid') count(failedSignatures, row.provider, row.count);
  const failedReplays: Partial<Record<string, number>> = {};
  for (const attempt of attempts) if (attempt.outcome === 'failed' && attempt.startedAt >= replaysSince) count(failedReplays, attempt.provider);
  const stuck = new Map<string, StuckPayment[]>();
  for (const row of payments) {
    const status = NormalizedStatus.safeParse(row.status);
    if (!status.success || !isOpen(status.data) || Date.parse(row.receivedAt) > quietSince) continue;
    stuck.set(row.provider, [...(stuck.get(row.provider) ?? []), { reference: row.reference, status: status.data, lastEventAt: row.receivedAt }]);
  }

  const providers: ProviderNow[] = providerIds.map((provider, i) => {
    const waiting = (stuck.get(provider) ?? []).sort((a, b) => a.lastEventAt.localeCompare(b.lastEventAt));
    return {
      provider,
      lastDeliveryAt: latest[i] ?? null,
      failedSignatures: failedSignatures[provider] ?? 0,
      failedReplays: failedReplays[provider] ?? 0,
      failedRelays: relay === null ? null : (relay[provider] ?? 0),
      stuck: { count: waiting.length, oldest: waiting.slice(0, STUCK_SHOWN) },
    };
  });
  return { at: now.toISOString(), failuresSince, replaysSince, stuckAfterMs: SILENCE_MS, stuckWindowSince, providers };
}
