import type { BrowserWindowConstructor, BrowserWindowLike, BrowserWindowOptionsLike, WebPreferencesLike } from './electron-api.js';
import { APP_INDEX_URL, isAppOrigin } from './app-protocol.js';

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
  /** Dev server URL (a development build only, see renderer-source.ts), or null for app://gatewatch. */
  devServerUrl: string | null;
}

/**
 * Whether a URL is the console's own page (the only place the window may be, and the only caller
 * of the API): app://gatewatch, or the dev server's origin in a development build. Nothing else.
 */
export function isAppUrl(url: string, options: Pick<MainWindowOptions, 'devServerUrl'>): boolean {
  if (options.devServerUrl) {
    try {
      return new URL(url).origin === new URL(options.devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return isAppOrigin(url);
}

/** Links the console shows (payment pages, block explorers) open in the user's browser, never inside the app. */
export function externalLinkToOpen(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
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
 * Creates the console window: navigation away from the app and window.open are denied; http(s)
 * links the user opens go to the system browser instead.
 */
export function createMainWindow(
  BrowserWindow: BrowserWindowConstructor,
  options: MainWindowOptions,
  openExternal: (url: string) => void = () => {},
): BrowserWindowLike {
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath));
  window.webContents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkToOpen(url);
    if (external) openExternal(external);
    return { action: 'deny' };
  });
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, options)) event.preventDefault();
  };
  window.webContents.on('will-navigate', stayHome);
  window.webContents.on('will-redirect', stayHome);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.devServerUrl ?? APP_INDEX_URL);
  return window;
}

/** A second launch brings the window back: restored when minimized, shown, focused. */
export function bringToFront(window: BrowserWindowLike): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
