/**
 * Each ciphertext is bound to its row (owner, kind, label): a blob moved into another row must
 * not decrypt there. Older, unbound rows keep working and are re-encrypted bound.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCipheriv, randomBytes } from 'node:crypto';
import { createAesGcmCipher, type SecretCipher } from '../../src-main/secrets/cipher.js';
import { bindingBytes, bindingDigest } from '../../src-main/secrets/binding.js';
import { SecretUnreadableError, SecretVault, UNBOUND_UPGRADE_KEY } from '../../src-main/secrets/vault.js';
import { createSafeStorageCipher } from '../../src-main/electron/safe-storage-cipher.js';
import type { SecretStore } from '../../src-main/store/secrets-types.js';
import { openTestStore, storeBackends } from '../helpers/store-backends.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const instapKey = { owner: 'provider:instap', kind: 'apiKey', label: 'production' };
const calypsoKey = { owner: 'provider:calypso', kind: 'apiKey', label: 'production' };

/** The version-1 format as it was written before rows were bound: 0x01 | iv | tag | ciphertext, no associated data. */
function versionOneBlob(masterKey: Buffer, plain: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), body]);
}

/** safeStorage stand-in: a reversible transform is enough to test what the wrapper adds. */
const fakeSafeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (plain: string) => Buffer.concat([Buffer.from('v11'), Buffer.from([...Buffer.from(plain)].reverse())]),
  decryptString: (blob: Buffer) => Buffer.from([...blob.subarray(3)].reverse()).toString(),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};

/** The safeStorage format before the marker inside: "\0gw2" | safeStorage(digest + value). */
function versionTwoSafeStorageBlob(plain: string, row: typeof instapKey): Buffer {
  return Buffer.concat([Buffer.from('\0gw2', 'latin1'), fakeSafeStorage.encryptString(bindingDigest(row) + plain)]);
}

async function swapCiphertexts(store: SecretStore, a: typeof instapKey, b: typeof instapKey): Promise<void> {
  const [rowA] = (await store.list(a.owner, a.kind)).filter((r) => r.label === a.label);
  const [rowB] = (await store.list(b.owner, b.kind)).filter((r) => r.label === b.label);
  await store.put({ ...rowA!, ciphertext: rowB!.ciphertext });
  await store.put({ ...rowB!, ciphertext: rowA!.ciphertext });
}

describe('binding encoding', () => {
  it('is unambiguous: parts are length-prefixed', () => {
    expect(bindingBytes({ owner: 'a', kind: 'bc', label: 'd' }).equals(bindingBytes({ owner: 'ab', kind: 'c', label: 'd' }))).toBe(false);
    expect(bindingBytes({ owner: 'x', kind: 'y', label: 'z|' }).equals(bindingBytes({ owner: 'x', kind: 'y|', label: 'z' }))).toBe(false);
  });
});

describe.each([
  ['AES-256-GCM', () => createAesGcmCipher(randomBytes(32))],
  ['safeStorage', () => createSafeStorageCipher(fakeSafeStorage, 'linux')],
] as Array<[string, () => SecretCipher]>)('%s cipher bound to its row', (_name, makeCipher) => {
  it('decrypts in its own row only, and says so in words elsewhere', () => {
    const cipher = makeCipher();
    const blob = cipher.encrypt('ik_live_9f2a5c7e', instapKey);
    expect(cipher.decrypt(blob, instapKey)).toBe('ik_live_9f2a5c7e');
    expect(cipher.isLegacy(blob)).toBe(false);
    for (const other of [calypsoKey, { ...instapKey, label: 'sandbox' }, { ...instapKey, kind: 'hmacSecret' }]) {
      expect(() => cipher.decrypt(blob, other)).toThrow(/stored for another entry \(moved or swapped\)/);
    }
  });
});

