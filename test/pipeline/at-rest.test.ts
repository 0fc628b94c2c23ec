import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { DerivationWorker } from '../../src-main/pipeline/worker.js';
import { InlineDeriver } from '../../src-main/pipeline/deriver.js';
import { RECLAIM_WHEN_FREE, reclaimFreePages } from '../../src-main/pipeline/at-rest.js';
import { deriveBatch } from '../../src-main/pipeline/deriver.js';
import { PushBus } from '../../src-main/events/bus.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import type { PendingDelivery, Store } from '../../src-main/store/types.js';
import { paychantDelivery } from '../helpers/store.js';
import { openTestStore, sqliteBackend } from '../helpers/store-backends.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const registry = { adapterFor: (p: PendingDelivery['provider']) => (p === 'unknown' ? undefined : providerAdapters[p]), webhookSecrets: async () => [] };

/** Webhooks with bodies that do not compress: their captures fill pages that derivation frees. */
async function storeBacklog(store: Store, count: number): Promise<void> {
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: 500 }, (_, i) =>
      paychantDelivery(JSON.stringify({ event: 'PAYMENT_COMPLETED', data: { pid: `p-${start + i}`, note: randomBytes(900).toString('base64') } })),
    );
    await store.deliveries.insertBatch(batch);
  }
}

/** One batch: its forms are written while its captures still hold their pages, which then go free. */
async function deriveInOneBatch(store: Store): Promise<void> {
  const pending = await store.deliveries.pendingDerivation(4_000);
  const derived = await deriveBatch(pending, registry, (error) => {
    throw error;
  });
  await store.deliveries.saveDerived(pending.map((d, i) => ({ id: d.id, derived: derived[i]! })));
}

// SQLite only: the free pages are SQLite's (PostgreSQL's own vacuum gives space back there).
describe('a store at rest gives back the pages of derived captures', () => {
  it('compacts free pages above the threshold while quiet, and leaves them while not', async () => {
    const store = await openTestStore(sqliteBackend, cleanups);
    await storeBacklog(store, 4_000);
    await deriveInOneBatch(store);
    const free = await store.deliveries.freeFraction();
    expect(free).toBeGreaterThan(RECLAIM_WHEN_FREE);
    expect(await reclaimFreePages(store.deliveries, () => false)).toBe(false);
    expect(await store.deliveries.freeFraction()).toBe(free);
    expect(await reclaimFreePages(store.deliveries, () => true)).toBe(true);
    expect(await store.deliveries.freeFraction()).toBe(0);
  });

  it('is what the derivation worker does once it has caught up with a quiet listener', async () => {
    const store = await openTestStore(sqliteBackend, cleanups);
    await storeBacklog(store, 4_000);
    await deriveInOneBatch(store);
    expect(await store.deliveries.freeFraction()).toBeGreaterThan(RECLAIM_WHEN_FREE);
    const worker = new DerivationWorker(store.deliveries, new InlineDeriver(registry, () => {}), new PushBus());
    cleanups.unshift(() => worker.stop());
    // A commit by the listener: the worker finds nothing left to derive, waits out the quiet time, and compacts.
    worker.schedule();
    await worker.idle();
    expect(await store.deliveries.freeFraction()).toBeLessThan(RECLAIM_WHEN_FREE);
  });
});
