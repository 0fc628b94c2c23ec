import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createGatewatch, type Gatewatch } from '../app/gatewatch.js';
import { createGatewatchDeps } from '../app/default-deps.js';
import { CONTENT_SECURITY_POLICY } from '../serve/security.js';
import type { ElectronMainApi } from './electron-api.js';
import { createMainWindow, isAppUrl } from './window.js';
import { PushForwarder, registerContractHandlers } from './ipc.js';
import { desktopCipher } from './safe-storage-cipher.js';
import { serveModeCipher } from '../app/cipher-choice.js';

// Loaded through require so that this layer compiles where Electron's package is absent.
const electron = createRequire(import.meta.url)('electron') as ElectronMainApi;
const { app, BrowserWindow, ipcMain, session, safeStorage, shell } = electron;

const here = fileURLToPath(new URL('.', import.meta.url));
const windowOptions = {
  preloadPath: join(here, '../preload/index.cjs'),
  devServerUrl: process.env.ELECTRON_RENDERER_URL ?? null,
  indexHtmlPath: join(here, '../renderer/index.html'),
};

let gatewatch: Gatewatch | null = null;

function openWindow(current: Gatewatch): void {
  const window = createMainWindow(BrowserWindow, windowOptions, (url) => void shell.openExternal(url));
  const forwarder = new PushForwarder(window);
  const unsubscribe = current.bus.subscribe((event) => forwarder.send(event));
  window.on('closed', unsubscribe);
}

async function start(): Promise<void> {
  await app.whenReady();
  const log = (message: string) => console.error(`gatewatch: ${message}`);
  const dataDir = app.getPath('userData');
  gatewatch = createGatewatch(
    {
      dataDir,
      webhookPort: Number(process.env.GATEWATCH_WEBHOOK_PORT ?? 8787),
      webhookHost: process.env.GATEWATCH_WEBHOOK_HOST ?? '127.0.0.1',
    },
    {
      ...createGatewatchDeps({ dataDir, log, builtDir: new URL('./', import.meta.url) }),
      cipher: desktopCipher(safeStorage, () => serveModeCipher(dataDir), log),
      // The desktop start script builds better-sqlite3 for Electron's ABI beside the Node build.
      nativeBinding: process.env.GATEWATCH_NATIVE_BINDING,
    },
  );
  await gatewatch.start();

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // Nothing but writing to the clipboard (the copy buttons), and only for the console's own page.
  const allowed = (contents: { getURL(): string } | null, permission: string) =>
    permission === 'clipboard-sanitized-write' && contents !== null && isAppUrl(contents.getURL(), windowOptions);
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback) => callback(allowed(contents, permission)));
  session.defaultSession.setPermissionCheckHandler((contents, permission) => allowed(contents, permission));
  registerContractHandlers(ipcMain, gatewatch.dispatcher, (url) => isAppUrl(url, windowOptions));

  openWindow(gatewatch);
  app.on('activate', () => {
    if (gatewatch && BrowserWindow.getAllWindows().length === 0) openWindow(gatewatch);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
// Quit only after the listener has drained and the store is closed.
let stopping = false;
app.on('before-quit', (event) => {
  if (!gatewatch || stopping) return;
  stopping = true;
  event.preventDefault();
  gatewatch
    .stop()
    .catch((error) => console.error(`gatewatch: shutdown failed: ${(error as Error).message}`))
    .finally(() => app.exit(0));
});

start().catch((error) => {
  console.error(`gatewatch: could not start: ${(error as Error).message}`);
  app.quit();
});
