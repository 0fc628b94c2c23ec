import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startDesktopApp } from '../../src-main/electron/desktop-app.js';
import { logFileIn, RotatingFileLog } from '../../src-main/log/rotating-file-log.js';
import type {
  BrowserWindowOptionsLike,
  ElectronMainApi,
  IpcMainLike,
  NotificationOptionsLike,
  ProtocolLike,
  SafeStorageLike,
  WebContentsLike,
} from '../../src-main/electron/electron-api.js';
import { ipcChannelFor } from '../../src-shared/contract/index.js';
import type { CallResult } from '../../src-shared/contract/bridge.js';
import { tempDir } from '../helpers/temp.js';

type AppHandler = (event: { preventDefault(): void }) => void;
type WindowRecord = {
  options: BrowserWindowOptionsLike;
  loaded?: string;
  navigate?: NavigateHandler;
  minimized: boolean;
  calls: string[];
  sent: Array<[string, unknown]>;
  loadFinished?: () => void;
};
type NotificationRecord = { options: NotificationOptionsLike; shown: boolean; click?: () => void };
type IpcHandler = Parameters<IpcMainLike['handle']>[1];
type NavigateHandler = (event: { preventDefault(): void }, url: string) => void;

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** Electron's main-process API as typed fakes that record what the app asked of them. */
function fakeElectron(options: { isPackaged: boolean; userData: string; safeStorageBackend: string; holdsLock?: boolean; notificationsSupported?: boolean }) {
  const steps: string[] = [];
  const appHandlers: Record<string, AppHandler> = {};
  const ipcHandlers = new Map<string, IpcHandler>();
  const protocolHandlers = new Map<string, (request: { url: string }) => Promise<Response> | Response>();
  const windows: WindowRecord[] = [];
  const errorBoxes: Array<{ title: string; content: string }> = [];
  const notifications: NotificationRecord[] = [];
  const whenReady = deferred<void>();
  const exit = deferred<number>();

  class FakeWindow {
    record: (typeof windows)[number];
    webContents: WebContentsLike;
    constructor(windowOptions: BrowserWindowOptionsLike) {
      this.record = { options: windowOptions, minimized: false, calls: [], sent: [] };
      windows.push(this.record);
      const record = this.record;
      this.webContents = {
        id: 1,
        send: (channel: string, payload: unknown) => record.sent.push([channel, payload]),
        isDestroyed: () => false,
        setWindowOpenHandler() {},
        on(event: string, handler: NavigateHandler | (() => void)) {
          if (event === 'will-navigate') record.navigate = handler;
          if (event === 'did-finish-load') record.loadFinished = handler as () => void;
        },
      };
    }
    async loadURL(url: string) {
      this.record.loaded = url;
    }
    once() {}
    on() {}
    show() {
      this.record.calls.push('show');
    }
    isMinimized() {
      return this.record.minimized;
    }
    restore() {
      this.record.minimized = false;
      this.record.calls.push('restore');
    }
    focus() {
      this.record.calls.push('focus');
    }
    static getAllWindows = () => [];
  }
  class FakeNotification {
    record: NotificationRecord;
    constructor(notificationOptions: NotificationOptionsLike) {
      this.record = { options: notificationOptions, shown: false };
      notifications.push(this.record);
    }
    static isSupported = () => options.notificationsSupported ?? true;
    show() {
      this.record.shown = true;
    }
    on(event: 'click' | 'close', handler: () => void) {
      if (event === 'click') this.record.click = handler;
    }
  }
  const protocol: ProtocolLike = {
    registerSchemesAsPrivileged: (schemes) => steps.push(`privileged ${schemes.map((s) => s.scheme).join()}`),
    handle: (scheme, handler) => {
      steps.push(`handle ${scheme}`);
      protocolHandlers.set(scheme, handler);
    },
  };
  const safeStorage: SafeStorageLike = {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => Buffer.from(`v10${plain}`),
    decryptString: (blob) => blob.subarray(3).toString(),
    getSelectedStorageBackend: () => options.safeStorageBackend,
  };
  const electron: ElectronMainApi = {
    app: {
      whenReady: () => {
        steps.push('whenReady');
        return whenReady.promise;
      },
      getPath: () => options.userData,
      requestSingleInstanceLock: () => {
        steps.push('lock');
        return options.holdsLock ?? true;
      },
      on: ((event: string, handler: AppHandler) => {
        appHandlers[event] = handler;
      }) as ElectronMainApi['app']['on'],
      quit: () => steps.push('quit'),
      exit: (code = 0) => exit.resolve(code),
      isPackaged: options.isPackaged,
    },
    BrowserWindow: FakeWindow as never,
    ipcMain: { handle: (channel, fn) => ipcHandlers.set(channel, fn), removeHandler: (c) => ipcHandlers.delete(c) },
    protocol,
    safeStorage,
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived() {} },
        setPermissionRequestHandler() {},
        setPermissionCheckHandler() {},
      },
    },
    shell: { openExternal: async () => {} },
    dialog: { showErrorBox: (title, content) => errorBoxes.push({ title, content }) },
    Notification: FakeNotification,
  };
  const call = async (name: 'providers.get' | 'deliveries.revealHeaders' | 'alerts.test', input: unknown, frameUrl = 'app://gatewatch/index.html') =>
    (await ipcHandlers.get(ipcChannelFor(name))!({ senderFrame: { url: frameUrl } }, input)) as CallResult;
  /** Quits as Electron would: before-quit, then (after the app stopped) exit. */
  const quit = () => {
    appHandlers['before-quit']!({ preventDefault: () => steps.push('quit deferred') });
    return exit.promise;
  };
  /** Another launch of the app, as Electron tells the instance holding the lock. */
  const secondLaunch = () => (appHandlers['second-instance'] as unknown as () => void)();
  return { electron, steps, windows, errorBoxes, notifications, protocolHandlers, ready: () => whenReady.resolve(), call, quit, secondLaunch };
}

