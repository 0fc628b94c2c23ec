/**
 * Two instances with different secrets keys opening an empty team database at the same moment:
 * the first key check stored is never overwritten, so the second instance is refused before it
 * writes secrets the first could not read, whatever order their statements run in.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createAesGcmCipher } from '../../src-main/secrets/cipher.js';
import { checkSharedKey } from '../../src-main/serve/team-store.js';
import type { SettingsStore } from '../../src-main/store/types.js';
import { openTestStore, storeBackends } from '../helpers/store-backends.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The settings as a late instance sees them: it read "no check yet", then its writes wait until `open` resolves. */
function lateWriter(settings: SettingsStore, open: Promise<void>): SettingsStore {
  return {
    get: (key) => settings.get(key),
    set: async (key, value) => {
      await open;
      return settings.set(key, value);
    },
    setIfAbsent: async (key, value) => {
      await open;
      return settings.setIfAbsent(key, value);
    },
    update: async (key, change) => {
      await open;
      return settings.update(key, change);
    },
  };
}

describe.each(storeBackends)('on $name', (backend) => {
  it('keeps the first instance’s key check: the second, with another key, is refused even when both found none', async () => {
    const store = await openTestStore(backend, cleanups);
    const first = createAesGcmCipher(randomBytes(32), 'first key');
    const second = createAesGcmCipher(randomBytes(32), 'second key');
    let firstDone!: () => void;
    const gate = new Promise<void>((resolve) => (firstDone = resolve));
    // The second reads (nothing stored yet) before the first has written; it writes after the first is done.
    const secondCheck = checkSharedKey(lateWriter(store.settings, gate), second);
    await checkSharedKey(store.settings, first);
    firstDone();
    await expect(secondCheck).rejects.toThrow("This instance's secrets key (second key) is not the one the team database's secrets are encrypted with");
    // The first instance still passes on restart; a third with the first key too.
    await expect(checkSharedKey(store.settings, first)).resolves.toBeUndefined();
  });

  it('stores a value only when the key has none, and answers what is stored', async () => {
    const store = await openTestStore(backend, cleanups);
    expect(await store.settings.setIfAbsent('team.example', { n: 1 })).toEqual({ n: 1 });
    expect(await store.settings.setIfAbsent('team.example', { n: 2 })).toEqual({ n: 1 });
    expect(await store.settings.get('team.example')).toEqual({ n: 1 });
  });
});
