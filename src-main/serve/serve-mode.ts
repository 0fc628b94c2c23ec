import { randomBytes } from 'node:crypto';
import { createGatewatch, type Gatewatch, type GatewatchDeps } from '../app/gatewatch.js';
import { ConsoleServer } from './api-server.js';
import { interopRoutes } from './interop-routes.js';
import type { ForwardSpec } from '../relay/forward-flag.js';
import { checkExposure } from './exposure.js';
import { startTeamSweep } from './team-sweep.js';
import { bridgeInstancePushes } from '../events/instance-pushes.js';

export interface ServeModeOptions {
  dataDir: string;
  webhookHost?: string;
  /** Fixes the listener's port for this run; omitted, the port set in Settings (else 8787). */
  webhookPort?: number;
  /** What fixed it (e.g. "--webhook-port"), for the console to say. */
  webhookPortFixedBy?: string;
  consolePort?: number;
  /** The console's bind address; beyond loopback only with accounts, and TLS or a named proxy (exposure.ts). */
  consoleHost?: string;
  /** PEM certificate and key: the console speaks https. */
  tls?: { cert: Buffer; key: Buffer } | null;
  /** The address people open (`--public-url`). */
  publicUrl?: URL | null;
  /** The reverse proxy's addresses (`--trust-proxy`). */
  trustProxy?: readonly string[];
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
  const consoleHost = options.consoleHost ?? '127.0.0.1';
  const server = new ConsoleServer(
    {
      host: consoleHost,
      port: options.consolePort ?? 8788,
      token,
      rendererDir: options.rendererDir,
      getRoutes: interopRoutes(
        { deliveries: gatewatch.store.deliveries, replays: gatewatch.store.replay, relays: gatewatch.store.relay },
        gatewatch.context.log,
      ),
      tls: options.tls ?? null,
      publicUrl: options.publicUrl ?? null,
      trustedProxies: options.trustProxy ?? [],
    },
    gatewatch.dispatcher,
    gatewatch.bus,
    gatewatch.context.accounts,
  );
  let consoleAddress: Awaited<ReturnType<ConsoleServer['start']>>;
  try {
    checkExposure({
      consoleHost,
      tls: Boolean(options.tls),
      trustProxy: options.trustProxy ?? [],
      publicUrl: options.publicUrl ?? null,
      anyoneCanSignIn: await gatewatch.context.accounts.people.anyoneCanSignIn(),
    });
    consoleAddress = await server.start();
  } catch (error) {
    await gatewatch.stop();
    throw error;
  }
  const stopSweep = startTeamSweep(gatewatch, gatewatch.context.log);
  // A delivery received by another instance on the same database shows live in this one's consoles.
  const stopPushes = bridgeInstancePushes(gatewatch.bus, gatewatch.store.coordination, gatewatch.context.log);
  const webhookHost = options.webhookHost && !['0.0.0.0', '::'].includes(options.webhookHost) ? options.webhookHost : '127.0.0.1';
  // A console bound to one outside address answers there only: its public URL is the way in.
  const boundElsewhere = !['127.0.0.1', 'localhost', '0.0.0.0', '::'].includes(consoleHost) && options.publicUrl;
  const consoleOrigin = boundElsewhere ? options.publicUrl!.origin : `${options.tls ? 'https' : 'http'}://127.0.0.1:${consoleAddress.port}`;
  return {
    gatewatch,
    token,
    webhookBaseUrl: `http://${webhookHost.includes(':') ? `[${webhookHost}]` : webhookHost}:${webhook?.port ?? gatewatch.context.listenerPort.wanted()}`,
    listenerProblem: gatewatch.context.listenerPort.problem,
    consoleUrl: `${consoleOrigin}/?token=${encodeURIComponent(token)}`,
    consoleOrigin,
    async stop() {
      stopSweep();
      stopPushes();
      await server.stop();
      await gatewatch.stop();
    },
  };
}
