/**
 * The desktop app, given Electron's API: one instance (a second launch brings the first window
 * forward), the page from app://gatewatch, the contract over IPC, secrets under safeStorage or
 * the key file, a log file in the data dir, a dialog saying why it could not start, a clean quit.
 * main.ts only hands it the real Electron; the tests hand it typed fakes.
 */
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGatewatch, type Gatewatch } from '../app/gatewatch.js';
import { createGatewatchDeps } from '../app/default-deps.js';
import { serveModeCipher } from '../app/cipher-choice.js';
import { KEY_FILE_NAME } from '../secrets/cipher.js';
import { CONTENT_SECURITY_POLICY } from '../serve/security.js';
import { errorText } from '../pipeline/error-text.js';
import type { BrowserWindowLike, ElectronMainApi } from './electron-api.js';
import { bringToFront, createMainWindow, isAppUrl, type MainWindowOptions } from './window.js';
import { PushForwarder, registerContractHandlers } from './ipc.js';
import { chooseDesktopCipher, type KeyFileSource } from './desktop-cipher.js';
import { APP_SCHEME, appProtocolHandler, appScheme } from './app-protocol.js';
import { devServerUrl } from './renderer-source.js';
import { WorkspaceService } from '../workspace/workspace-service.js';
import { workspaceDispatcher, workspacePushes } from '../workspace/workspace-router.js';
import { safeStorageSealer } from './safe-storage-sealer.js';
import { showAlertsAsNotifications } from './notifications.js';

/** The key file serve mode uses, in the desktop's data folder (or GATEWATCH_MASTER_KEY). */
function desktopKeyFile(dataDir: string, env: NodeJS.ProcessEnv): KeyFileSource {
  return {
    cipher: () => serveModeCipher(dataDir, env),
    exists: () => Boolean(env.GATEWATCH_MASTER_KEY) || existsSync(join(dataDir, KEY_FILE_NAME)),
  };
}

/** The log file in the data dir (main.ts: gatewatch.log, rotated). */
export interface DesktopLogFile {
  readonly path: string;
  write(message: string): void;
}

export interface DesktopSetup {
  /** The folder of the built main entry (out/main): preload, renderer and thread scripts are beside it. */
  builtDir: URL;
  env: NodeJS.ProcessEnv;
  /** `import.meta.env.DEV` of the build. */
  developmentBuild: boolean;
  /** Where log lines go besides the log file (the terminal). */
  log(message: string): void;
  /** Opens the data dir's log file; only the instance holding the single-instance lock writes to it. */
  openLogFile?(dataDir: string): DesktopLogFile;
  platform?: NodeJS.Platform;
}

export const START_FAILED_TITLE = 'Gatewatch could not start';

