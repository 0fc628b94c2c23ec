import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Command } from '../command.js';
import { COMMON_HELP } from '../command.js';
import { FILTER_HELP, FILTER_OPTIONS, filterParams, parseFilter } from '../filters.js';
import { CliError, EXIT } from '../io.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'stream deliveries as HAR, NDJSON or CSV (everything a filter shows)',
  help: `Usage: gatewatch export --har|--ndjson|--csv [filters] [--id ID] [--replay-attempts …] [-o FILE]

Streams everything the filter shows (no size limit), or one delivery (--id), from serve mode's
GET /api/export. HAR 1.2 opens in a browser's network panel; NDJSON is one delivery per line
with its derived fields; CSV has the inbox's columns. Credential header values are masked.

  --har | --ndjson | --csv   the format (one of them)
  --id ID                    one delivery only
  --replay-attempts          replay attempts as request/response pairs instead (HAR), narrowed by
                             --delivery ID, --job ID or --target ID
  -o, --output FILE          write to FILE instead of stdout
${FILTER_HELP}
${COMMON_HELP}

Exit: 0 written, 2 bad flags, 3 no console, 4 token refused, 5 no such delivery.`,
  options: {
    ...FILTER_OPTIONS,
    har: { type: 'boolean' },
    ndjson: { type: 'boolean' },
    csv: { type: 'boolean' },
    id: { type: 'string' },
    'replay-attempts': { type: 'boolean' },
    delivery: { type: 'string' },
    job: { type: 'string' },
    target: { type: 'string' },
    output: { type: 'string', short: 'o' },
  },
  async run(values, positionals, ctx) {
    if (positionals.length > 0) throw new CliError(EXIT.usage, `unexpected argument "${positionals[0]}"`);
    const formats = (['har', 'ndjson', 'csv'] as const).filter((f) => values[f] === true);
    if (formats.length !== 1) throw new CliError(EXIT.usage, 'choose one format: --har, --ndjson or --csv');
    const params: Record<string, string> = { format: formats[0]!, ...filterParams(parseFilter(values)) };
    if (typeof values.id === 'string') params.id = values.id;
    if (values['replay-attempts']) {
      params.what = 'replay-attempts';
      for (const [flag, name] of [
        ['delivery', 'deliveryId'],
        ['job', 'jobId'],
        ['target', 'targetId'],
      ] as const) {
        if (typeof values[flag] === 'string') params[name] = values[flag] as string;
      }
    }
    const body = await ctx.client().stream(`/api/export?${new URLSearchParams(params)}`);
    const source = Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
    const output = typeof values.output === 'string' ? values.output : null;
    const sink: Writable = output ? createWriteStream(output) : ctx.io.stdout;
    try {
      await pipeline(source, sink, { end: output !== null });
    } catch (error) {
      throw new CliError(EXIT.failed, `the export stopped part-way: ${(error as Error).message}`);
    }
    return EXIT.ok;
  },
};
