import { DeliveriesListInput } from '../../../src-shared/contract/deliveries.js';
import type { Command } from '../command.js';
import { COMMON_HELP } from '../command.js';
import { FILTER_HELP, FILTER_OPTIONS, parseFilter } from '../filters.js';
import { SUMMARY_HEADER, summaryLine } from '../format.js';
import { CliError, EXIT, print } from '../io.js';

export const searchCommand: Command = {
  name: 'search',
  summary: 'list deliveries matching a text and filters, newest first',
  help: `Usage: gatewatch search [TEXT] [filters] [--limit N] [--cursor C] [--json]

Lists the deliveries the inbox would show for this search, newest first. TEXT is full-text
search over bodies and references (the same as --q). When there are more, the line on stderr
gives the --cursor for the next page.

  --limit N             at most N (1-500, default 50)
  --cursor C            the next page, from a previous search
${FILTER_HELP}
${COMMON_HELP}

Exit: 0 listed (even none), 2 bad flags, 3 no console, 4 token refused.`,
  options: { ...FILTER_OPTIONS, limit: { type: 'string' }, cursor: { type: 'string' } },
  async run(values, positionals, ctx) {
    if (positionals.length > 1) throw new CliError(EXIT.usage, 'give the search text as one argument (quote it)');
    const filter = parseFilter({ ...values, q: positionals[0] ?? (values.q as string | undefined) });
    const input = DeliveriesListInput.safeParse({ ...filter, limit: values.limit === undefined ? 50 : Number(values.limit), cursor: values.cursor });
    if (!input.success) throw new CliError(EXIT.usage, `--${input.error.issues[0]!.path.join('.')}: ${input.error.issues[0]!.message}`);
    const page = await ctx.client().call('deliveries.list', input.data);
    if (ctx.json) {
      await print(ctx.io.stdout, `${JSON.stringify(page)}\n`);
      return EXIT.ok;
    }
    if (page.items.length > 0) await print(ctx.io.stdout, `${SUMMARY_HEADER}\n${page.items.map(summaryLine).join('\n')}\n`);
    const total = `${page.totalIsEstimate ? 'about ' : ''}${page.total}`;
    await print(ctx.io.stderr, `${page.items.length} shown of ${total}${page.nextCursor ? `; next page: --cursor ${page.nextCursor}` : ''}\n`);
    return EXIT.ok;
  },
};
