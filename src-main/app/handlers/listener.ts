import type { listenerContract } from '../../../src-shared/contract/listener.js';
import { listenerStatus } from '../../services/listener-status.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function listenerHandlers(ctx: AppContext): FeatureHandlers<typeof listenerContract> {
  const status = () =>
    listenerStatus({
      listener: ctx.listener,
      host: ctx.options.webhookHost,
      port: ctx.options.webhookPort,
      bodyLimitBytes: ctx.options.bodyLimitBytes,
      settings: ctx.listenerSettings,
      deliveries: ctx.store.deliveries,
      discoverTunnel: ctx.discoverTunnel,
    });
  return {
    'listener.status': () => status(),
    'listener.configure': async (input) => {
      await ctx.listenerSettings.update({
        ...(input.publicBaseUrl !== undefined ? { publicBaseUrl: input.publicBaseUrl === '' ? null : input.publicBaseUrl } : {}),
        ...(input.trustForwardedHeaders !== undefined ? { trustForwardedHeaders: input.trustForwardedHeaders } : {}),
      });
      ctx.bus.publish({ type: 'listener.changed' });
      return status();
    },
  };
}