describe('older, unbound blobs', () => {
  it('AES: a version-1 blob decrypts only with leave to read unbound blobs (the one-time upgrade)', () => {
    const key = randomBytes(32);
    const cipher = createAesGcmCipher(key);
    const blob = versionOneBlob(key, 'whsec_legacy_1a2b');
    expect(cipher.isLegacy(blob)).toBe(true);
    expect(cipher.isUnbound(blob)).toBe(true);
    expect(cipher.decrypt(blob, instapKey, { rows: [instapKey] })).toBe('whsec_legacy_1a2b');
    expect(() => cipher.decrypt(blob, instapKey)).toThrow(/accepted only once, when Gatewatch upgrades its stored secrets/);
  });

  it('safeStorage: a plain safeStorage blob decrypts only with leave to read unbound blobs', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage, 'linux');
    const blob = fakeSafeStorage.encryptString('whsec_legacy_1a2b');
    expect(cipher.isLegacy(blob)).toBe(true);
    expect(cipher.isUnbound(blob)).toBe(true);
    expect(cipher.decrypt(blob, instapKey, { rows: [instapKey] })).toBe('whsec_legacy_1a2b');
    expect(() => cipher.decrypt(blob, instapKey)).toThrow(/accepted only once/);
  });

  it('safeStorage: a bound blob stripped of its prefix is refused as unbound, even during the upgrade', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage, 'linux');
    const bound = cipher.encrypt('ik_live_9f2a5c7e', instapKey);
    const stripped = bound.subarray(4);
    expect(cipher.isUnbound(stripped)).toBe(true);
    for (const row of [calypsoKey, instapKey]) {
      expect(() => cipher.decrypt(stripped, row, { rows: [calypsoKey] })).toThrow(/stored for another entry/);
    }
    // The version-2 format (no marker inside) stripped: its row's digest gives it away.
    const v2 = versionTwoSafeStorageBlob('ik_live_9f2a5c7e', instapKey);
    expect(cipher.decrypt(v2, instapKey)).toBe('ik_live_9f2a5c7e');
    expect(cipher.isLegacy(v2)).toBe(true);
    expect(cipher.isUnbound(v2)).toBe(false);
    expect(() => cipher.decrypt(v2.subarray(4), calypsoKey, { rows: [instapKey, calypsoKey] })).toThrow(/stored for another entry/);
  });
});

