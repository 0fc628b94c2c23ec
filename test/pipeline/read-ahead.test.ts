import { afterEach, describe, expect, it } from 'vitest';
import { ReadAhead, RESCAN_EVERY_MS } from '../../src-main/pipeline/read-ahead.js';
import { InlineDeriver } from '../../src-main/pipeline/deriver.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import type { PendingDelivery, Store } from '../../src-main/store/types.js';
import { paychantDelivery } from '../helpers/store.js';
import { openTestStore, storeBackends } from '../helpers/store-backends.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const deriver = new InlineDeriver(
  { adapterFor: (p: PendingDelivery['provider']) => (p === 'unknown' ? undefined : providerAdapters[p]), webhookSecrets: async () => [] },
  () => {},
);

/** Reads one batch and saves it, as the worker does; the seqs read. */
async function readAndSave(store: Store, ahead: ReadAhead, limit: number): Promise<string[]> {
  await ahead.fill(limit, 1);
  const batch = ahead.shift();
  if (!batch) return [];
  const derived = await batch.derived;
  await store.deliveries.saveDerived(batch.pending.map((d, i) => ({ id: d.id, derived: derived[i]! })));
  return batch.pending.map((d) => d.id);
}

describe.each(storeBackends)('reading ahead for derivation on $name', (backend) => {
  // A row pending behind the rows read so far: committed late (several commits in flight, another
  // instance), here made so by deriving it again.
  it('comes back for a row left behind the seq read so far, once nothing is in flight and a moment has passed', async () => {
    const store = await openTestStore(backend, cleanups);
    const deliveries = ['a', 'b', 'c', 'd'].map((pid) => paychantDelivery(JSON.stringify({ event: 'CREATED', data: { pid } })));
    await store.deliveries.insertBatch(deliveries.slice(0, 2));
    let clock = 0;
    const ahead = new ReadAhead(store.deliveries, deriver, 0, () => clock);
    expect(await readAndSave(store, ahead, 10)).toEqual([deliveries[0]!.id, deliveries[1]!.id]);
    await store.deliveries.markForRederive({ id: deliveries[0]!.id });
    await store.deliveries.insertBatch(deliveries.slice(2, 3));
    // Soon after: on from where it was.
    expect(await readAndSave(store, ahead, 10)).toEqual([deliveries[2]!.id]);
    await store.deliveries.insertBatch(deliveries.slice(3));
    clock += RESCAN_EVERY_MS;
    // Later, with nothing in flight: from the first pending row again.
    expect(await readAndSave(store, ahead, 10)).toEqual([deliveries[0]!.id, deliveries[3]!.id]);
    expect(await readAndSave(store, ahead, 10)).toEqual([]);
  });
});
