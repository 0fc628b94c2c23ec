import type { ReplayTargetView } from '../../../src-shared/contract/replay.js';
import type { Command, CommandContext } from '../command.js';
import { COMMON_HELP } from '../command.js';
import type { ConsoleClient } from '../client.js';
import { FILTER_HELP, FILTER_OPTIONS, parseFilter } from '../filters.js';
import { CliError, EXIT, print } from '../io.js';

async function findTarget(client: ConsoleClient, wanted: string): Promise<ReplayTargetView> {
  const { targets } = await client.call('replay.targets.list', {});
  const exact = targets.find((t) => t.id === wanted || t.name === wanted);
  const loose = targets.filter((t) => t.name.toLowerCase() === wanted.toLowerCase());
  const target = exact ?? (loose.length === 1 ? loose[0] : undefined);
  if (target) return target;
  const names = targets.map((t) => `"${t.name}"`).join(', ') || 'none yet (add one under Settings → Replay targets)';
  throw new CliError(EXIT.notFound, `no replay target "${wanted}"; the targets are: ${names}`);
}

/**
 * The console's rules: one send to a target not sent to before, or one that looks like a
 * provider's production API, needs confirming; every bulk replay is confirmed, for its count.
 */
async function confirmed(ctx: CommandContext, target: ReplayTargetView, what: string, options: { yes: boolean; bulk: boolean }): Promise<boolean> {
  const reason = target.productionLike
    ? `it looks like a production API (${target.productionLike})`
    : target.needsConfirmation
      ? 'nothing has been sent there yet'
      : options.bulk
        ? 'a bulk replay is sent only once confirmed'
        : null;
  if (reason === null) return false;
  if (options.yes) return true;
  if (ctx.io.interactive && ctx.io.confirm) {
    if (await ctx.io.confirm(`Send ${what} to "${target.name}" (${target.url})? ${reason}. [y/N] `)) return true;
    throw new CliError(EXIT.refused, 'not sent');
  }
  throw new CliError(EXIT.refused, `sending ${what} to "${target.name}" (${target.url}) needs confirming: ${reason}. Run again with --yes to confirm`);
}

export const replayCommand: Command = {
  name: 'replay',
  summary: 'send stored deliveries, byte for byte, to a replay target',
  help: `Usage: gatewatch replay --target NAME|ID (--id DELIVERY… | filters) [--resign] [--yes] [--json]

Sends stored deliveries to a saved replay target (Settings → Replay targets), exactly as
received (credential headers dropped unless the target keeps them). One --id sends it and shows
the staging answer; several, or a filter, start a bulk replay and follow it to the end.

Confirmation, as in the console: every bulk replay (several --id, or a filter) is confirmed
for the number of deliveries it sends, and so is a send to a target not sent to before or one
that looks like a provider's production API: a question on a terminal, or --yes.

  --target NAME|ID      the replay target (required)
  --id DELIVERY         a delivery to send (repeatable, at most 1000)
  --resign              sign again with the target's signing secret
  --concurrency N       bulk: at most N at once (1-8, default 1)
  --yes                 confirm sending to a target that needs it
  --no-wait             bulk: start it and print the job, do not follow it
${FILTER_HELP}
${COMMON_HELP}

Exit: 0 all sent and answered 2xx, 1 some failed (or the job paused: staging stopped answering), 2 bad flags, 3 no console, 4 token refused,
5 no such target or delivery, 6 refused (needs confirming, nothing matches…).`,
  options: {
    ...FILTER_OPTIONS,
    target: { type: 'string' },
    id: { type: 'string', multiple: true },
    resign: { type: 'boolean' },
    concurrency: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    'no-wait': { type: 'boolean' },
  },
  async run(values, positionals, ctx) {
    if (positionals.length > 0) throw new CliError(EXIT.usage, `unexpected argument "${positionals[0]}"`);
    if (typeof values.target !== 'string') throw new CliError(EXIT.usage, 'say where to send: --target NAME');
    const ids = (values.id as string[] | undefined) ?? [];
    const filter = parseFilter(values);
    const hasFilter = Object.keys(filter).length > 0;
    if (ids.length > 0 && hasFilter) throw new CliError(EXIT.usage, 'give either --id or a filter, not both');
    if (ids.length === 0 && !hasFilter) throw new CliError(EXIT.usage, 'say which deliveries: --id DELIVERY, or a filter such as --provider paychant');
    const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
    const client = ctx.client();
    const target = await findTarget(client, values.target);
    const resign = values.resign === true;

    if (ids.length === 1) {
      const confirm = await confirmed(ctx, target, `delivery ${ids[0]}`, { yes: values.yes === true, bulk: false });
      const attempt = await client.call('replay.send', { deliveryId: ids[0]!, targetId: target.id, resign, confirm });
      const answer = attempt.response ? `HTTP ${attempt.response.status} ${attempt.response.statusText}`.trim() : 'no answer';
      await print(
        ctx.io.stdout,
        ctx.json
          ? `${JSON.stringify(attempt)}\n`
          : `${attempt.outcome === 'ok' ? 'sent' : 'failed'}: ${answer} in ${attempt.durationMs} ms${attempt.error ? ` (${attempt.error})` : ''}  ${attempt.id}\n`,
      );
      return attempt.outcome === 'ok' ? EXIT.ok : EXIT.negative;
    }

    let count = ids.length;
    if (ids.length === 0) {
      const matching = await client.call('replay.bulk.count', { filter });
      if (matching.count === 0) throw new CliError(EXIT.refused, 'no delivery matches the filter: there is nothing to replay');
      if (matching.tooMany)
        throw new CliError(EXIT.refused, `more than ${matching.limit} deliveries match: one bulk replay sends at most ${matching.limit}, narrow the filter`);
      count = matching.count;
    }
    const confirm = await confirmed(ctx, target, `${count} ${count === 1 ? 'delivery' : 'deliveries'}`, { yes: values.yes === true, bulk: true });
    let job = await client.call('replay.bulk.start', {
      targetId: target.id,
      ...(ids.length > 0 ? { deliveryIds: ids } : { filter }),
      resign,
      concurrency,
      confirm,
      expectedCount: count,
    });
    if (values['no-wait']) {
      await print(ctx.io.stdout, ctx.json ? `${JSON.stringify(job)}\n` : `started ${job.id}: ${job.total} deliveries to "${job.target.name}"\n`);
      return EXIT.ok;
    }
    let cancelling = false;
    void ctx.io.interrupted?.then(async () => {
      cancelling = true;
      await client.call('replay.bulk.cancel', { id: job.id }).catch(() => {});
    });
    let reported = -1;
    while (job.state === 'running' || job.state === 'cancelling') {
      const done = job.succeeded + job.failed;
      if (!ctx.json && done !== reported) {
        reported = done;
        await print(ctx.io.stderr, `${done}/${job.total} sent (${job.failed} failed)${cancelling ? ', cancelling' : ''}\n`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = await client.call('replay.bulk.get', { id: job.id });
    }
    // Paused: three sends in a row got no answer; it waits in the console for a person to resume it.
    const summary = `${job.state}: ${job.succeeded} ok, ${job.failed} failed, ${job.skipped} skipped of ${job.total} to "${job.target.name}"${job.lastError ? ` (last failure: ${job.lastError})` : ''}  ${job.id}`;
    await print(ctx.io.stdout, ctx.json ? `${JSON.stringify(job)}\n` : `${summary}\n`);
    return job.failed > 0 || job.state !== 'finished' ? EXIT.negative : EXIT.ok;
  },
};
