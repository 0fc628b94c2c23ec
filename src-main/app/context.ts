import type { DeliveryProvider } from '../../src-shared/domain/provider.js';
import type { ProviderAdapter } from '../providers/types.js';
import type { Store } from '../store/types.js';
import type { PushBus } from '../events/bus.js';
import type { DerivationWorker } from '../pipeline/worker.js';
import type { WebhookListener } from '../listener/server.js';
import type { ListenerSettingsService } from '../services/listener-settings.js';
import type { ListenerPort } from '../services/listener-port.js';
import type { ProviderConfigService } from '../services/provider-config.js';
import type { SecretVault } from '../secrets/vault.js';
import type { AuditLog } from '../services/audit.js';
import type { ResolvedOptions } from './options.js';
import type { TimelineSource } from '../services/timeline-source.js';
import type { RetentionService } from '../retention/retention-service.js';
import type { RelayFeature } from '../relay/index.js';
import type { AlertService } from '../alerts/alert-service.js';
import type { ViewsService } from '../views/views-service.js';
import type { Accounts } from '../accounts/accounts.js';
import type { WorkspaceControl } from '../workspace/workspace-control.js';

/** The services every feature's handlers are built from. */
export interface AppContext {
  options: ResolvedOptions;
  store: Store;
  bus: PushBus;
  worker: DerivationWorker;
  listener: WebhookListener;
  listenerSettings: ListenerSettingsService;
  listenerPort: ListenerPort;
  providerConfig: ProviderConfigService;
  vault: SecretVault;
  audit: AuditLog;
  adapterFor(provider: DeliveryProvider): ProviderAdapter | undefined;
  discoverTunnel?: (port: number) => Promise<string | null>;
  log(message: string): void;
  /** Sessions, replays and lookups add their steps to payment timelines through these. */
  timelineSources: TimelineSource[];
  retention: RetentionService;
  relay: RelayFeature;
  /** Alerts: evaluated here, pushed as `alert` events. */
  alerts: AlertService;
  /** Saved inbox views, shared by the team. */
  views: ViewsService;
  /** People, API tokens and sign-in sessions (serve mode signs people in with them). */
  accounts: Accounts;
  /** The desktop app's workspace choice; null elsewhere. */
  workspace: WorkspaceControl | null;
}
