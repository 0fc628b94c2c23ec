import type { retentionContract } from '../../../src-shared/contract/retention.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function retentionHandlers(ctx: AppContext): FeatureHandlers<typeof retentionContract> {
  const service = ctx.retention;
  return {
    'retention.get': () => service.status(),
    'retention.preview': (input) => service.preview(input.days),
    'retention.configure': (input) => service.configure(input),
    'retention.pruneNow': async (input) => ({ ...(await service.pruneNow(input.days)), status: await service.status() }),
  };
}
