import { startServeMode, type RunningConsole, type ServeModeOptions } from '../../src-main/serve/serve-mode.js';
import type { GatewatchDeps } from '../../src-main/app/gatewatch.js';
import { tempDir } from './temp.js';
import { createGatewatchDeps } from '../../src-main/app/default-deps.js';
import type { OpenedStore, StoreBackend } from './store-backends.js';

export interface TestConsole extends RunningConsole {
  dataDir: string;
  /** The store it was started on when a backend was named (reopen it to start again on the same data). */
  opened: OpenedStore | null;
  /** POST a webhook to the listener. */
  post(path: string, body: string | Uint8Array, headers?: Record<string, string>): Promise<Response>;
  /** Call the console API as the renderer would in a browser. */
  api<T = unknown>(name: string, input?: unknown): Promise<{ status: number; body: T }>;
  /** Stops it; with keepData the data dir stays for a restart. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** Stores of consoles closed with keepData, by data dir: a console started again on that dir reopens its store. */
const openedByDir = new Map<string, OpenedStore>();

export async function startTestConsole(
  options: {
    dataDir?: string;
    bodyLimitBytes?: number;
    rendererDir?: string | null;
    forward?: ServeModeOptions['forward'];
    /** Beyond loopback: bind address, TLS, public URL, trusted proxies. */
    exposure?: Pick<ServeModeOptions, 'consoleHost' | 'tls' | 'publicUrl' | 'trustProxy'>;
    /** The store backend to start on (test/helpers/store-backends.ts); SQLite in the data dir when omitted. */
    backend?: StoreBackend;
    /** A store opened before (by a console closed with keepData): started again on it. */
    opened?: OpenedStore;
  } = {},
  deps: GatewatchDeps = {},
): Promise<TestConsole> {
  // SQLite is serve mode's own default (the store in the data dir); another backend's store is
  // opened here, and opened again when a console restarts on the same data dir.
  let opened: OpenedStore | null = options.opened ?? (options.dataDir ? (openedByDir.get(options.dataDir) ?? null) : null);
  if (opened) opened = { ...opened, store: await opened.reopen() };
  else if (options.backend && options.backend.name !== 'sqlite') opened = await options.backend.open();
  const dir = options.dataDir || opened ? null : tempDir();
  const dataDir = options.dataDir ?? opened?.dataDir ?? dir!.path;
  if (opened) openedByDir.set(dataDir, opened);
  const running = await startServeMode(
    {
      dataDir,
      webhookPort: 0,
      consolePort: 0,
      token: 'test-token-0123456789abcdef',
      bodyLimitBytes: options.bodyLimitBytes,
      forward: options.forward,
      rendererDir: options.rendererDir ?? null,
      ...options.exposure,
    },
    { ...createGatewatchDeps({ dataDir }), discoverTunnel: async () => null, ...(opened ? { store: opened.store } : {}), ...deps },
  ).catch(async (error: unknown) => {
    // Serve mode closes the store when it cannot start; what was made for it goes too.
    if (opened && !options.opened) {
      openedByDir.delete(dataDir);
      await opened.remove();
    }
    throw error;
  });
  return {
    ...running,
    dataDir,
    opened,
    post: (path, body, headers = { 'content-type': 'application/json' }) =>
      fetch(`${running.webhookBaseUrl}${path}`, { method: 'POST', body: typeof body === 'string' ? body : Buffer.from(body), headers }),
    async api(name, input = {}) {
      const response = await fetch(`${running.consoleOrigin}/api/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${running.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return { status: response.status, body: await response.json() };
    },
    async close({ keepData = false } = {}) {
      await running.stop();
      if (!keepData) {
        dir?.remove();
        openedByDir.delete(dataDir);
        await opened?.remove();
      }
    },
  };
}
