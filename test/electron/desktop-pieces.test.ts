import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_INDEX_URL, appProtocolHandler, appScheme, isAppOrigin } from '../../src-main/electron/app-protocol.js';
import { devServerUrl } from '../../src-main/electron/renderer-source.js';
import { chooseDesktopCipher, type KeyFileSource } from '../../src-main/electron/desktop-cipher.js';
import { KEY_FILE_NAME } from '../../src-main/secrets/cipher.js';
import { createSafeStorageCipher } from '../../src-main/electron/safe-storage-cipher.js';
import { serveModeCipher } from '../../src-main/app/cipher-choice.js';
import { SecretVault } from '../../src-main/secrets/vault.js';
import { createSqliteStore } from '../../src-main/store/sqlite/index.js';
import type { SafeStorageLike } from '../../src-main/electron/electron-api.js';
import { tempDir } from '../helpers/temp.js';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const freshDir = () => {
  const dir = tempDir();
  cleanups.push(() => dir.remove());
  return dir.path;
};

describe('app:// protocol', () => {
  const builtRenderer = () => {
    const root = freshDir();
    const rendererDir = join(root, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Gatewatch</title>');
    writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
    return appProtocolHandler(rendererDir);
  };

  it('is a standard, secure scheme with fetch, and the window page is app://gatewatch/index.html', () => {
    expect(appScheme).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
    expect(APP_INDEX_URL).toBe('app://gatewatch/index.html');
    expect(isAppOrigin('app://gatewatch/index.html#/inbox')).toBe(true);
    expect(isAppOrigin('app://gatewatch:8080/index.html')).toBe(false);
  });

  it('serves the built page and its assets with their type and the CSP', async () => {
    const handle = builtRenderer();
    const page = await handle({ url: 'app://gatewatch/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Gatewatch</title>');
    const script = await handle({ url: 'app://gatewatch/assets/index-abc.js' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('never serves a file outside the renderer folder, nor another host', async () => {
    const handle = builtRenderer();
    // Plain, %-escaped and backslash `..` segments: each is resolved against the folder's root, so
    // none climbs out; what is not a file there gets the page.
    for (const url of [
      'app://gatewatch/../secret.txt',
      'app://gatewatch/%2e%2e/secret.txt',
      'app://gatewatch/..%2fsecret.txt',
      'app://gatewatch/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://gatewatch/..%5c..%5csecret.txt',
    ]) {
      const text = await (await handle({ url })).text();
      expect(text, url).not.toContain('outside the renderer');
      expect(text, url).toContain('<title>Gatewatch</title>');
    }
    expect((await handle({ url: 'app://evil/index.html' })).status).toBe(404);
    expect((await handle({ url: 'app://gatewatch/%E0%A4%A' })).status).toBe(404);
  });
});

describe('ELECTRON_RENDERER_URL', () => {
  const url = 'http://localhost:5173';

  it('is honoured only by an unpackaged development build', () => {
    expect(devServerUrl({ isPackaged: false, developmentBuild: true, rendererUrl: url })).toEqual({ url: 'http://localhost:5173/', ignored: null });
    for (const build of [
      { isPackaged: true, developmentBuild: true },
      { isPackaged: false, developmentBuild: false },
      { isPackaged: true, developmentBuild: false },
    ]) {
      const source = devServerUrl({ ...build, rendererUrl: url });
      expect(source.url).toBeNull();
      expect(source.ignored).toMatch(/ignored: only a development build that is not packaged/);
    }
    expect(devServerUrl({ isPackaged: true, developmentBuild: false, rendererUrl: undefined })).toEqual({ url: null, ignored: null });
  });

  it('must be an http address on this machine, even in development', () => {
    for (const bad of ['https://evil.example/', 'http://192.168.1.9:5173', 'file:///etc/passwd', 'not a url']) {
      const source = devServerUrl({ isPackaged: false, developmentBuild: true, rendererUrl: bad });
      expect(source.url, bad).toBeNull();
      expect(source.ignored, bad).toMatch(/ELECTRON_RENDERER_URL/);
    }
    expect(devServerUrl({ isPackaged: false, developmentBuild: true, rendererUrl: 'http://127.0.0.1:5173/' }).url).toBe('http://127.0.0.1:5173/');
  });
});

/** The key file in a data folder, as the desktop app hands it to chooseDesktopCipher. */
const keyFileIn = (dataDir: string): KeyFileSource => ({
  cipher: () => serveModeCipher(dataDir, {}),
  exists: () => existsSync(join(dataDir, KEY_FILE_NAME)),
});

describe('desktop cipher choice', () => {
  /** safeStorage with a given Linux backend; "encryption" reverses the bytes (as Electron's basic_text, anyone can undo it). */
  const fakeSafeStorage = (backend: string, available = true): SafeStorageLike => ({
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.concat([Buffer.from('v10'), Buffer.from([...Buffer.from(plain)].reverse())]),
    decryptString: (blob) => Buffer.from([...blob.subarray(3)].reverse()).toString(),
    getSelectedStorageBackend: () => backend,
  });

  it('keeps safeStorage when a keyring protects it', () => {
    const logged: string[] = [];
    const cipher = chooseDesktopCipher(fakeSafeStorage('gnome_libsecret'), keyFileIn(freshDir()), (l) => logged.push(l), 'linux');
    expect(cipher.backend).toBe('safeStorage (gnome_libsecret)');
    expect(cipher.secure).toBe(true);
    expect(logged).toEqual([]);
  });

  it('uses the key file, and says so, when safeStorage has only basic_text', () => {
    const logged: string[] = [];
    const dataDir = freshDir();
    const cipher = chooseDesktopCipher(fakeSafeStorage('basic_text'), keyFileIn(dataDir), (l) => logged.push(l), 'linux');
    expect(cipher.secure).toBe(true);
    expect(cipher.backend).toBe('aes-256-gcm (key file in the data dir), instead of safeStorage (basic_text), which has no keyring here');
    expect(logged).toEqual([
      'No keyring is running, so safeStorage (basic_text) would protect secrets with a key known to everyone: they are encrypted with aes-256-gcm (key file in the data dir) instead.',
    ]);
    const row = { owner: 'provider:paychant', kind: 'webhookSecret', label: 'production' };
    const blob = cipher.encrypt('whsec-0123456789', row);
    // Not basic_text: reversing it like safeStorage's hard-coded key gives nothing back.
    expect(blob.includes(Buffer.from('9876543210-cesh'))).toBe(false);
    expect(cipher.decrypt(blob, row)).toBe('whsec-0123456789');
    expect(serveModeCipher(dataDir, {}).decrypt(blob, row)).toBe('whsec-0123456789');
  });

  it('still reads secrets stored through basic_text, and the vault moves them to the key file at start', async () => {
    const dataDir = freshDir();
    const store = createSqliteStore(dataDir);
    cleanups.push(() => store.close());
    const basicText = fakeSafeStorage('basic_text');
    // Stored by an earlier version, which kept basic_text safeStorage.
    const earlier = new SecretVault(store.secrets, createSafeStorageCipher(basicText, 'linux'), store.settings);
    await earlier.set('provider:paychant', 'webhookSecret', 'production', 'whsec-old-basic-text');
    const before = (await store.secrets.all())[0]!.ciphertext;
    expect(Buffer.from(before).subarray(0, 1).toString()).not.toBe('\u0002');

    const cipher = chooseDesktopCipher(basicText, keyFileIn(dataDir), () => {}, 'linux');
    const vault = new SecretVault(store.secrets, cipher, store.settings);
    expect(await vault.get('provider:paychant', 'webhookSecret', 'production')).toBe('whsec-old-basic-text');
    const after = Buffer.from((await store.secrets.all())[0]!.ciphertext);
    expect(after[0]).toBe(0x02); // re-encrypted with the key file (format version 2)
    expect(serveModeCipher(dataDir, {}).decrypt(after, { owner: 'provider:paychant', kind: 'webhookSecret', label: 'production' })).toBe(
      'whsec-old-basic-text',
    );
  });

  it('still reads key-file secrets once a keyring appears, and the vault moves them to safeStorage at start', async () => {
    const dataDir = freshDir();
    const store = createSqliteStore(dataDir);
    cleanups.push(() => store.close());
    const row = { owner: 'provider:paychant', kind: 'webhookSecret', label: 'production' };
    // A start without a keyring: the key file protects the secret.
    const before = new SecretVault(
      store.secrets,
      chooseDesktopCipher(fakeSafeStorage('basic_text'), keyFileIn(dataDir), () => {}, 'linux'),
      store.settings,
    );
    await before.set(row.owner, row.kind, row.label, 'whsec-stored-without-keyring');
    expect(Buffer.from((await store.secrets.all())[0]!.ciphertext)[0]).toBe(0x02);

    // A later start with a keyring.
    const keyring = fakeSafeStorage('gnome_libsecret');
    const cipher = chooseDesktopCipher(keyring, keyFileIn(dataDir), () => {}, 'linux');
    expect(cipher.backend).toBe('safeStorage (gnome_libsecret)');
    const vault = new SecretVault(store.secrets, cipher, store.settings);
    expect(await vault.get(row.owner, row.kind, row.label)).toBe('whsec-stored-without-keyring');
    expect((await vault.describe(row.owner))[0]).not.toHaveProperty('unreadable');
    // Re-encrypted with safeStorage: the keyring alone reads it now, bound to its row.
    const after = Buffer.from((await store.secrets.all())[0]!.ciphertext);
    expect(after[0]).not.toBe(0x02);
    expect(createSafeStorageCipher(keyring, 'linux').decrypt(after, row)).toBe('whsec-stored-without-keyring');
  });

  it('with a keyring and no key file, does not create one', () => {
    const dataDir = freshDir();
    chooseDesktopCipher(fakeSafeStorage('gnome_libsecret'), keyFileIn(dataDir), () => {}, 'linux');
    expect(existsSync(join(dataDir, KEY_FILE_NAME))).toBe(false);
  });

  it('uses the key file when the OS offers no encryption at all', () => {
    const logged: string[] = [];
    const cipher = chooseDesktopCipher(fakeSafeStorage('unknown', false), keyFileIn(freshDir()), (l) => logged.push(l), 'linux');
    expect(cipher.backend).toBe('aes-256-gcm (key file in the data dir)');
    expect(logged[0]).toMatch(/key file in the data folder/);
  });
});
