import type { deliveriesContract } from '../../../src-shared/contract/deliveries.js';
import { getDelivery, listDeliveries } from '../../services/deliveries.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function deliveryHandlers(ctx: AppContext): FeatureHandlers<typeof deliveriesContract> {
  return {
    'deliveries.list': (input) => listDeliveries(ctx.store.deliveries, input),
    'deliveries.get': (input) => getDelivery(ctx.store.deliveries, input.id),
  };
}