const dirs: Array<{ remove(): void }> = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

/** A built layout: out/main (the entry), out/renderer (the page). */
function builtLayout() {
  const dir = tempDir();
  dirs.push(dir);
  mkdirSync(join(dir.path, 'out', 'main'), { recursive: true });
  mkdirSync(join(dir.path, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(dir.path, 'out', 'renderer', 'index.html'), '<!doctype html><title>Gatewatch</title>');
  mkdirSync(join(dir.path, 'data'));
  return { builtDir: pathToFileURL(`${join(dir.path, 'out', 'main')}/`), userData: join(dir.path, 'data') };
}

describe('desktop app wiring (typed Electron fakes)', () => {
  it('registers app:// before ready, serves the built page from it, loads it, and says the key file is used under basic_text', async () => {
    const layout = builtLayout();
    const fake = fakeElectron({ isPackaged: true, userData: layout.userData, safeStorageBackend: 'basic_text' });
    const logged: string[] = [];
    const started = startDesktopApp(fake.electron, {
      builtDir: layout.builtDir,
      env: { GATEWATCH_WEBHOOK_PORT: '0', ELECTRON_RENDERER_URL: 'http://localhost:5173' },
      developmentBuild: false,
      log: (line) => logged.push(line),
      platform: 'linux',
    });
    expect(fake.steps).toEqual(['lock', 'privileged app', 'whenReady']);
    fake.ready();
    await started;
    expect(fake.steps.slice(0, 4)).toEqual(['lock', 'privileged app', 'whenReady', 'handle app']);

    // A packaged (or production) build ignores the dev server URL, and says so.
    expect(fake.windows[0]!.loaded).toBe('app://gatewatch/index.html');
    expect(logged).toContain('ELECTRON_RENDERER_URL is ignored: only a development build that is not packaged loads a dev server.');
    const page = await fake.protocolHandlers.get('app')!({ url: 'app://gatewatch/index.html' });
    expect(await page.text()).toContain('<title>Gatewatch</title>');
    let prevented = 0;
    fake.windows[0]!.navigate!({ preventDefault: () => prevented++ }, 'file:///etc/passwd');
    expect(prevented).toBe(1);

    // Settings → Providers shows which cipher protects secrets: the key file, not basic_text.
    const providers = await fake.call('providers.get', {});
    expect(providers.ok).toBe(true);
    const storage = (providers as { value: { secretStorage: { backend: string; secure: boolean; warning: string | null } } }).value.secretStorage;
    expect(storage).toEqual({
      backend: 'aes-256-gcm (key file in the data dir), instead of safeStorage (basic_text), which has no keyring here',
      secure: true,
      warning: null,
    });
    // The reveal is served over IPC, to the app's own page only.
    expect(await fake.call('deliveries.revealHeaders', { id: 'dlv_none' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No delivery with id dlv_none.' },
    });
    expect((await fake.call('deliveries.revealHeaders', { id: 'dlv_none' }, 'file:///app/out/renderer/index.html')).ok).toBe(false);

    expect(await fake.quit()).toBe(0);
  });

  it('loads the dev server only in an unpackaged development build', async () => {
    const layout = builtLayout();
    const fake = fakeElectron({ isPackaged: false, userData: layout.userData, safeStorageBackend: 'gnome_libsecret' });
    const started = startDesktopApp(fake.electron, {
      builtDir: layout.builtDir,
      env: { GATEWATCH_WEBHOOK_PORT: '0', ELECTRON_RENDERER_URL: 'http://localhost:5173' },
      developmentBuild: true,
      log: () => {},
      platform: 'linux',
    });
    fake.ready();
    await started;
    expect(fake.windows[0]!.loaded).toBe('http://localhost:5173/');
    expect(await fake.quit()).toBe(0);
  });

  it('a second launch quits at once, touching nothing: no scheme, no store, no log file', async () => {
    const layout = builtLayout();
    const fake = fakeElectron({ isPackaged: true, userData: layout.userData, safeStorageBackend: 'gnome_libsecret', holdsLock: false });
    const said: string[] = [];
    let logOpened = false;
    await startDesktopApp(fake.electron, {
      builtDir: layout.builtDir,
      env: { GATEWATCH_WEBHOOK_PORT: '0' },
      developmentBuild: false,
      log: (line) => said.push(line),
      openLogFile: () => {
        logOpened = true;
        return { path: 'unused', write() {} };
      },
      platform: 'linux',
    });
    expect(fake.steps).toEqual(['lock', 'quit']);
    expect(said).toEqual(['Gatewatch is already running: bringing its window to the front.']);
    expect(logOpened).toBe(false);
    expect(fake.windows).toHaveLength(0);
  });

  it('the first instance brings its window to the front when launched again: restored, shown, focused', async () => {
    const layout = builtLayout();
    const fake = fakeElectron({ isPackaged: true, userData: layout.userData, safeStorageBackend: 'gnome_libsecret' });
    const started = startDesktopApp(fake.electron, {
      builtDir: layout.builtDir,
      env: { GATEWATCH_WEBHOOK_PORT: '0' },
      developmentBuild: false,
      log: () => {},
      platform: 'linux',
    });
    fake.ready();
    await started;
    const window = fake.windows[0]!;
    window.minimized = true;
    fake.secondLaunch();
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(fake.windows).toHaveLength(1);
    fake.secondLaunch();
    expect(window.calls.slice(3)).toEqual(['show', 'focus']);
    expect(await fake.quit()).toBe(0);
  });

  it('shows alerts as system notifications; a click brings the window to the front and opens what the alert is about', async () => {
    const layout = builtLayout();
    const fake = fakeElectron({ isPackaged: true, userData: layout.userData, safeStorageBackend: 'gnome_libsecret' });
    const started = startDesktopApp(fake.electron, {
      builtDir: layout.builtDir,
      env: { GATEWATCH_WEBHOOK_PORT: '0' },
      developmentBuild: false,
      log: () => {},
      platform: 'linux',
    });
    fake.ready();
    await started;
    const window = fake.windows[0]!;
    window.loadFinished!();
    window.minimized = true;
    expect(fake.notifications).toEqual([]);
    expect((await fake.call('alerts.test', {})).ok).toBe(true);
    expect(fake.notifications).toHaveLength(1);
    const [shown] = fake.notifications;
    expect(shown).toMatchObject({ options: { title: 'Gatewatch test notification', body: 'Notifications from this console arrive here.' }, shown: true });
    shown!.click!();
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(window.sent.filter(([, event]) => (event as { type: string }).type === 'alert.opened')).toEqual([
      ['gatewatch:push', { type: 'alert.opened', route: '#/settings' }],
    ]);
    expect(await fake.quit()).toBe(0);
  });

  it('says once in the log when the system cannot show notifications, and shows none', async () => {
    const layout = builtLayout();
    const fake = fakeElectron({ isPackaged: true, userData: layout.userData, safeStorageBackend: 'gnome_libsecret', notificationsSupported: false });
    const logged: string[] = [];
    const started = startDesktopApp(fake.electron, {
      builtDir: layout.builtDir,
      env: { GATEWATCH_WEBHOOK_PORT: '0' },
      developmentBuild: false,
      log: (line) => logged.push(line),
      platform: 'linux',
    });
    fake.ready();
    await started;
    await fake.call('alerts.test', {});
    expect(fake.notifications).toEqual([]);
    expect(logged).toContain('this system cannot show notifications: alerts are listed in Settings → Notifications only');
    expect(await fake.quit()).toBe(0);
  });

  it('writes gatewatch.log in the data dir (started, stopped), appended across launches', async () => {
    const layout = builtLayout();
    const openLogFile = (dir: string) => new RotatingFileLog({ file: logFileIn(dir) });
    for (let launch = 0; launch < 2; launch++) {
      const fake = fakeElectron({ isPackaged: true, userData: layout.userData, safeStorageBackend: 'gnome_libsecret' });
      const started = startDesktopApp(fake.electron, {
        builtDir: layout.builtDir,
        env: { GATEWATCH_WEBHOOK_PORT: '0' },
        developmentBuild: false,
        log: () => {},
        openLogFile,
        platform: 'linux',
      });
      fake.ready();
      await started;
      expect(await fake.quit()).toBe(0);
    }
    const lines = readFileSync(join(layout.userData, 'gatewatch.log'), 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => line.replace(/^\S+ /, ''))).toEqual([
      `desktop app started (data: ${layout.userData})`,
      'desktop app stopped',
      `desktop app started (data: ${layout.userData})`,
      'desktop app stopped',
    ]);
  });

  it('a failed start shows a dialog with the reason and where the log is, logs it, and quits', async () => {
    const layout = builtLayout();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const fake = fakeElectron({ isPackaged: true, userData: layout.userData, safeStorageBackend: 'gnome_libsecret' });
      const openLogFile = (dir: string) => new RotatingFileLog({ file: logFileIn(dir) });
      const started = startDesktopApp(fake.electron, {
        builtDir: layout.builtDir,
        env: { GATEWATCH_WEBHOOK_PORT: String(port) },
        developmentBuild: false,
        log: () => {},
        openLogFile,
        platform: 'linux',
      });
      fake.ready();
      await started;
      const logPath = join(layout.userData, 'gatewatch.log');
      expect(fake.errorBoxes).toHaveLength(1);
      expect(fake.errorBoxes[0]!.title).toBe('Gatewatch could not start');
      expect(fake.errorBoxes[0]!.content).toMatch(new RegExp(`${port}.*in use`));
      expect(fake.errorBoxes[0]!.content).toContain(`The log is in ${logPath}`);
      expect(fake.steps).toContain('quit');
      expect(fake.windows).toHaveLength(0);
      expect(readFileSync(logPath, 'utf8')).toMatch(new RegExp(`could not start: .*${port}.*in use`));
      expect(await fake.quit()).toBe(0);
    } finally {
      taken.close();
    }
  });
});
