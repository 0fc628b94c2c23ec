/**
 * The desktop app's Electron layer with a team server as its workspace (typed Electron fakes,
 * a real serve mode): the window's IPC calls and pushes come from the server, with the person's
 * role; the sign-in is kept by safeStorage across a restart, never in clear in the local store.
 * Electron itself cannot run here: this is the layer's wiring, not the window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startDesktopApp } from '../../src-main/electron/desktop-app.js';
import type { ElectronMainApi, IpcMainLike, NotificationLike } from '../../src-main/electron/electron-api.js';
import { ipcChannelFor, ipcPushChannel, type CallName } from '../../src-shared/contract/index.js';
import type { CallResult } from '../../src-shared/contract/bridge.js';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { tempDir } from '../helpers/temp.js';
import { storeBackends } from '../helpers/store-backends.js';

describe.each(storeBackends)('on $name', (backend) => {
  type IpcHandler = Parameters<IpcMainLike['handle']>[1];

  /** safeStorage as a keyring would have it: reversible here, but never the text itself. */
  const sealed = (plain: string) => Buffer.from(`v11${Buffer.from(plain).toString('hex')}`);
  const unsealed = (blob: Buffer) => Buffer.from(blob.subarray(3).toString(), 'hex').toString();

  function fakeElectron(userData: string) {
    const ipc = new Map<string, IpcHandler>();
    const pushes: unknown[] = [];
    const handlers: Record<string, (event: { preventDefault(): void }) => void> = {};
    let exited: (code: number) => void = () => {};
    const exit = new Promise<number>((resolve) => (exited = resolve));
    class FakeWindow {
      webContents = {
        id: 1,
        send: (channel: string, payload: unknown) => channel === ipcPushChannel && pushes.push(payload),
        isDestroyed: () => false,
        setWindowOpenHandler() {},
        on: (event: string, listener: () => void) => {
          if (event === 'did-finish-load') setTimeout(listener, 0);
        },
      };
      async loadURL() {}
      once() {}
      on() {}
      show() {}
      isMinimized = () => false;
      restore() {}
      focus() {}
      static getAllWindows = () => [];
    }
    class FakeNotification implements NotificationLike {
      static isSupported = () => false;
      show() {}
      on() {}
    }
    const electron: ElectronMainApi = {
      app: {
        whenReady: async () => {},
        getPath: () => userData,
        requestSingleInstanceLock: () => true,
        on: ((event: string, handler: (event: { preventDefault(): void }) => void) => {
          handlers[event] = handler;
        }) as ElectronMainApi['app']['on'],
        quit() {},
        exit: (code = 0) => exited(code),
        isPackaged: true,
      },
      BrowserWindow: FakeWindow as never,
      ipcMain: { handle: (channel, fn) => ipc.set(channel, fn), removeHandler: (channel) => ipc.delete(channel) },
      protocol: { registerSchemesAsPrivileged() {}, handle() {} },
      safeStorage: { isEncryptionAvailable: () => true, encryptString: sealed, decryptString: unsealed, getSelectedStorageBackend: () => 'gnome_libsecret' },
      session: { defaultSession: { webRequest: { onHeadersReceived() {} }, setPermissionRequestHandler() {}, setPermissionCheckHandler() {} } },
      shell: { openExternal: async () => {} },
      dialog: { showErrorBox() {} },
      Notification: FakeNotification as never,
    };
    const call = async (name: CallName, input: unknown = {}) =>
      (await ipc.get(ipcChannelFor(name))!({ senderFrame: { url: 'app://gatewatch/index.html' } }, input)) as CallResult;
    const quit = () => {
      handlers['before-quit']!({ preventDefault() {} });
      return exit;
    };
    return { electron, call, pushes, quit };
  }

  let server: TestConsole;
  const dir = tempDir('gatewatch-desktop-ws-');
  const layout = { builtDir: pathToFileURL(`${join(dir.path, 'out', 'main')}/`), userData: join(dir.path, 'data') };
  const WANDA = 'wanda’s long password';

  beforeAll(async () => {
    mkdirSync(join(dir.path, 'out', 'main'), { recursive: true });
    mkdirSync(join(dir.path, 'out', 'renderer'), { recursive: true });
    writeFileSync(join(dir.path, 'out', 'renderer', 'index.html'), '<!doctype html><title>Gatewatch</title>');
    mkdirSync(layout.userData);
    server = await startTestConsole({ backend });
    await server.api('users.add', { name: 'wanda', role: 'viewer', password: WANDA });
  }, 30_000);
  afterAll(async () => {
    await server.close();
    dir.remove();
  });

  async function launch() {
    const fake = fakeElectron(layout.userData);
    await startDesktopApp(fake.electron, {
      builtDir: layout.builtDir,
      env: { GATEWATCH_WEBHOOK_PORT: '0' },
      developmentBuild: false,
      log: () => {},
      platform: 'linux',
    });
    return fake;
  }

  describe('the desktop window on a team server (Electron layer, typed fakes)', () => {
    it('signs in from Settings → Workspace, then answers the window from the server with the person’s role', async () => {
      const app = await launch();
      expect(await app.call('workspace.get')).toMatchObject({ ok: true, value: { mode: 'local' } });
      const connected = await app.call('workspace.connect', { url: server.consoleOrigin, name: 'wanda', password: WANDA });
      expect(connected).toEqual({
        ok: true,
        value: { mode: 'team', url: server.consoleOrigin, person: 'wanda', role: 'viewer', remembered: true, problem: null },
      });
      await waitFor(() => app.pushes.some((e) => (e as { type: string }).type === 'listener.changed'));
      const posted = (await (await server.post('/webhooks/paychant', '{"event":"PAYMENT_COMPLETED","data":{"pid":"ws-1"}}')).json()) as { id: string };
      await waitFor(() => app.pushes.some((e) => (e as { type: string; ids?: string[] }).ids?.includes(posted.id)));
      const list = await app.call('deliveries.list');
      expect(list.ok && (list.value as { items: Array<{ id: string }> }).items.map((d) => d.id)).toContain(posted.id);
      expect(await app.call('replay.send', { deliveryId: posted.id, targetId: 'x' })).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'Replay needs the operator role; you are a viewer.' },
      });
      expect(await app.quit()).toBe(0);
    }, 60_000);

    it('keeps the sign-in sealed by safeStorage across a restart, never in clear', async () => {
      for (const file of ['gatewatch.db', 'gatewatch.db-wal'].filter((name) => existsSync(join(layout.userData, name)))) {
        const bytes = readFileSync(join(layout.userData, file));
        expect(bytes.includes('gwt_')).toBe(false);
        expect(bytes.includes(WANDA)).toBe(false);
      }
      const app = await launch();
      expect(await app.call('account.me')).toMatchObject({ ok: true, value: { kind: 'token', name: 'wanda', role: 'viewer' } });
      expect(await app.call('workspace.useLocal')).toMatchObject({ ok: true, value: { mode: 'local' } });
      expect(await app.call('account.me')).toMatchObject({ ok: true, value: { kind: 'local', role: 'admin' } });
      expect(await app.quit()).toBe(0);
    }, 60_000);
  });

  async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
    const until = Date.now() + ms;
    while (!check()) {
      if (Date.now() > until) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
});
