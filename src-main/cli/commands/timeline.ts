import type { Command } from '../command.js';
import { COMMON_HELP } from '../command.js';
import { timelineText } from '../format.js';
import { CliError, EXIT, print } from '../io.js';

export const timelineCommand: Command = {
  name: 'timeline',
  summary: "a payment's history from any of its ids, in time order",
  help: `Usage: gatewatch timeline <key> [--json]

Every webhook, session, status check, replay and lookup of one payment, found from any of its
ids (session id, reference, transaction id, invoice id…), in time order, with where the payment
stands and what looks wrong (out of order, duplicates, failed signatures…).
${COMMON_HELP}

Exit: 0 shown (even an empty timeline), 2 bad flags, 3 no console, 4 token refused.`,
  options: {},
  async run(_values, positionals, ctx) {
    const [key, ...rest] = positionals;
    if (!key || rest.length > 0) throw new CliError(EXIT.usage, 'give one key: gatewatch timeline <session id, reference, tx id…>');
    const timeline = await ctx.client().call('timeline.get', { key });
    await print(ctx.io.stdout, ctx.json ? `${JSON.stringify(timeline)}\n` : timelineText(timeline));
    return EXIT.ok;
  },
};
