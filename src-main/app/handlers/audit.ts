import type { auditContract } from '../../../src-shared/contract/audit.js';
import { ApiError } from '../../../src-shared/contract/errors.js';
import type { AppContext } from '../context.js';
import type { FeatureHandlers } from './types.js';

/** "alice (token “deploy”)" and "alice" are alice; "owner (console token)" is owner. */
const whoOf = (actor: string) => actor.split(' (')[0]!;

export function auditHandlers(ctx: AppContext): FeatureHandlers<typeof auditContract> {
  return {
    'audit.list': async (input) => {
      const before = input.cursor === undefined ? undefined : Number(input.cursor);
      if (before !== undefined && !Number.isSafeInteger(before)) throw new ApiError('bad_request', 'The cursor is not one this console issued.');
      const query = { limit: input.limit + 1, beforeSeq: before, subject: input.subject, action: input.action };
      const rows = input.actor ? await ctx.store.auditActors.listBy(input.actor, query) : await ctx.store.audit.list(query);
      const page = rows.slice(0, input.limit);
      return {
        items: page.map(({ seq: _seq, ...entry }) => entry),
        nextCursor: rows.length > input.limit ? String(page[page.length - 1]!.seq) : null,
      };
    },
    'audit.actors': async () => ({ actors: [...new Set((await ctx.store.auditActors.actors()).map(whoOf))].sort() }),
  };
}
