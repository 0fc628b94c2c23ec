import type { AddressInfo } from 'node:net';
import type { ProviderAdapter } from '../providers/types.js';
import type { DeliveryProvider, ProviderId } from '../../src-shared/domain/provider.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/types.js';
import { PushBus } from '../events/bus.js';
import { DerivationWorker } from '../pipeline/worker.js';
import { InlineDeriver } from '../pipeline/deriver.js';
import { ThreadDeriver } from '../pipeline/thread-deriver.js';
import { errorText } from '../pipeline/error-text.js';
import { IngestQueue } from '../listener/ingest-queue.js';
import { WebhookListener } from '../listener/server.js';
import { StorageGuard } from '../listener/storage-guard.js';
import { ListenerSettingsService } from '../services/listener-settings.js';
import { SharedConfig } from '../services/shared-config.js';
import { ListenerPort } from '../services/listener-port.js';
import { DEFAULT_WEBHOOK_PORT } from '../../src-shared/contract/listener.js';
import { ProviderConfigService } from '../services/provider-config.js';
import { AuditLog } from '../services/audit.js';
import { SecretVault } from '../secrets/vault.js';
import type { SecretCipher } from '../secrets/cipher.js';
import { createDispatcher, type Dispatcher } from '../dispatcher/dispatcher.js';
import { createHandlers } from './handlers/index.js';
import type { AppContext } from './context.js';
import { GatewatchOptions } from './options.js';
import { serveModeCipher } from './cipher-choice.js';
import { createReplayTimelineSource } from '../replay/timeline-source.js';
import { createSessionTimelineSource } from '../sessions/timeline-source.js';
import { RetentionService } from '../retention/retention-service.js';
import { remaskStoredEchoes } from '../secrets/remask-stored.js';
import { createRelayFeature } from '../relay/index.js';
import { AlertService } from '../alerts/alert-service.js';
import { AlertSettingsService } from '../alerts/alert-settings.js';
import { listenerHealthOf, reportingSignatureFailures } from '../alerts/sources.js';
import type { AlertReportSource } from '../alerts/signals.js';
import { failingRouteAlerts, providerGaveUpAlerts } from '../alerts/relay-sources.js';
import { getDelivery } from '../services/deliveries.js';
import { ViewsService } from '../views/views-service.js';
import { createAccounts } from '../accounts/accounts.js';
import type { WorkspaceControl } from '../workspace/workspace-control.js';
import type { SettingsStore } from '../store/types.js';

export interface GatewatchDeps {
  /** The store; defaults to SQLite in the data dir. */
  store?: Store;
  /** Native module for better-sqlite3 (the desktop app's Electron build). */
  nativeBinding?: string;
  /** How secrets are encrypted at rest; defaults to AES-256-GCM with a key from the env or the data dir. */
  cipher?: SecretCipher;
  adapterFor?: (provider: DeliveryProvider) => ProviderAdapter | undefined;
  discoverTunnel?: (port: number) => Promise<string | null>;
  log?: (message: string) => void;
  /**
   * The built derivation thread script: derivation then runs beside the main thread's writes.
   * Only with the built-in adapters (the thread loads them itself); without it, derivation runs
   * in the main thread.
   */
  derivationThread?: { script: URL; argv?: string[] };
  /** The built checkpoint thread script (SQLite store): long checkpoints then do not hold the listener. */
  checkpointThread?: { script: URL; argv?: string[] };
  /** What reports alerts besides the service's own rules (the relay's failing routes and given-up retries). */
  alertSources?: AlertReportSource[];
  /** The desktop app's workspace choice (this computer or a team server), made over the store's settings. */
  workspace?: (settings: SettingsStore) => WorkspaceControl;
}

/** The whole console without a window: store, listener, pipeline, services, dispatcher. */
export interface Gatewatch {
  readonly context: AppContext;
  readonly store: Store;
  readonly bus: PushBus;
  readonly dispatcher: Dispatcher;
  readonly worker: DerivationWorker;
  readonly listener: WebhookListener;
  /** Resolves with the listener's address, or null when its port (from Settings) was taken: the console runs and says so. */
  start(): Promise<AddressInfo | null>;
  stop(): Promise<void>;
}

