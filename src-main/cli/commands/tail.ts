import type { DeliverySummary } from '../../../src-shared/domain/delivery.js';
import type { Command } from '../command.js';
import { COMMON_HELP } from '../command.js';
import { FILTER_HELP, FILTER_OPTIONS, parseFilter } from '../filters.js';
import { SUMMARY_HEADER, summaryLine } from '../format.js';
import { CliError, EXIT, print } from '../io.js';

/** Ids already shown, the newest this many (a Set keeps insertion order, so the oldest go first). */
const REMEMBERED = 10_000;

export const tailCommand: Command = {
  name: 'tail',
  summary: 'follow deliveries live as they arrive (filtered)',
  help: `Usage: gatewatch tail [filters] [--last N] [--count N] [--json]

Shows the newest deliveries the filter matches, then each new one as it arrives (pushed by
serve mode, no polling), until Ctrl-C. A delivery that starts matching once it is verified
(--verification, --status) shows up then.

  --last N              show the N newest first (default 10; 0 for none)
  --count N             stop after N new deliveries (scripts)
${FILTER_HELP}
${COMMON_HELP}

With --json, one delivery (the inbox row) per line.
Exit: 0 stopped (Ctrl-C or --count reached), 2 bad flags, 3 no console or it went away, 4 token refused.`,
  options: { ...FILTER_OPTIONS, last: { type: 'string' }, count: { type: 'string' } },
  async run(values, positionals, ctx) {
    if (positionals.length > 0) throw new CliError(EXIT.usage, `unexpected argument "${positionals[0]}"`);
    const filter = parseFilter(values);
    const last = values.last === undefined ? 10 : Number(values.last);
    const count = values.count === undefined ? Number.POSITIVE_INFINITY : Number(values.count);
    if (!Number.isInteger(last) || last < 0 || last > 500) throw new CliError(EXIT.usage, '--last takes a whole number from 0 to 500');
    if (values.count !== undefined && (!Number.isInteger(count) || count < 1)) throw new CliError(EXIT.usage, '--count takes a whole number above 0');
    const client = ctx.client();
    const controller = new AbortController();
    void ctx.io.interrupted?.then(() => controller.abort());
    // Connected before the first page is read, so nothing arriving in between is missed.
    const events = await client.events(controller.signal);
    const seen = new Set<string>();
    let shown = 0;
    let headerShown = false;
    const show = async (items: DeliverySummary[], counted: boolean) => {
      for (const item of [...items].reverse()) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        if (seen.size > REMEMBERED) seen.delete(seen.values().next().value!);
        if (!ctx.json && !headerShown) {
          headerShown = true;
          await print(ctx.io.stdout, `${SUMMARY_HEADER}\n`);
        }
        await print(ctx.io.stdout, `${ctx.json ? JSON.stringify(item) : summaryLine(item)}\n`);
        if (counted && ++shown >= count) {
          controller.abort();
          return;
        }
      }
    };
    const first = await client.call('deliveries.list', { ...filter, limit: Math.max(last, 100) });
    for (const item of first.items.slice(last)) seen.add(item.id); // matched before, not shown
    await show(first.items.slice(0, last), false);
    if (!ctx.json) await print(ctx.io.stderr, 'Waiting for deliveries (Ctrl-C to stop)…\n');
    for await (const event of events) {
      if (event.type !== 'deliveries.received' && event.type !== 'deliveries.updated') continue;
      const page = await client.call('deliveries.list', { ...filter, limit: 100 });
      await show(page.items, true);
      if (controller.signal.aborted) break;
    }
    return EXIT.ok;
  },
};
