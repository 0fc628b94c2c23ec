/** The relay tables (on every store backend): a job commits with its delivery or not at all; claims, locks, cascade. */
import { afterEach, describe, expect, it } from 'vitest';
import { paychantDelivery } from '../helpers/store.js';
import { openTestStore, storeBackends, type StoreBackend } from '../helpers/store-backends.js';
import type { NewDelivery, Store } from '../../src-main/store/types.js';
import type { RelayRouteRecord } from '../../src-main/store/relay-types.js';
import { newId } from '../../src-main/store/ids.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const route = (): RelayRouteRecord => ({
  id: newId('rlr'),
  provider: 'paychant',
  label: null,
  url: 'http://127.0.0.1:9/hooks',
  mode: 'queue',
  timeoutMs: 1000,
  concurrency: 2,
  schedule: { kind: 'default' },
  simulate: null,
  pausedAt: null,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
});

function queued(routeId: string, runAt = new Date().toISOString()): NewDelivery {
  const d = paychantDelivery(`{"event":"PAYMENT_COMPLETED","data":{"pid":"${newId('p')}"}}`);
  d.relay = { jobId: newId('rjb'), routeId, mode: 'queue', state: 'pending', runAt, maxAttempts: 3, answered: { status: 200 } };
  return d;
}

async function setup(backend: StoreBackend): Promise<{ store: Store; routeId: string }> {
  const store = await openTestStore(backend, cleanups);
  const r = route();
  await store.relay.putRoute(r);
  return { store, routeId: r.id };
}

describe.each(storeBackends)('relay store on $name', (backend) => {
  it('commits a job in the delivery insert, and neither when the batch fails', async () => {
    const { store, routeId } = await setup(backend);
    const ok = queued(routeId);
    await store.deliveries.insertBatch([ok]);
    expect((await store.relay.jobsForDeliveries([ok.id]))[0]).toMatchObject({ deliveryId: ok.id, state: 'pending', answeredStatus: 200 });
    // A batch with a row the store refuses (the same id twice) rolls back whole: no job without its delivery.
    const a = queued(routeId);
    const b = { ...queued(routeId), id: ok.id };
    await expect(store.deliveries.insertBatch([a, b])).rejects.toThrow();
    expect(await store.deliveries.get(a.id)).toBeNull();
    expect(await store.relay.jobsForDeliveries([a.id])).toEqual([]);
  });

  it("claims due jobs oldest first up to the limit, locks them, and releases a dead worker's locks", async () => {
    const { store, routeId } = await setup(backend);
    const later = new Date(Date.now() + 60_000).toISOString();
    const batch = [
      queued(routeId, '2026-01-01T00:00:01.000Z'),
      queued(routeId, '2026-01-01T00:00:00.000Z'),
      queued(routeId, '2026-01-01T00:00:02.000Z'),
      queued(routeId, later),
    ];
    await store.deliveries.insertBatch(batch);
    const now = new Date().toISOString();
    const claimed = await store.relay.claimDue(routeId, now, 2, 'worker-a');
    expect(claimed.map((j) => j.deliveryId)).toEqual([batch[1]!.id, batch[0]!.id]);
    // A store shared by instances names the instance holding a claim: whether it lives is read from the instances table.
    const holder = store.coordination?.instanceId ?? 'worker-a';
    expect(claimed.every((j) => j.lockedBy === holder)).toBe(true);
    // Locked jobs are not claimed twice; the future one is not due.
    expect((await store.relay.claimDue(routeId, now, 10, 'worker-b')).map((j) => j.deliveryId)).toEqual([batch[2]!.id]);
    expect(await store.relay.nextRunAt([routeId])).toBe(later);
    if (store.coordination) {
      // Shared: a live instance's claims stay with it (a dead one's are freed: test/store-pg/multi-instance.test.ts).
      expect(await store.relay.releaseLocks('worker-c')).toBe(0);
    } else {
      // A new process (worker-c) frees what the others held.
      expect(await store.relay.releaseLocks('worker-c')).toBe(3);
      expect(await store.relay.claimDue(routeId, now, 10, 'worker-c')).toHaveLength(3);
    }
  });

  it("reads a route's activity when a try's error and answer hold a NUL (a backend's text decoded as received)", async () => {
    const { store, routeId } = await setup(backend);
    const d = queued(routeId);
    await store.deliveries.insertBatch([d]);
    const at = new Date().toISOString();
    await store.relay.record([
      {
        attempt: {
          id: newId('rla'),
          deliveryId: d.id,
          jobId: d.relay!.jobId,
          routeId,
          mode: 'queue',
          url: 'http://127.0.0.1:9/hooks',
          number: 1,
          startedAt: at,
          finishedAt: at,
          durationMs: 3,
          outcome: 'failed',
          response: null,
          error: 'refused\u0000 by the backend',
          sentHeaders: [],
        },
        update: { jobId: d.relay!.jobId, state: 'pending', attempts: 1, runAt: at, lastError: 'refused', finishedAt: null },
      },
    ]);
    const activity = await store.relay.routeActivity(routeId, '2000-01-01T00:00:00.000Z');
    expect(activity.attempts.map((a) => a.error)).toEqual(['refused\u0000 by the backend']);
  });

  it('fails passthroughs a stopped process left waiting, and deletes jobs and attempts with their delivery', async () => {
    const { store, routeId } = await setup(backend);
    const d = queued(routeId);
    d.relay = { ...d.relay!, mode: 'passthrough', state: 'sending', answered: null };
    await store.deliveries.insertBatch([d]);
    expect(await store.relay.failInterrupted('stopped', new Date().toISOString())).toBe(1);
    expect((await store.relay.jobsForDeliveries([d.id]))[0]).toMatchObject({ state: 'failed', lastError: 'stopped', answeredAt: null });
    await store.relay.record([
      {
        attempt: {
          id: newId('rla'),
          deliveryId: d.id,
          jobId: d.relay!.jobId,
          routeId,
          mode: 'queue',
          url: 'http://127.0.0.1:9/hooks',
          number: 1,
          startedAt: new Date().toISOString(),
          finishedAt: new Date().toISOString(),
          durationMs: 3,
          outcome: 'ok',
          response: null,
          error: null,
          sentHeaders: [],
        },
        update: {
          jobId: d.relay!.jobId,
          state: 'delivered',
          attempts: 1,
          runAt: new Date().toISOString(),
          lastError: null,
          finishedAt: new Date().toISOString(),
        },
      },
    ]);
    expect(await store.relay.attemptsForDeliveries([d.id])).toHaveLength(1);
    expect((await store.relay.routeActivity(routeId, '2000-01-01T00:00:00.000Z')).attempts).toHaveLength(1);
    // Retention deletes deliveries: their relay rows go with them.
    expect(await store.deliveries.pruneReceivedBefore(new Date(Date.now() + 1000).toISOString(), 100)).toBe(1);
    expect(await store.relay.jobsForDeliveries([d.id])).toEqual([]);
    expect((await store.relay.routeActivity(routeId, '2000-01-01T00:00:00.000Z')).attempts).toEqual([]);
  });
});
