import type { retentionContract } from '../../../src-shared/contract/retention.js';
import { RetentionService } from '../../retention/retention-service.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function retentionHandlers(ctx: AppContext): FeatureHandlers<typeof retentionContract> {
  const service = new RetentionService({ deliveries: ctx.store.deliveries, settings: ctx.store.settings, log: ctx.log });
  // Pruning runs only when a person turned it on; resume() reads that setting.
  void service.resume().catch((error) => ctx.log(`retention could not start: ${(error as Error).message}`));
  return {
    'retention.get': () => service.status(),
    'retention.preview': (input) => service.preview(input.days),
    'retention.configure': (input) => service.configure(input),
    'retention.pruneNow': async (input) => ({ ...(await service.pruneNow(input.days)), status: await service.status() }),
  };
}