describe.each(storeBackends)('vault over a real store on $name', (backend) => {
  it('re-encrypts version-1 rows as version 2 before first use, keeping value, mask and date', async () => {
    const store = await openTestStore(backend, cleanups);
    const key = randomBytes(32);
    const written = {
      ...instapKey,
      keyRef: null,
      ciphertext: versionOneBlob(key, 'ik_live_legacy_77aa'),
      masked: '••••77aa',
      updatedAt: '2026-01-02T03:04:05.000Z',
    };
    await store.secrets.put(written);
    const vault = new SecretVault(store.secrets, createAesGcmCipher(key), store.settings);
    expect(await vault.get(instapKey.owner, 'apiKey', 'production')).toBe('ik_live_legacy_77aa');
    const [row] = await store.secrets.list(instapKey.owner, 'apiKey');
    expect(row!.ciphertext[0]).toBe(2);
    expect(row).toMatchObject({ masked: '••••77aa', updatedAt: '2026-01-02T03:04:05.000Z', keyRef: null });
    // Now bound: moved to another row it no longer decrypts.
    await store.secrets.put({ ...row!, ...calypsoKey });
    await expect(vault.get(calypsoKey.owner, 'apiKey', 'production')).rejects.toThrow(SecretUnreadableError);
  });

  it('reads unbound rows only at the first start: one planted later (from a backup, or another row) is refused', async () => {
    const store = await openTestStore(backend, cleanups);
    const key = randomBytes(32);
    await store.secrets.put({
      ...instapKey,
      keyRef: null,
      ciphertext: versionOneBlob(key, 'ik_live_legacy_77aa'),
      masked: '••••77aa',
      updatedAt: '2026-01-02T03:04:05.000Z',
    });
    const first = new SecretVault(store.secrets, createAesGcmCipher(key), store.settings);
    expect(await first.get(instapKey.owner, 'apiKey', 'production')).toBe('ik_live_legacy_77aa');
    expect(await store.settings.get(UNBOUND_UPGRADE_KEY)).toMatchObject({ completedAt: expect.any(String) });

    // A version-1 blob of the instap key, from a backup, planted in the calypso row.
    const planted = versionOneBlob(key, 'ik_live_legacy_77aa');
    await store.secrets.put({ ...calypsoKey, keyRef: null, ciphertext: planted, masked: '••••77aa', updatedAt: '2026-01-02T03:04:05.000Z' });
    const next = new SecretVault(store.secrets, createAesGcmCipher(key), store.settings);
    const error = await next.get(calypsoKey.owner, 'apiKey', 'production').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretUnreadableError);
    expect((error as Error).message).toMatch(/^The API key 'production' of calypso cannot be read \(.*accepted only once.*\)\. Enter it again in Settings\.$/);
    expect(await next.describe(calypsoKey.owner)).toEqual([expect.objectContaining({ unreadable: true })]);
    // Left as it was, not laundered into a bound blob.
    expect(Buffer.from((await store.secrets.list(calypsoKey.owner))[0]!.ciphertext).equals(planted)).toBe(true);
  });

  it('safeStorage: at the upgrade, a version-2 blob stripped and planted in another row is refused; the genuine one becomes version 3', async () => {
    const store = await openTestStore(backend, cleanups);
    const v2 = versionTwoSafeStorageBlob('ik_live_instap_1111', instapKey);
    await store.secrets.put({ ...instapKey, keyRef: null, ciphertext: v2, masked: '••••1111', updatedAt: '2026-01-02T03:04:05.000Z' });
    await store.secrets.put({ ...calypsoKey, keyRef: null, ciphertext: v2.subarray(4), masked: '••••1111', updatedAt: '2026-01-02T03:04:05.000Z' });
    const vault = new SecretVault(store.secrets, createSafeStorageCipher(fakeSafeStorage, 'linux'), store.settings);
    expect(await vault.get(instapKey.owner, 'apiKey', 'production')).toBe('ik_live_instap_1111');
    await expect(vault.get(calypsoKey.owner, 'apiKey', 'production')).rejects.toThrow(SecretUnreadableError);
    const [instapRow] = await store.secrets.list(instapKey.owner);
    expect(Buffer.from(instapRow!.ciphertext).subarray(0, 4).toString('latin1')).toBe('\0gw3');
    const [calypsoRow] = await store.secrets.list(calypsoKey.owner);
    expect(Buffer.from(calypsoRow!.ciphertext).equals(v2.subarray(4))).toBe(true);
  });

  it('leaves a version-1 row it cannot decrypt exactly as it was (nothing lost), and reports it', async () => {
    const store = await openTestStore(backend, cleanups);
    const blob = versionOneBlob(randomBytes(32), 'made-with-another-key');
    await store.secrets.put({ ...instapKey, keyRef: null, ciphertext: blob, masked: '••••-key', updatedAt: '2026-01-02T03:04:05.000Z' });
    const vault = new SecretVault(store.secrets, createAesGcmCipher(randomBytes(32)), store.settings);
    expect(await vault.describe(instapKey.owner)).toEqual([expect.objectContaining({ label: 'production', unreadable: true })]);
    expect(Buffer.from((await store.secrets.list(instapKey.owner))[0]!.ciphertext).equals(blob)).toBe(true);
  });

  it('a swapped row fails with a message naming the secret and saying to enter it again; the others still read', async () => {
    const store = await openTestStore(backend, cleanups);
    const vault = new SecretVault(store.secrets, createAesGcmCipher(randomBytes(32)), store.settings);
    await vault.set(instapKey.owner, 'apiKey', 'production', 'ik_live_instap_1111');
    await vault.set(calypsoKey.owner, 'apiKey', 'production', 'ck_live_calypso_2222');
    await vault.set('provider:paychant', 'webhookSecret', 'production', 'whsec_paychant_3333');
    await vault.set('provider:paychant', 'webhookSecret', 'rotated', 'whsec_paychant_4444');
    await swapCiphertexts(store.secrets, instapKey, calypsoKey);
    await swapCiphertexts(
      store.secrets,
      { owner: 'provider:paychant', kind: 'webhookSecret', label: 'production' },
      { owner: 'provider:paychant', kind: 'webhookSecret', label: 'rotated' },
    );

    const error = await vault.get(instapKey.owner, 'apiKey', 'production').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretUnreadableError);
    expect((error as Error).message).toMatch(/^The API key 'production' of instap cannot be read \(.*another entry.*\)\. Enter it again in Settings\.$/);
    expect((error as Error).message).not.toMatch(/ck_live|ik_live/);
    await expect(vault.values('provider:paychant', 'webhookSecret')).rejects.toThrow(/The webhook secret '(production|rotated)' of paychant cannot be read/);
    expect((await vault.entries('provider:paychant', 'webhookSecret')).map((e) => e.value)).toEqual([null, null]);
    expect((await vault.describe('provider:paychant')).every((s) => s.unreadable)).toBe(true);

    // Entering it again is the fix.
    await vault.set(instapKey.owner, 'apiKey', 'production', 'ik_live_instap_5555');
    expect(await vault.get(instapKey.owner, 'apiKey', 'production')).toBe('ik_live_instap_5555');
    expect((await vault.describe(instapKey.owner))[0]).not.toHaveProperty('unreadable');
  });
});
