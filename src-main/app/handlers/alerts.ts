import type { alertsContract } from '../../../src-shared/contract/alerts.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function alertHandlers(ctx: AppContext): FeatureHandlers<typeof alertsContract> {
  const service = ctx.alerts;
  return {
    'alerts.get': async () => service.status(),
    'alerts.configure': (input) => service.configure(input),
    'alerts.test': async () => service.test(),
  };
}
