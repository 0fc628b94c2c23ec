/**
 * The part of Electron's API this layer uses, typed here so that the layer type-checks and is
 * unit-tested even where the `electron` package (and its types) could not be installed.
 * Each member mirrors Electron's own signature.
 */
export interface WebPreferencesLike {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  spellcheck: boolean;
}

export interface BrowserWindowOptionsLike {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: WebPreferencesLike;
}

export interface WebContentsLike {
  id: number;
  send(channel: string, ...args: unknown[]): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): void;
  on(event: 'did-finish-load', listener: () => void): void;
  isDestroyed(): boolean;
}

export interface BrowserWindowLike {
  webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): void;
  on(event: 'closed', listener: () => void): void;
  show(): void;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

export type BrowserWindowConstructor = new (options: BrowserWindowOptionsLike) => BrowserWindowLike;

export interface IpcMainInvokeEventLike {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEventLike, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keyring, i.e. no real protection. */
  getSelectedStorageBackend?(): string;
}

export interface SessionLike {
  webRequest: {
    onHeadersReceived(
      listener: (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void,
    ): void;
  };
  setPermissionRequestHandler(handler: (webContents: { getURL(): string } | null, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: { getURL(): string } | null, permission: string) => boolean): void;
}

/** A system notification (Electron's Notification options, the members used here). */
export interface NotificationOptionsLike {
  title: string;
  body: string;
}

export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): void;
  on(event: 'close', listener: () => void): void;
}

export type NotificationConstructor = (new (
  options: NotificationOptionsLike,
) => NotificationLike) & {
  /** False where the system cannot show notifications (e.g. Linux without a notification daemon). */
  isSupported(): boolean;
};

/** A scheme given privileges before `ready` (Electron's CustomScheme, the members used here). */
export interface CustomSchemeLike {
  scheme: string;
  privileges: { standard?: boolean; secure?: boolean; supportFetchAPI?: boolean };
}

export interface ProtocolLike {
  /** Only before the app's `ready` event. */
  registerSchemesAsPrivileged(schemes: CustomSchemeLike[]): void;
  /** Serves every request of the scheme (default session) with a Fetch API Response. */
  handle(scheme: string, handler: (request: { url: string }) => Response | Promise<Response>): void;
}

export interface AppLike {
  whenReady(): Promise<void>;
  getPath(name: 'userData'): string;
  /** False when another instance holds the lock: that one is told through 'second-instance'. */
  requestSingleInstanceLock(): boolean;
  on(event: 'window-all-closed', listener: () => void): void;
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): void;
  on(event: 'activate', listener: () => void): void;
  on(event: 'second-instance', listener: () => void): void;
  quit(): void;
  exit(code?: number): void;
  isPackaged: boolean;
}

export interface ElectronMainApi {
  app: AppLike;
  BrowserWindow: BrowserWindowConstructor & { getAllWindows(): BrowserWindowLike[] };
  ipcMain: IpcMainLike;
  protocol: ProtocolLike;
  safeStorage: SafeStorageLike;
  session: { defaultSession: SessionLike };
  shell: { openExternal(url: string): Promise<void> };
  /** A modal error box; usable before `ready` too (on Linux it then prints to stderr). */
  dialog: { showErrorBox(title: string, content: string): void };
  /** Alerts as system notifications; usable after `ready`. */
  Notification: NotificationConstructor;
}

export interface ElectronPreloadApi {
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
    removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  };
}
