import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src-main/store/types.js';
import type { ReplayAttemptRecord } from '../../src-main/store/replay-types.js';
import { rightNow } from '../../src-main/dashboard/right-now.js';
import { dashboardFor } from '../../src-main/timeline/dashboard.js';
import { seedDeliveries } from '../timeline/seed.js';
import { openTestStore, storeBackends } from '../helpers/store-backends.js';

let store: Store;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const now = new Date(Date.UTC(2026, 10, 5, 12, 30));
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
const ref = (value: string) => [{ kind: 'reference' as const, value }];

function attempt(id: string, provider: 'paychant' | 'calypso', outcome: 'ok' | 'failed', startedAt: string): ReplayAttemptRecord {
  return {
    id,
    deliveryId: `dlv_${id}`,
    provider,
    target: { id: 'rpt_1', name: 'staging', url: 'http://127.0.0.1:1/h' },
    targetId: 'rpt_1',
    jobId: null,
    sentHeaders: [],
    sentBody: null,
    bodyEdited: false,
    headersEdited: false,
    sentBodySha256: '0'.repeat(64),
    resigned: false,
    startedAt,
    finishedAt: startedAt,
    durationMs: 1,
    outcome,
    response: null,
    error: outcome === 'failed' ? 'refused' : null,
  };
}

describe.each(storeBackends)('on $name', (backend) => {
  beforeEach(async () => {
    store = await openTestStore(backend, cleanups);
  });

  describe('the dashboard’s "right now" strip', () => {
    it('says per provider when it last sent, what failed lately and which payments look stuck', async () => {
      await seedDeliveries(store, [
        // Paychant: a payment completed, one waiting for 3 hours, one waiting only 20 minutes, a forged event just now.
        { id: 'p1', provider: 'paychant', receivedAt: minutesAgo(300), status: 'pending', keys: ref('DONE-1') },
        { id: 'p2', provider: 'paychant', receivedAt: minutesAgo(200), status: 'completed', keys: ref('DONE-1') },
        { id: 'p3', provider: 'paychant', receivedAt: minutesAgo(180), status: 'pending', keys: ref('STUCK-1') },
        { id: 'p6', provider: 'paychant', receivedAt: minutesAgo(90), verification: 'invalid' },
        { id: 'p4', provider: 'paychant', receivedAt: minutesAgo(20), status: 'confirming', keys: ref('FRESH-1') },
        { id: 'p5', provider: 'paychant', receivedAt: minutesAgo(5), status: 'completed', verification: 'invalid', keys: ref('FORGED-1') },
        // Calypso: on compliance hold for four hours; an info event after it changes nothing; one abandoned three days ago.
        { id: 'c3', provider: 'calypso', receivedAt: minutesAgo(3 * 24 * 60), status: 'pending', keys: ref('OLD-1') },
        { id: 'c1', provider: 'calypso', receivedAt: minutesAgo(240), status: 'compliance_hold', keys: ref('HOLD-1') },
        { id: 'c2', provider: 'calypso', receivedAt: minutesAgo(100), status: 'info', keys: ref('HOLD-1') },
      ]);
      await store.replay.insertAttempt(attempt('a1', 'paychant', 'failed', minutesAgo(30)));
      await store.replay.insertAttempt(attempt('a2', 'paychant', 'ok', minutesAgo(30)));
      await store.replay.insertAttempt(attempt('a3', 'paychant', 'failed', minutesAgo(26 * 60)));
      await store.replay.insertAttempt(attempt('a4', 'calypso', 'failed', minutesAgo(60)));

      const strip = await rightNow({ deliveries: store.deliveries, stats: store.stats, replays: store.replay }, now);
      expect(strip.failuresSince).toBe(minutesAgo(60));
      expect(strip.stuckAfterMs).toBe(3_600_000);
      const byProvider = Object.fromEntries(strip.providers.map((p) => [p.provider, p]));
      expect(Object.keys(byProvider)).toEqual(['instaxchange', 'instap', 'openxswitch', 'calypso', 'paychant']);
      expect(byProvider.paychant).toEqual({
        provider: 'paychant',
        lastDeliveryAt: minutesAgo(5),
        failedSignatures: 1,
        failedReplays: 1,
        failedRelays: null,
        stuck: { count: 1, oldest: [{ reference: 'STUCK-1', status: 'pending', lastEventAt: minutesAgo(180) }] },
      });
      expect(byProvider.calypso).toMatchObject({
        lastDeliveryAt: minutesAgo(100),
        failedSignatures: 0,
        failedReplays: 1,
        stuck: { count: 1, oldest: [{ reference: 'HOLD-1', status: 'compliance_hold' }] },
      });
      expect(byProvider.instap).toMatchObject({ lastDeliveryAt: null, failedSignatures: 0, failedReplays: 0, stuck: { count: 0, oldest: [] } });
    });

    it('leaves a seam for relay: its failed attempts join per provider when given', async () => {
      const strip = await rightNow(
        { deliveries: store.deliveries, stats: store.stats, replays: store.replay, relayFailures: async () => ({ calypso: 4 }) },
        now,
      );
      expect(strip.providers.find((p) => p.provider === 'calypso')!.failedRelays).toBe(4);
      expect(strip.providers.find((p) => p.provider === 'paychant')!.failedRelays).toBe(0);
    });

    it('counts the last hour by the minute, for a burst or an outage to show', async () => {
      await seedDeliveries(store, [
        { id: 'm4', receivedAt: minutesAgo(61), status: 'pending' },
        { id: 'm3', receivedAt: minutesAgo(59), status: 'pending' },
        { id: 'm2', receivedAt: minutesAgo(0.5), status: 'completed' },
        { id: 'm1', receivedAt: minutesAgo(0), status: 'completed' },
      ]);
      const hour = await dashboardFor(store.stats, '1h', now);
      expect(hour.buckets).toHaveLength(60);
      expect(hour.bucketSeconds).toBe(60);
      expect(hour.buckets.at(-1)).toMatchObject({ start: '2026-11-05T12:30:00.000Z', total: 1 });
      expect(hour.buckets.at(-2)).toMatchObject({ start: '2026-11-05T12:29:00.000Z', total: 1 });
      expect(hour.buckets[0]).toMatchObject({ start: '2026-11-05T11:31:00.000Z', total: 1 });
      expect(hour.totals.deliveries).toBe(3);
    });
  });
});
