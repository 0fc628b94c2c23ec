import { afterAll, describe, expect, it } from 'vitest';
import { ListenerSettingsService } from '../../src-main/services/listener-settings.js';
import { openTestStore, storeBackends } from '../helpers/store-backends.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// Two instances on one database, each with its own copy of the settings: one saving before it
// heard of the other's change must not undo it.
describe.each(storeBackends)('listener settings saved by two instances on $name', (backend) => {
  it('keeps both changes when the second instance had not heard of the first', async () => {
    const store = await openTestStore(backend, cleanups);
    const a = new ListenerSettingsService(store.settings);
    const b = new ListenerSettingsService(store.settings);
    await a.load();
    await b.load();
    await a.update({ rateLimit: { perSecond: 5, burst: 10 } });
    await b.update({ storageQuotaBytes: 1_000_000 });
    const reread = new ListenerSettingsService(store.settings);
    await reread.load();
    expect(reread.get()).toMatchObject({ rateLimit: { perSecond: 5, burst: 10 }, storageQuotaBytes: 1_000_000 });
  });
});
