import type { interopContract } from '../../../src-shared/contract/interop.js';
import { importDeliveries } from '../../interop/import/import-service.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function interopHandlers(ctx: AppContext): FeatureHandlers<typeof interopContract> {
  return {
    'deliveries.import': async (input) => {
      const result = await importDeliveries(
        {
          deliveries: ctx.store.deliveries,
          onStored: (ids) => {
            ctx.bus.publish({ type: 'deliveries.received', ids });
            ctx.worker.schedule();
          },
        },
        input,
      );
      const from = input.curl !== undefined ? 'a pasted cURL command' : (input.fileName ?? 'a HAR file');
      const ids = result.imported.map((d) => d.id);
      await ctx.audit.record(
        'deliveries.import',
        ids.length === 1 ? ids[0]! : null,
        `Imported ${ids.length} ${ids.length === 1 ? 'delivery' : 'deliveries'} from ${from}`,
        {
          ids,
          skipped: result.skipped.length,
        },
      );
      return result;
    },
  };
}
