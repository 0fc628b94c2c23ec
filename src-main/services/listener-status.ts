import { providerIds } from '../../src-shared/domain/provider.js';
import type { ListenerStatus } from '../../src-shared/contract/listener.js';
import type { DeliveryStore } from '../store/types.js';
import type { WebhookListener } from '../listener/server.js';
import type { ListenerSettingsService } from './listener-settings.js';
import type { ListenerPort } from './listener-port.js';
import { ngrokPublicUrl } from '../listener/public-url.js';

export interface ListenerStatusDeps {
  listener: WebhookListener;
  host: string;
  port: Pick<ListenerPort, 'wanted' | 'fixedBy' | 'problem'>;
  bodyLimitBytes: number;
  settings: ListenerSettingsService;
  deliveries: DeliveryStore;
  /** Looks for a running ngrok agent; injectable so tests do not depend on one. */
  discoverTunnel?: (port: number) => Promise<string | null>;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function listenerStatus(deps: ListenerStatusDeps): Promise<ListenerStatus> {
  const address = deps.listener.address();
  const port = address?.port ?? deps.port.wanted();
  const localBaseUrl = `http://${urlHost(deps.host)}:${port}`;
  const settings = deps.settings.get();
  let publicBaseUrl = settings.publicBaseUrl;
  let source: ListenerStatus['publicBaseUrlSource'] = publicBaseUrl ? 'setting' : null;
  if (!publicBaseUrl) {
    publicBaseUrl = await (deps.discoverTunnel ?? ngrokPublicUrl)(port);
    source = publicBaseUrl ? 'ngrok' : null;
  }
  const base = publicBaseUrl?.replace(/\/+$/, '') ?? null;
  const { storage, ...protection } = deps.listener.protection();
  return {
    listening: address !== null,
    host: deps.host,
    port,
    localBaseUrl,
    portSetting: settings.webhookPort,
    portFixedBy: deps.port.fixedBy,
    problem: address === null ? deps.port.problem : null,
    publicBaseUrl: base,
    publicBaseUrlSource: source,
    trustForwardedHeaders: settings.trustForwardedHeaders,
    bodyLimitBytes: deps.bodyLimitBytes,
    rateLimit: settings.rateLimit,
    protection,
    storage,
    urls: providerIds.map((provider) => ({
      provider,
      localUrl: `${localBaseUrl}/webhooks/${provider}`,
      publicUrl: base ? `${base}/webhooks/${provider}` : null,
    })),
    counts: await deps.deliveries.counts(),
  };
}
