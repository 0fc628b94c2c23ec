import type { Store } from '../store/types.js';
import type { PushBus } from '../events/bus.js';
import type { WebhookListener } from '../listener/server.js';
import type { ListenerSettingsService } from '../services/listener-settings.js';
import type { CallHandlers } from '../dispatcher/dispatcher.js';
import { getDelivery, listDeliveries } from '../services/deliveries.js';
import { listenerStatus } from '../services/listener-status.js';
import type { ResolvedOptions } from './options.js';

export interface HandlerDeps {
  store: Store;
  bus: PushBus;
  listener: WebhookListener;
  listenerSettings: ListenerSettingsService;
  options: ResolvedOptions;
  discoverTunnel?: (port: number) => Promise<string | null>;
}

/** Maps every contract call to its service. */
export function createHandlers(deps: HandlerDeps): CallHandlers {
  const status = () =>
    listenerStatus({
      listener: deps.listener,
      host: deps.options.webhookHost,
      port: deps.options.webhookPort,
      bodyLimitBytes: deps.options.bodyLimitBytes,
      settings: deps.listenerSettings,
      deliveries: deps.store.deliveries,
      discoverTunnel: deps.discoverTunnel,
    });
  return {
    'deliveries.list': (input) => listDeliveries(deps.store.deliveries, input),
    'deliveries.get': (input) => getDelivery(deps.store.deliveries, input.id),
    'listener.status': () => status(),
    'listener.configure': async (input) => {
      await deps.listenerSettings.update({
        ...(input.publicBaseUrl !== undefined ? { publicBaseUrl: input.publicBaseUrl === '' ? null : input.publicBaseUrl } : {}),
        ...(input.trustForwardedHeaders !== undefined ? { trustForwardedHeaders: input.trustForwardedHeaders } : {}),
      });
      deps.bus.publish({ type: 'listener.changed' });
      return status();
    },
  };
}
