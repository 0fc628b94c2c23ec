import { afterAll, describe, expect, it } from 'vitest';
import { openTestStore, storeBackends } from '../helpers/store-backends.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// VACUUM runs on a connection of its own (on PostgreSQL outside the pool's statement limit):
// it must work there, and leave the store answering.
describe.each(storeBackends)('record maintenance on $name', (backend) => {
  it('rebuilds and drops free pages, and the store answers after', async () => {
    const store = await openTestStore(backend, cleanups);
    await store.settings.set('maintenance.probe', 'kept');
    await store.maintenance.rebuild();
    await store.maintenance.dropFreePages();
    expect(await store.settings.get('maintenance.probe')).toBe('kept');
    expect(await store.maintenance.databaseBytes()).toBeGreaterThan(0);
  });
});