export function createGatewatch(rawOptions: GatewatchOptions, deps: GatewatchDeps = {}): Gatewatch {
  const options = GatewatchOptions.parse(rawOptions);
  const log = deps.log ?? (() => {});
  const store =
    deps.store ??
    createSqliteStore(options.dataDir, {
      nativeBinding: deps.nativeBinding,
      checkpointThread: deps.checkpointThread && { ...deps.checkpointThread, onError: (error) => log(error.message) },
    });
  const bus = new PushBus();
  // Instances sharing a store tell each other when they save what each keeps in memory (shared-config.ts).
  const sharedConfig = new SharedConfig(store.coordination, log);
  const vault = new SecretVault(store.secrets, deps.cipher ?? serveModeCipher(options.dataDir), store.settings);
  const providerConfig = new ProviderConfigService(store.settings, vault, () => sharedConfig.changed('providers'));
  const listenerSettings = new ListenerSettingsService(store.settings, () => sharedConfig.changed('listener-settings'));
  const alertSettings = new AlertSettingsService(store.settings, () => sharedConfig.changed('alert-settings'));
  const adapterFor = deps.adapterFor ?? (() => undefined);
  const onDerivationError = (error: unknown) => log(`derivation failed: ${errorText(error)}`);
  const webhookSecrets = (provider: ProviderId) => providerConfig.webhookSecrets(provider);
  const inlineDeriver = new InlineDeriver({ adapterFor, webhookSecrets }, onDerivationError);
  const deriver = deps.derivationThread
    ? new ThreadDeriver({ ...deps.derivationThread, webhookSecrets, fallback: inlineDeriver, onError: onDerivationError })
    : inlineDeriver;
  // Invalid signatures are counted for the alerts as derivation finds them (`alerts` is made below, used once running).
  const reportingDeriver = reportingSignatureFailures(deriver, (failures) => alerts.signatureFailures(failures));
  const worker = new DerivationWorker(store.deliveries, reportingDeriver, bus, onDerivationError);
  const ingest = new IngestQueue(store.deliveries, (ids) => {
    bus.publish({ type: 'deliveries.received', ids });
    worker.schedule();
  });
  const audit = new AuditLog(store.audit);
  // Before the listener: it reads the relay's route table on every request.
  const relay = createRelayFeature({
    store: store.relay,
    deliveries: store.deliveries,
    audit,
    bus,
    webhookSecrets,
    // Read when a route is saved: the listener is built by then, and its port may change at run time.
    listenerPort: () => listener.address()?.port ?? listenerPort.wanted(),
    log,
    onRoutesSaved: () => sharedConfig.changed('relay-routes'),
  });
  const listener = new WebhookListener(
    {
      host: options.webhookHost,
      port: options.webhookPort ?? DEFAULT_WEBHOOK_PORT,
      bodyLimitBytes: options.bodyLimitBytes,
      trustForwardedHeaders: () => listenerSettings.get().trustForwardedHeaders,
      rateLimit: () => listenerSettings.get().rateLimit,
      limits: options.listenerLimits,
      storage: new StorageGuard({
        sizeOnDisk: () => store.sizeOnDisk(),
        dataDir: options.dataDir,
        quotaBytes: () => listenerSettings.get().storageQuotaBytes,
        minFreeDiskBytes: options.listenerLimits.minFreeDiskBytes,
        minFreeDiskFraction: options.listenerLimits.minFreeDiskFraction,
        checkEveryMs: options.listenerLimits.storageCheckMs,
        onError: (error) => log(`could not read the store's size or the free disk space: ${errorText(error)}`),
      }),
      onError: (error) => log(`listener could not store a delivery: ${(error as Error).message}`),
      relay: relay.ingress,
    },
    ingest,
  );
  const listenerPort = new ListenerPort({
    listener,
    settings: listenerSettings,
    fixed: options.webhookPort === undefined ? null : { port: options.webhookPort, by: options.webhookPortFixedBy },
    log,
  });
  const retention = new RetentionService({
    deliveries: store.deliveries,
    settings: store.settings,
    log: (message) => {
      log(message);
      void audit.record('retention.prune', null, message).catch(() => {});
    },
  });
  const alerts = new AlertService({
    settings: alertSettings,
    bus,
    listenerHealth: listenerHealthOf(listener, listenerPort),
    sources: [
      failingRouteAlerts({ routes: relay.routes, bus, log }),
      providerGaveUpAlerts({
        readers: {
          answers: (ids) => store.relay.jobsForDeliveries(ids),
          delivery: (id) => getDelivery(store.deliveries, id),
          retryOf: (detail) => relay.providerRetries.forDelivery(detail),
        },
        bus,
        log,
      }),
      ...(deps.alertSources ?? []),
    ],
    log,
  });
  const context: AppContext = {
    options,
    store,
    bus,
    worker,
    listener,
    listenerSettings,
    listenerPort,
    providerConfig,
    vault,
    audit,
    adapterFor,
    discoverTunnel: deps.discoverTunnel,
    log,
    timelineSources: [createSessionTimelineSource(store.sessions), createReplayTimelineSource(store.replay), relay.timelineSource],
    retention,
    relay,
    alerts,
    views: new ViewsService({ store: store.views, audit, bus }),
    accounts: createAccounts({ store: store.accounts, audit }),
    workspace: deps.workspace?.(store.settings) ?? null,
  };
  const dispatcher = createDispatcher(createHandlers(context), (error) => log(`internal error: ${(error as Error).stack ?? String(error)}`));

  // The worker checkpoints the log when the listener is quiet; this is the floor if it cannot.
  let checkpointTimer: NodeJS.Timeout | null = null;

  return {
    context,
    store,
    bus,
    dispatcher,
    worker,
    listener,
    async start() {
      // Before anything is loaded, so that no change made elsewhere meanwhile goes unheard.
      sharedConfig.listen({
        'relay-routes': () => relay.reloadRoutes(),
        'listener-settings': async () => {
          await listenerSettings.load();
          // The port stays where this instance bound it (the setting applies at its next start);
          // the rate limit, forwarded headers and public URL are read per request, a quota at once.
          await listener.checkStorage();
          bus.publish({ type: 'listener.changed' });
        },
        providers: async () => providerConfig.forgetCachedSecrets(),
        'alert-settings': () => alertSettings.load(),
      });
      await listenerSettings.load();
      // Before the listener: a rebuild of a small store holds it for a few seconds, once.
      await remaskStoredEchoes({ secrets: () => vault.readableValues(), settings: store.settings, maintenance: store.maintenance, log }).catch((error) =>
        log(`could not mask the credentials in stored records (tried again at the next start): ${errorText(error)}`),
      );
      // Before the listener: it reads the relay's routes on every request.
      await relay.start(options.forward);
      const address = await listenerPort.start();
      worker.schedule(); // rows a crash left underived
      // After the listener: its first check sees whether it got its port.
      await alerts.start().catch((error) => log(`alerts could not start: ${errorText(error)}`));
      checkpointTimer = setInterval(() => {
        store.deliveries.checkpoint().catch((error) => log(`checkpoint failed: ${(error as Error).message}`));
      }, 60_000);
      checkpointTimer.unref();
      // Pruning runs only when a person turned it on; resume() reads that setting.
      void retention.resume().catch((error) => log(`retention could not start: ${(error as Error).message}`));
      return address;
    },
    async stop() {
      await sharedConfig.stop();
      if (checkpointTimer) clearInterval(checkpointTimer);
      alerts.stop();
      retention.stop();
      await retention.idle();
      await listener.stop();
      await relay.stop();
      await worker.stop();
      await store.close();
    },
  };
}
