import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src-main/store/types.js';
import { buildTimeline, MAX_TIMELINE_DELIVERIES } from '../../src-main/timeline/timeline-service.js';
import { dashboardFor } from '../../src-main/timeline/dashboard.js';
import type { TimelineSource } from '../../src-main/services/timeline-source.js';
import { seedDeliveries } from './seed.js';
import { openTestStore, storeBackends } from '../helpers/store-backends.js';

let store: Store;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const at = (minute: number) => new Date(Date.UTC(2026, 10, 5, 12, minute)).toISOString();

describe.each(storeBackends)('on $name', (backend) => {
  beforeEach(async () => {
    store = await openTestStore(backend, cleanups);
  });

  describe('buildTimeline', () => {
    it('finds deliveries by any key, follows their own keys once, and merges contributed steps in time order', async () => {
      await seedDeliveries(store, [
        { id: 'dlv_a', receivedAt: at(2), status: 'pending', eventType: 'AWAITING_PAYMENT', keys: [{ kind: 'pid', value: 'P-1' }] },
        {
          id: 'dlv_b',
          receivedAt: at(9),
          status: 'completed',
          eventType: 'PAYMENT_COMPLETED',
          keys: [
            { kind: 'pid', value: 'P-1' },
            { kind: 'transactionRef', value: 'TX-9' },
          ],
        },
        // Linked to the payment only through TX-9: found by expanding dlv_b's keys.
        { id: 'dlv_c', receivedAt: at(20), status: 'refunded', eventType: 'REFUND', keys: [{ kind: 'transactionRef', value: 'TX-9' }] },
        // Shares only the wallet (an account key): must not be pulled in.
        {
          id: 'dlv_other',
          receivedAt: at(5),
          status: 'completed',
          keys: [
            { kind: 'walletId', value: 'W-1' },
            { kind: 'pid', value: 'P-2' },
          ],
        },
        {
          id: 'dlv_wallet',
          receivedAt: at(6),
          status: 'completed',
          keys: [
            { kind: 'walletId', value: 'W-1' },
            { kind: 'pid', value: 'P-1' },
          ],
        },
      ]);
      const asked: Array<{ keys: readonly string[]; deliveryIds: readonly string[] }> = [];
      const source: TimelineSource = {
        async stepsFor(query) {
          asked.push(query);
          return [
            {
              kind: 'session',
              id: 'ses_1',
              at: at(0),
              title: 'Session created',
              provider: 'paychant',
              status: 'created',
              outcome: 'ok',
              detail: null,
              amount: null,
              deliveryId: null,
              sessionId: 'ses_1',
            },
          ];
        },
      };
      const timeline = await buildTimeline({ store: store.timeline, sources: [source] }, 'P-1');
      expect(timeline.steps.map((s) => s.id)).toEqual(['ses_1', 'dlv_a', 'dlv_wallet', 'dlv_b', 'dlv_c']);
      // The session is our own call: it never sets the payment's status; the provider's verified events do.
      expect(timeline.steps.map((s) => s.statusAfter)).toEqual([null, 'pending', 'completed', 'completed', 'refunded']);
      expect(timeline.steps[1]!.gapMs).toBe(120_000);
      expect(timeline.keys).toContainEqual({ kind: 'transactionRef', value: 'TX-9' });
      expect(asked[0]!.keys).toEqual(expect.arrayContaining(['P-1', 'TX-9', 'W-1']));
      expect([...asked[0]!.deliveryIds].sort()).toEqual(['dlv_a', 'dlv_b', 'dlv_c', 'dlv_wallet']);
      expect(timeline.truncated).toBe(false);
      expect(timeline.warnings).toEqual([]);
    });

    it('starts from a delivery id, flags a duplicate and a failed signature, and survives a failing source', async () => {
      await seedDeliveries(store, [
        { id: 'dlv_1', receivedAt: at(1), status: 'completed', eventId: 'ev-1', keys: [{ kind: 'pid', value: 'P-7' }] },
        { id: 'dlv_2', receivedAt: at(4), status: 'completed', eventId: 'ev-1', keys: [{ kind: 'pid', value: 'P-7' }] },
        {
          id: 'dlv_3',
          receivedAt: at(6),
          status: 'completed',
          eventId: 'ev-3',
          verification: 'invalid',
          diagnosis: 'wrong secret',
          keys: [{ kind: 'pid', value: 'P-7' }],
        },
      ]);
      const broken: TimelineSource = { stepsFor: async () => Promise.reject(new Error('sessions table locked')) };
      const timeline = await buildTimeline({ store: store.timeline, sources: [broken] }, 'dlv_1');
      expect(timeline.steps.map((s) => s.id)).toEqual(['dlv_1', 'dlv_2', 'dlv_3']);
      expect(timeline.flags.map((f) => [f.kind, f.stepKey])).toEqual([
        ['duplicate', 'delivery:dlv_2'],
        ['failed_signature', 'delivery:dlv_3'],
      ]);
      expect(timeline.steps[2]!.outcome).toBe('failed');
      expect(timeline.steps[2]!.detail).toContain('wrong secret');
      expect(timeline.warnings).toEqual(['Some sessions or replays could not be read: sessions table locked']);
    });

    // Seeds a few hundred derived deliveries: seconds on PostgreSQL when the machine is busy.
    it('returns an empty timeline for an unknown key, and says when a key is too broad', { timeout: 30_000 }, async () => {
      expect((await buildTimeline({ store: store.timeline, sources: [] }, 'nothing')).steps).toEqual([]);
      const many = Array.from({ length: MAX_TIMELINE_DELIVERIES + 3 }, (_, i) => ({
        id: `dlv_${i}`,
        receivedAt: new Date(Date.UTC(2026, 10, 5) + i * 1000).toISOString(),
        status: 'pending' as const,
        keys: [{ kind: 'pid', value: 'BROAD' }],
      }));
      await seedDeliveries(store, many);
      const timeline = await buildTimeline({ store: store.timeline, sources: [] }, 'BROAD');
      expect(timeline.truncated).toBe(true);
      expect(timeline.steps).toHaveLength(MAX_TIMELINE_DELIVERIES);
      // The newest are kept.
      expect(timeline.steps.at(-1)!.id).toBe(`dlv_${MAX_TIMELINE_DELIVERIES + 2}`);
    });
  });

  describe('dashboardFor', () => {
    it('counts per provider and status in even UTC buckets, and the verification failure rate', async () => {
      const now = new Date(Date.UTC(2026, 10, 5, 12, 30));
      const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
      await seedDeliveries(store, [
        { id: 'a', receivedAt: hoursAgo(0), provider: 'paychant', status: 'completed', verification: 'valid' },
        { id: 'b', receivedAt: hoursAgo(0.1), provider: 'calypso', status: 'pending', verification: 'invalid' },
        { id: 'c', receivedAt: hoursAgo(5), provider: 'paychant', status: 'failed', verification: 'valid' },
        { id: 'd', receivedAt: hoursAgo(5), provider: 'paychant', verification: 'unsigned' },
        { id: 'old', receivedAt: hoursAgo(30), provider: 'paychant', status: 'completed', verification: 'invalid' },
      ]);
      const day = await dashboardFor(store.stats, '24h', now);
      expect(day.buckets).toHaveLength(96);
      expect(day.bucketSeconds).toBe(900);
      expect(day.buckets.at(-1)).toMatchObject({ start: '2026-11-05T12:30:00.000Z', total: 1, byProvider: { paychant: 1 } });
      expect(day.buckets.at(-2)).toMatchObject({ start: '2026-11-05T12:15:00.000Z', total: 1, byProvider: { calypso: 1 } });
      expect(day.buckets.at(-21)).toMatchObject({ start: '2026-11-05T07:30:00.000Z', total: 2, byStatus: { failed: 1, none: 1 } });
      expect(day.totals).toEqual({ deliveries: 4, byProvider: { paychant: 3, calypso: 1 }, byStatus: { completed: 1, pending: 1, failed: 1, none: 1 } });
      expect(day.verification.failureRate).toBeCloseTo(1 / 3);
      const month = await dashboardFor(store.stats, '30d', now);
      expect(month.buckets).toHaveLength(120);
      expect(month.bucketSeconds).toBe(6 * 3600);
      expect(month.totals.deliveries).toBe(5);
      expect(month.buckets.at(-6)).toMatchObject({ start: '2026-11-04T06:00:00.000Z', total: 1 });
    });

    it('has no failure rate when nothing signed was checked', async () => {
      expect((await dashboardFor(store.stats, '7d')).verification.failureRate).toBeNull();
    });
  });
});
