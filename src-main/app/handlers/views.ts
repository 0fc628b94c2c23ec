import type { viewsContract } from '../../../src-shared/contract/views.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function viewHandlers(ctx: AppContext): FeatureHandlers<typeof viewsContract> {
  const service = ctx.views;
  return {
    'views.list': async () => ({ items: await service.list() }),
    'views.save': (input) => service.save(input),
    'views.delete': async (input) => ({ deleted: await service.delete(input.id) }),
  };
}
