import type { deliveriesContract } from '../../../src-shared/contract/deliveries.js';
import { getDelivery, listDeliveries, revealDeliveryHeaders } from '../../services/deliveries.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function deliveryHandlers(ctx: AppContext): FeatureHandlers<typeof deliveriesContract> {
  return {
    'deliveries.list': async (input) => ctx.relay.providerRetries.withRelayStates(await listDeliveries(ctx.store.deliveries, input)),
    'deliveries.get': async (input) => ctx.relay.providerRetries.withProviderRetry(await getDelivery(ctx.store.deliveries, input.id)),
    'deliveries.revealHeaders': async (input) => {
      const { headers, credentialNames } = await revealDeliveryHeaders(ctx.store.deliveries, input.id);
      // Who saw which credentials, never the values.
      const names = credentialNames.length > 0 ? credentialNames.join(', ') : 'none present';
      await ctx.audit.record('deliveries.revealHeaders', input.id, `Revealed the credential headers of ${input.id} (${names})`, {
        headers: credentialNames,
      });
      return { headers };
    },
  };
}
