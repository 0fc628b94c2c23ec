import type { listenerContract } from '../../../src-shared/contract/listener.js';
import { listenerStatus } from '../../services/listener-status.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function listenerHandlers(ctx: AppContext): FeatureHandlers<typeof listenerContract> {
  const status = () =>
    listenerStatus({
      listener: ctx.listener,
      host: ctx.options.webhookHost,
      port: ctx.listenerPort,
      bodyLimitBytes: ctx.options.bodyLimitBytes,
      settings: ctx.listenerSettings,
      deliveries: ctx.store.deliveries,
      discoverTunnel: ctx.discoverTunnel,
    });
  return {
    'listener.status': () => status(),
    'listener.configure': async (input) => {
      // First: a port that cannot be had refuses the whole change, in words.
      if (input.webhookPort !== undefined) await ctx.listenerPort.change(input.webhookPort);
      await ctx.listenerSettings.update({
        ...(input.publicBaseUrl !== undefined ? { publicBaseUrl: input.publicBaseUrl === '' ? null : input.publicBaseUrl } : {}),
        ...(input.trustForwardedHeaders !== undefined ? { trustForwardedHeaders: input.trustForwardedHeaders } : {}),
        ...(input.rateLimit !== undefined ? { rateLimit: input.rateLimit } : {}),
        ...(input.storageQuotaBytes !== undefined ? { storageQuotaBytes: input.storageQuotaBytes } : {}),
      });
      // A new quota applies at once, not at the next periodic read of the store's size.
      if (input.storageQuotaBytes !== undefined) await ctx.listener.checkStorage();
      ctx.bus.publish({ type: 'listener.changed' });
      return status();
    },
  };
}
