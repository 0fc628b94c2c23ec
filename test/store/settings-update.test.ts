/**
 * A settings change is read, merged and written as one step: changes made at the same moment,
 * through one store or through two instances on one database, all apply (alert switches and
 * listener settings are saved this way).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AlertSettingsService } from '../../src-main/alerts/alert-settings.js';
import { ListenerSettingsService } from '../../src-main/services/listener-settings.js';
import type { Store } from '../../src-main/store/types.js';
import { storeBackends } from '../helpers/store-backends.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(storeBackends)('on $name', (backend) => {
  /** One store, and a second one on the same database or file, as a second instance opens it. */
  async function twoInstances(): Promise<[Store, Store]> {
    const opened = await backend.open();
    const second = await opened.reopen();
    cleanups.push(async () => {
      await second.close();
      await opened.store.close();
      await opened.remove();
    });
    return [opened.store, second];
  }

  const count = (stored: unknown) => ((stored as { n?: number } | undefined)?.n ?? 0) + 1;

  it('applies every one of changes made at the same moment, from one store and from two', async () => {
    const [a, b] = await twoInstances();
    expect(await a.settings.update('example.counter', (stored) => ({ n: count(stored), first: stored === undefined }))).toEqual({ n: 1, first: true });
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).settings.update('example.counter', (stored) => ({ n: count(stored) }))));
    expect(await a.settings.get('example.counter')).toEqual({ n: 31 });
  });

  it('keeps both people’s alert switches and listener fields when two instances save at once', async () => {
    const [a, b] = await twoInstances();
    const [alertsA, alertsB] = [new AlertSettingsService(a.settings), new AlertSettingsService(b.settings)];
    await Promise.all([
      alertsA.save({ kinds: { listener_down: false } }),
      alertsB.save({ kinds: { provider_gave_up: false } }),
      alertsA.save({ quietHours: { enabled: true, from: '22:00', to: '06:00', timeZone: 'UTC' } }),
    ]);
    await alertsB.load();
    expect(alertsB.get().kinds).toMatchObject({ listener_down: false, provider_gave_up: false, signature_failures: true });
    expect(alertsB.get().quietHours.enabled).toBe(true);

    const [listenerA, listenerB] = [new ListenerSettingsService(a.settings), new ListenerSettingsService(b.settings)];
    await Promise.all([listenerA.update({ publicBaseUrl: 'https://hooks.example.com' }), listenerB.update({ trustForwardedHeaders: true })]);
    await listenerA.load();
    expect(listenerA.get()).toMatchObject({ publicBaseUrl: 'https://hooks.example.com', trustForwardedHeaders: true });
  });
});