/** Wires the app synchronously (what must precede `ready`); resolves once the window is open. */
export function startDesktopApp(electron: ElectronMainApi, setup: DesktopSetup): Promise<void> {
  const { app, BrowserWindow, ipcMain, protocol, session, safeStorage, shell, dialog, Notification } = electron;
  const { env } = setup;
  // A second launch leaves at once; the first is told ('second-instance') and shows its window.
  if (!app.requestSingleInstanceLock()) {
    setup.log('Gatewatch is already running: bringing its window to the front.');
    app.quit();
    return Promise.resolve();
  }
  const dataDir = app.getPath('userData');
  const logFile = setup.openLogFile?.(dataDir) ?? null;
  const log = (message: string) => {
    setup.log(message);
    logFile?.write(message);
  };
  const here = fileURLToPath(new URL('.', setup.builtDir));
  const source = devServerUrl({ isPackaged: app.isPackaged, developmentBuild: setup.developmentBuild, rendererUrl: env.ELECTRON_RENDERER_URL });
  if (source.ignored) log(source.ignored);
  const windowOptions: MainWindowOptions = { preloadPath: join(here, '../preload/index.cjs'), devServerUrl: source.url };
  // Only possible before `ready`.
  protocol.registerSchemesAsPrivileged([appScheme]);

  let gatewatch: Gatewatch | null = null;
  // This computer's store, or a team server's (Settings → Workspace); made with the store's settings.
  let workspace: WorkspaceService | null = null;
  let running = false;
  let mainWindow: BrowserWindowLike | null = null;
  let mainForwarder: PushForwarder | null = null;
  const pushesFor = (current: Gatewatch) => (workspace ? workspacePushes(current.bus, workspace) : current.bus);
  const openWindow = (current: Gatewatch) => {
    const window = createMainWindow(BrowserWindow, windowOptions, (url) => void shell.openExternal(url));
    mainWindow = window;
    const forwarder = new PushForwarder(window);
    mainForwarder = forwarder;
    // Pushes from where the window's calls go: this computer's bus, or the team server's stream.
    const unsubscribe = pushesFor(current).subscribe((event) => forwarder.send(event));
    window.on('closed', () => {
      unsubscribe();
      if (mainWindow === window) mainWindow = null;
    });
  };
  app.on('second-instance', () => {
    if (mainWindow) bringToFront(mainWindow);
    else if (gatewatch && running) openWindow(gatewatch); // macOS: the app was running without a window
  });

  app.on('window-all-closed', () => {
    if ((setup.platform ?? process.platform) !== 'darwin') app.quit();
  });
  // Quit only after the listener has drained and the store is closed.
  let stopping = false;
  app.on('before-quit', (event) => {
    if (!gatewatch || stopping) return;
    stopping = true;
    event.preventDefault();
    gatewatch
      .stop()
      .catch((error) => log(`shutdown failed: ${(error as Error).message}`))
      .finally(() => {
        logFile?.write('desktop app stopped');
        app.exit(0);
      });
  });

  const start = async () => {
    await app.whenReady();
    protocol.handle(APP_SCHEME, appProtocolHandler(join(here, '../renderer')));
    gatewatch = createGatewatch(
      {
        dataDir,
        // The port is set in Settings; the env var, when given, fixes it for this run.
        ...(env.GATEWATCH_WEBHOOK_PORT ? { webhookPort: Number(env.GATEWATCH_WEBHOOK_PORT), webhookPortFixedBy: 'GATEWATCH_WEBHOOK_PORT' } : {}),
        webhookHost: env.GATEWATCH_WEBHOOK_HOST ?? '127.0.0.1',
      },
      {
        ...createGatewatchDeps({ dataDir, log, builtDir: setup.builtDir }),
        cipher: chooseDesktopCipher(safeStorage, desktopKeyFile(dataDir, env), log, setup.platform),
        // The desktop start script builds better-sqlite3 for Electron's ABI beside the Node build.
        nativeBinding: env.GATEWATCH_NATIVE_BINDING,
        workspace: (settings) =>
          (workspace = new WorkspaceService({
            settings,
            sealer: safeStorageSealer(safeStorage, setup.platform),
            deviceLabel: `Gatewatch desktop on ${hostname()}`,
            log,
          })),
      },
    );
    // Before the start: the listener failing to get its port is the first alert.
    const current = gatewatch;
    showAlertsAsNotifications({
      Notification,
      bus: pushesFor(current),
      log,
      onOpen: (alert) => {
        if (!mainWindow && running) openWindow(current);
        if (mainWindow) bringToFront(mainWindow);
        if (alert.route) mainForwarder?.send({ type: 'alert.opened', route: alert.route });
      },
    });
    await gatewatch.start();
    await workspace!.load();

    // The dev server's pages; app:// answers carry the policy themselves.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
    // Nothing but writing to the clipboard (the copy buttons), and only for the console's own page.
    const allowed = (contents: { getURL(): string } | null, permission: string) =>
      permission === 'clipboard-sanitized-write' && contents !== null && isAppUrl(contents.getURL(), windowOptions);
    session.defaultSession.setPermissionRequestHandler((contents, permission, callback) => callback(allowed(contents, permission)));
    session.defaultSession.setPermissionCheckHandler((contents, permission) => allowed(contents, permission));
    // The window's calls: answered here, or carried to the team server the workspace names.
    registerContractHandlers(ipcMain, workspaceDispatcher(gatewatch.dispatcher, workspace!), (url) => isAppUrl(url, windowOptions));

    openWindow(gatewatch);
    running = true;
    app.on('activate', () => {
      if (gatewatch && BrowserWindow.getAllWindows().length === 0) openWindow(gatewatch);
    });
    logFile?.write(`desktop app started (data: ${dataDir})`);
  };
  return start().catch((error) => {
    // Said in a dialog, not only in a log nobody reads: the app would otherwise vanish silently.
    const reason = errorText(error);
    log(`could not start: ${reason}`);
    dialog.showErrorBox(START_FAILED_TITLE, logFile ? `${reason}\n\nThe log is in ${logFile.path}` : reason);
    app.quit();
  });
}
