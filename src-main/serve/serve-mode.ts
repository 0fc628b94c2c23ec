import { randomBytes } from 'node:crypto';
import { createGatewatch, type Gatewatch, type GatewatchDeps } from '../app/gatewatch.js';
import { ConsoleServer } from './api-server.js';
import { interopRoutes } from './interop-routes.js';
import type { ForwardSpec } from '../relay/forward-flag.js';

export interface ServeModeOptions {
  dataDir: string;
  webhookHost?: string;
  /** Fixes the listener's port for this run; omitted, the port set in Settings (else 8787). */
  webhookPort?: number;
  /** What fixed it (e.g. "--webhook-port"), for the console to say. */
  webhookPortFixedBy?: string;
  consolePort?: number;
  token?: string;
  bodyLimitBytes?: number;
  /** Passthrough relay routes to set up at start (--forward). */
  forward?: ForwardSpec[];
  rendererDir: string | null;
}

export interface RunningConsole {
  gatewatch: Gatewatch;
  token: string;
  webhookBaseUrl: string;
  /** Why the listener is not listening (its port from Settings was taken); the console runs and says so too. */
  listenerProblem: string | null;
  /** The page to open; it carries the token, which the page keeps and drops from the address bar. */
  consoleUrl: string;
  consoleOrigin: string;
  stop(): Promise<void>;
}

/** Starts the console without Electron: listener + loopback API + the renderer as a web page. */
export async function startServeMode(options: ServeModeOptions, deps: GatewatchDeps = {}): Promise<RunningConsole> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const gatewatch = createGatewatch(
    {
      dataDir: options.dataDir,
      webhookHost: options.webhookHost,
      webhookPort: options.webhookPort,
      webhookPortFixedBy: options.webhookPortFixedBy,
      bodyLimitBytes: options.bodyLimitBytes,
      forward: options.forward,
    },
    deps,
  );
  const webhook = await gatewatch.start();
  const server = new ConsoleServer(
    {
      host: '127.0.0.1',
      port: options.consolePort ?? 8788,
      token,
      rendererDir: options.rendererDir,
      getRoutes: interopRoutes({ deliveries: gatewatch.store.deliveries, replays: gatewatch.store.replay }, gatewatch.context.log),
    },
    gatewatch.dispatcher,
    gatewatch.bus,
  );
  let consoleAddress: Awaited<ReturnType<ConsoleServer['start']>>;
  try {
    consoleAddress = await server.start();
  } catch (error) {
    await gatewatch.stop();
    throw error;
  }
  const webhookHost = options.webhookHost && !['0.0.0.0', '::'].includes(options.webhookHost) ? options.webhookHost : '127.0.0.1';
  const consoleOrigin = `http://127.0.0.1:${consoleAddress.port}`;
  return {
    gatewatch,
    token,
    webhookBaseUrl: `http://${webhookHost.includes(':') ? `[${webhookHost}]` : webhookHost}:${webhook?.port ?? gatewatch.context.listenerPort.wanted()}`,
    listenerProblem: gatewatch.context.listenerPort.problem,
    consoleUrl: `${consoleOrigin}/?token=${encodeURIComponent(token)}`,
    consoleOrigin,
    async stop() {
      await server.stop();
      await gatewatch.stop();
    },
  };
}
