import { describe, expect, it } from 'vitest';
import { createMainWindow, isAppUrl, secureWebPreferences } from '../../src-main/electron/window.js';
import { registerContractHandlers } from '../../src-main/electron/ipc.js';
import type { BrowserWindowOptionsLike, IpcMainLike, WebContentsLike } from '../../src-main/electron/electron-api.js';
import { callNames, ipcChannelFor } from '../../src-shared/contract/index.js';
import { createDispatcher, type CallHandlers } from '../../src-main/dispatcher/dispatcher.js';
import { CONTENT_SECURITY_POLICY } from '../../src-main/serve/security.js';
import { createSafeStorageCipher } from '../../src-main/electron/safe-storage-cipher.js';

type OpenHandler = Parameters<WebContentsLike['setWindowOpenHandler']>[0];
type NavigateHandler = (event: { preventDefault(): void }, url: string) => void;
type IpcHandler = Parameters<IpcMainLike['handle']>[1];

/** A stand-in for Electron's BrowserWindow that records what the factory asked of it. */
function fakeBrowserWindow() {
  const created: Array<{ options: BrowserWindowOptionsLike; handlers: Record<string, NavigateHandler>; openHandler?: OpenHandler; loaded?: string }> = [];
  class FakeWindow {
    record: (typeof created)[number];
    webContents: WebContentsLike;
    constructor(options: BrowserWindowOptionsLike) {
      this.record = { options, handlers: {} };
      created.push(this.record);
      const record = this.record;
      this.webContents = {
        id: 1,
        send() {},
        isDestroyed: () => false,
        setWindowOpenHandler(handler: OpenHandler) {
          record.openHandler = handler;
        },
        on(event: string, handler: NavigateHandler) {
          record.handlers[event] = handler;
        },
      };
    }
    async loadURL(url: string) {
      this.record.loaded = url;
    }
    async loadFile(path: string) {
      this.record.loaded = path;
    }
    once() {}
    on() {}
    show() {}
  }
  return { BrowserWindow: FakeWindow as never, created };
}

describe('electron window factory', () => {
  const options = { preloadPath: '/app/out/preload/index.cjs', devServerUrl: null };

  it('isolates and sandboxes the renderer with no Node integration', () => {
    const { BrowserWindow, created } = fakeBrowserWindow();
    createMainWindow(BrowserWindow, options);
    const prefs = created[0]!.options.webPreferences;
    expect(prefs).toEqual(secureWebPreferences('/app/out/preload/index.cjs'));
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });

  it('denies window.open (http links go to the system browser) and navigation away from the app', () => {
    const { BrowserWindow, created } = fakeBrowserWindow();
    const opened: string[] = [];
    createMainWindow(BrowserWindow, options, (url) => opened.push(url));
    const record = created[0]!;
    expect(record.openHandler!({ url: 'https://explorer.example/tx/0xabc' })).toEqual({ action: 'deny' });
    expect(record.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(record.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://explorer.example/tx/0xabc']);
    let prevented = 0;
    const event = { preventDefault: () => prevented++ };
    record.handlers['will-navigate']!(event, 'https://evil.example');
    record.handlers['will-redirect']!(event, 'file:///etc/passwd');
    expect(prevented).toBe(2);
    record.handlers['will-navigate']!(event, 'app://gatewatch/index.html#/inbox');
    expect(prevented).toBe(2);
    // The built page is no longer a file: a file: URL is somewhere else.
    record.handlers['will-navigate']!(event, 'file:///app/out/renderer/index.html#/inbox');
    expect(prevented).toBe(3);
  });

  it('loads the page from app://gatewatch, or from the dev server a development build was given', () => {
    const { BrowserWindow, created } = fakeBrowserWindow();
    createMainWindow(BrowserWindow, options);
    expect(created[0]!.loaded).toBe('app://gatewatch/index.html');
    createMainWindow(BrowserWindow, { ...options, devServerUrl: 'http://localhost:5173/' });
    expect(created[1]!.loaded).toBe('http://localhost:5173/');
  });

  it('recognises app://gatewatch as the app, and nothing else', () => {
    expect(isAppUrl('app://gatewatch/index.html#/inbox', options)).toBe(true);
    expect(isAppUrl('app://gatewatch/assets/index.js', options)).toBe(true);
    expect(isAppUrl('app://gatewatch.evil/index.html', options)).toBe(false);
    expect(isAppUrl('app://other/index.html', options)).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html', options)).toBe(false);
    expect(isAppUrl('https://gatewatch/index.html', options)).toBe(false);
    expect(isAppUrl('not a url', options)).toBe(false);
    const dev = { ...options, devServerUrl: 'http://localhost:5173/' };
    expect(isAppUrl('http://localhost:5173/#/inbox', dev)).toBe(true);
    expect(isAppUrl('http://localhost:51730/', dev)).toBe(false);
  });

  it('uses a CSP without unsafe-eval or remote scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  });

  it('registers every contract call and refuses frames that are not the app', async () => {
    const handlers = new Map<string, IpcHandler>();
    const ipcMain: IpcMainLike = { handle: (channel, fn) => handlers.set(channel, fn), removeHandler: (c) => handlers.delete(c) };
    const calls = Object.fromEntries(callNames.map((n) => [n, async () => ({})])) as unknown as CallHandlers;
    const dispatcher = createDispatcher(calls);
    const unregister = registerContractHandlers(ipcMain, dispatcher, (url) => isAppUrl(url, options));
    expect([...handlers.keys()].sort()).toEqual(callNames.map(ipcChannelFor).sort());
    const list = handlers.get(ipcChannelFor('deliveries.get'))!;
    const foreign = await list({ senderFrame: { url: 'https://evil.example/' } }, { id: 'x' });
    expect(foreign).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    const badInput = await list({ senderFrame: { url: 'app://gatewatch/index.html' } }, { id: 42 });
    expect(badInput).toEqual({ ok: false, error: expect.objectContaining({ code: 'bad_request' }) });
    unregister();
    expect(handlers.size).toBe(0);
  });
});

describe('safeStorage cipher', () => {
  const fakeSafeStorage = (backend: string) => ({
    isEncryptionAvailable: () => true,
    encryptString: (plain: string) => Buffer.from([...Buffer.from(plain)].reverse()),
    decryptString: (blob: Buffer) => Buffer.from([...blob].reverse()).toString(),
    getSelectedStorageBackend: () => backend,
  });

  it('says plainly when Linux falls back to plain-text storage', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage('basic_text'), 'linux');
    expect(cipher.secure).toBe(false);
    expect(cipher.backend).toContain('basic_text');
    expect(createSafeStorageCipher(fakeSafeStorage('gnome_libsecret'), 'linux').secure).toBe(true);
  });

  it('round-trips through safeStorage', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage('kwallet5'), 'linux');
    const row = { owner: 'provider:paychant', kind: 'apiKey', label: 'production' };
    expect(cipher.decrypt(cipher.encrypt('s3cret-value', row), row)).toBe('s3cret-value');
  });
});
