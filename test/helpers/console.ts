import { startServeMode, type RunningConsole, type ServeModeOptions } from '../../src-main/serve/serve-mode.js';
import type { GatewatchDeps } from '../../src-main/app/gatewatch.js';
import { tempDir } from './temp.js';
import { createGatewatchDeps } from '../../src-main/app/default-deps.js';

export interface TestConsole extends RunningConsole {
  dataDir: string;
  /** POST a webhook to the listener. */
  post(path: string, body: string | Uint8Array, headers?: Record<string, string>): Promise<Response>;
  /** Call the console API as the renderer would in a browser. */
  api<T = unknown>(name: string, input?: unknown): Promise<{ status: number; body: T }>;
  /** Stops it; with keepData the data dir stays for a restart. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

export async function startTestConsole(
  options: {
    dataDir?: string;
    bodyLimitBytes?: number;
    rendererDir?: string | null;
    forward?: ServeModeOptions['forward'];
    /** Beyond loopback: bind address, TLS, public URL, trusted proxies. */
    exposure?: Pick<ServeModeOptions, 'consoleHost' | 'tls' | 'publicUrl' | 'trustProxy'>;
  } = {},
  deps: GatewatchDeps = {},
): Promise<TestConsole> {
  const dir = options.dataDir ? null : tempDir();
  const dataDir = options.dataDir ?? dir!.path;
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
    { ...createGatewatchDeps({ dataDir }), discoverTunnel: async () => null, ...deps },
  );
  return {
    ...running,
    dataDir,
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
      if (!keepData) dir?.remove();
    },
  };
}
