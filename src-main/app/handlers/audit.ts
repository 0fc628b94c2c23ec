import type { auditContract } from '../../../src-shared/contract/audit.js';
import { ApiError } from '../../../src-shared/contract/errors.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

export function auditHandlers(ctx: AppContext): FeatureHandlers<typeof auditContract> {
  return {
    'audit.list': async (input) => {
      const before = input.cursor === undefined ? undefined : Number(input.cursor);
      if (before !== undefined && !Number.isSafeInteger(before)) throw new ApiError('bad_request', 'The cursor is not one this console issued.');
      const rows = await ctx.store.audit.list({ limit: input.limit + 1, beforeSeq: before, subject: input.subject, action: input.action });
      const page = rows.slice(0, input.limit);
      return {
        items: page.map(({ seq: _seq, ...entry }) => entry),
        nextCursor: rows.length > input.limit ? String(page[page.length - 1]!.seq) : null,
      };
    },
  };
}
