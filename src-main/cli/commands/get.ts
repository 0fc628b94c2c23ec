import type { Command } from '../command.js';
import { COMMON_HELP } from '../command.js';
import { detailText } from '../format.js';
import { CliError, EXIT, print } from '../io.js';

export const getCommand: Command = {
  name: 'get',
  summary: 'show one delivery: headers, body, signature check, meaning',
  help: `Usage: gatewatch get <delivery-id> [--body] [--json]

Shows a delivery as the delivery view does: the request line, headers in received order
(credential values masked), the signature check with why it failed, the normalized meaning,
its correlation keys and the body.

  --body                write only the body, its exact bytes, to stdout
${COMMON_HELP}

Exit: 0 shown, 2 bad flags, 3 no console, 4 token refused, 5 no such delivery.`,
  options: { body: { type: 'boolean' } },
  async run(values, positionals, ctx) {
    const [id, ...rest] = positionals;
    if (!id || rest.length > 0) throw new CliError(EXIT.usage, 'give one delivery id: gatewatch get dlv_…');
    const delivery = await ctx.client().call('deliveries.get', { id });
    if (values.body) {
      await print(ctx.io.stdout, Buffer.from(delivery.bodyBase64, 'base64') as unknown as string);
      return EXIT.ok;
    }
    await print(ctx.io.stdout, ctx.json ? `${JSON.stringify(delivery)}\n` : detailText(delivery));
    return EXIT.ok;
  },
};
