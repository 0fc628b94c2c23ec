import type { BrowserWindowConstructor, BrowserWindowLike, BrowserWindowOptionsLike, WebPreferencesLike } from './electron-api.js';

/** The renderer gets no Node, no Electron, its own isolated world and a sandboxed process. */
export function secureWebPreferences(preloadPath: string): WebPreferencesLike {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  /** Dev server URL, or null to load the built index.html. */
  devServerUrl: string | null;
  indexHtmlPath: string;
}

/** Whether a URL is the console's own page (the only place the window may be). */
export function isAppUrl(url: string, options: Pick<MainWindowOptions, 'devServerUrl' | 'indexHtmlPath'>): boolean {
  if (options.devServerUrl) return url.startsWith(options.devServerUrl);
  return url.startsWith('file://') && decodeURIComponent(new URL(url).pathname).endsWith(options.indexHtmlPath.replaceAll('\\', '/'));
}

export function mainWindowOptions(preloadPath: string): BrowserWindowOptionsLike {
  return {
    width: 1320,
    height: 860,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Gatewatch',
    backgroundColor: '#12151c',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/**
 * Creates the console window: navigation away from the app and window.open are denied (links
 * to provider dashboards are copied, not followed inside the app).
 */
export function createMainWindow(BrowserWindow: BrowserWindowConstructor, options: MainWindowOptions): BrowserWindowLike {
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath));
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, options)) event.preventDefault();
  };
  window.webContents.on('will-navigate', stayHome);
  window.webContents.on('will-redirect', stayHome);
  window.once('ready-to-show', () => window.show());
  if (options.devServerUrl) void window.loadURL(options.devServerUrl);
  else void window.loadFile(options.indexHtmlPath);
  return window;
}
