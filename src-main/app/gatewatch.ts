import type { AddressInfo } from 'node:net';
import type { ProviderAdapter, WebhookSecret } from '../providers/types.js';
import type { DeliveryProvider, ProviderId } from '../../src-shared/domain/provider.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/types.js';
import { PushBus } from '../events/bus.js';
import { DerivationWorker } from '../pipeline/worker.js';
import { IngestQueue } from '../listener/ingest-queue.js';
import { WebhookListener } from '../listener/server.js';
import { ListenerSettingsService } from '../services/listener-settings.js';
import { createDispatcher, type Dispatcher } from '../dispatcher/dispatcher.js';
import { createHandlers } from './handlers.js';
import { GatewatchOptions } from './options.js';

export interface GatewatchDeps {
  /** The store; defaults to SQLite in the data dir. */
  store?: Store;
  /** Native module for better-sqlite3 (the desktop app's Electron build). */
  nativeBinding?: string;
  adapterFor?: (provider: DeliveryProvider) => ProviderAdapter | undefined;
  webhookSecrets?: (provider: ProviderId) => Promise<WebhookSecret[]>;
  discoverTunnel?: (port: number) => Promise<string | null>;
  log?: (message: string) => void;
}

/** The whole console without a window: store, listener, pipeline, dispatcher. */
export interface Gatewatch {
  readonly store: Store;
  readonly bus: PushBus;
  readonly dispatcher: Dispatcher;
  readonly worker: DerivationWorker;
  readonly listener: WebhookListener;
  start(): Promise<AddressInfo>;
  stop(): Promise<void>;
}

export function createGatewatch(rawOptions: GatewatchOptions, deps: GatewatchDeps = {}): Gatewatch {
  const options = GatewatchOptions.parse(rawOptions);
  const log = deps.log ?? (() => {});
  const store = deps.store ?? createSqliteStore(options.dataDir, { nativeBinding: deps.nativeBinding });
  const bus = new PushBus();
  const listenerSettings = new ListenerSettingsService(store.settings);
  const worker = new DerivationWorker(
    store.deliveries,
    {
      adapterFor: deps.adapterFor ?? (() => undefined),
      webhookSecrets: deps.webhookSecrets ?? (async () => []),
    },
    bus,
    (error) => log(`derivation failed: ${(error as Error).message}`),
  );
  const ingest = new IngestQueue(store.deliveries, (ids) => {
    bus.publish({ type: 'deliveries.received', ids });
    worker.schedule();
  });
  const listener = new WebhookListener(
    {
      host: options.webhookHost,
      port: options.webhookPort,
      bodyLimitBytes: options.bodyLimitBytes,
      trustForwardedHeaders: () => listenerSettings.get().trustForwardedHeaders,
      onError: (error) => log(`listener could not store a delivery: ${(error as Error).message}`),
    },
    ingest,
  );
  const handlers = createHandlers({
    store,
    bus,
    listener,
    listenerSettings,
    options,
    discoverTunnel: deps.discoverTunnel,
  });
  const dispatcher = createDispatcher(handlers, (error) => log(`internal error: ${(error as Error).stack ?? String(error)}`));

  return {
    store,
    bus,
    dispatcher,
    worker,
    listener,
    async start() {
      await listenerSettings.load();
      const address = await listener.start();
      worker.schedule(); // rows a crash left underived
      return address;
    },
    async stop() {
      await listener.stop();
      await worker.idle();
      worker.stop();
      await store.close();
    },
  };
}
