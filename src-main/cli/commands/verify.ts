import { readFileSync } from 'node:fs';
import { ProviderId } from '../../../src-shared/domain/provider.js';
import { providerAdapters } from '../../providers/registry.js';
import type { WebhookSecret } from '../../providers/types.js';
import { ImportError, parseCurlCommand, type ImportedRequest } from '../../interop/import/curl-command.js';
import { parseHar } from '../../interop/import/har-import.js';
import type { Command, CommandContext, Values } from '../command.js';
import { verificationLines } from '../format.js';
import { CliError, EXIT, print } from '../io.js';

const DEFAULT_SECRET_ENV = 'GATEWATCH_WEBHOOK_SECRET';

async function readInput(file: string, ctx: CommandContext): Promise<Buffer> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.io.stdin) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks);
  }
  try {
    return readFileSync(file);
  } catch (error) {
    throw new CliError(EXIT.usage, `cannot read ${file}: ${(error as Error).message}`);
  }
}

function request(values: Values, bytes: Buffer): ImportedRequest {
  try {
    if (values.curl) return parseCurlCommand(bytes.toString('utf8'));
    if (values.har) {
      const { requests } = parseHar(bytes.toString('utf8'));
      const entry = values.entry === undefined ? 1 : Number(values.entry);
      const found = requests.find((r) => r.index === entry - 1);
      if (!found) throw new CliError(EXIT.usage, `the HAR file has no readable entry ${entry}`);
      return found;
    }
  } catch (error) {
    if (error instanceof ImportError) throw new CliError(EXIT.usage, error.message);
    throw error;
  }
  return { method: 'POST', url: 'http://localhost/', headers: [], body: bytes };
}

/** The one secret to check against: from a file, or an environment variable (never a flag: `ps` shows flags). */
function secretFrom(values: Values, env: CommandContext['io']['env']): WebhookSecret[] {
  const key = typeof values.key === 'string' ? { key: values.key } : {};
  if (typeof values['secret-file'] === 'string') {
    let value: string;
    try {
      value = readFileSync(values['secret-file'], 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new CliError(EXIT.usage, `cannot read the secret file: ${(error as Error).message}`);
    }
    return [{ label: `the secret in ${values['secret-file']}`, value, ...key }];
  }
  const name = typeof values['secret-env'] === 'string' ? values['secret-env'] : DEFAULT_SECRET_ENV;
  const value = env[name];
  if (value) return [{ label: `$${name}`, value, ...key }];
  if (typeof values['secret-env'] === 'string') throw new CliError(EXIT.usage, `$${name} is not set`);
  return [];
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: "check a captured request's signature offline, and say why it fails",
  help: `Usage: gatewatch verify FILE --provider P [--header 'Name: value'…] [--secret-file PATH | --secret-env VAR] [--json]

Checks the signature of a request you captured yourself (a body file and its headers, or a HAR
or cURL file), with the provider's recipe, the way the console does: which candidate forms were
tried, which matched, and in plain words why none did. Offline: no server is needed.

  FILE                  the exact body bytes (- reads stdin), or with --har / --curl that file
  --provider P          instaxchange, instap, openxswitch, calypso, paychant
  -H, --header 'N: V'   a request header, as received (repeatable; the signature header at least)
  --har                 FILE is a HAR file: the request of --entry N (default 1)
  --curl                FILE holds a cURL command (browser "Copy as cURL")
  --secret-file PATH    the webhook secret, read from this file
  --secret-env VAR      the webhook secret, from this environment variable (default $${DEFAULT_SECRET_ENV})
  --key K               Calypso: the subscription's public key the secret belongs to
  --json                the verification result as JSON
  -h, --help            this help

The secret is never printed. Exit: 0 the signature verifies, 1 it does not (or nothing to check
it with), 2 bad flags or unreadable input.`,
  options: {
    provider: { type: 'string' },
    header: { type: 'string', short: 'H', multiple: true },
    har: { type: 'boolean' },
    curl: { type: 'boolean' },
    entry: { type: 'string' },
    'secret-file': { type: 'string' },
    'secret-env': { type: 'string' },
    key: { type: 'string' },
  },
  async run(values, positionals, ctx) {
    const [file, ...rest] = positionals;
    if (!file || rest.length > 0) throw new CliError(EXIT.usage, 'give the captured body as one file (or - for stdin)');
    const provider = ProviderId.safeParse(values.provider);
    if (!provider.success) throw new CliError(EXIT.usage, `--provider is one of ${ProviderId.options.join(', ')}`);
    const captured = request(values, await readInput(file, ctx));
    const headers = [...captured.headers];
    for (const line of (values.header as string[] | undefined) ?? []) {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new CliError(EXIT.usage, `--header "${line}" is not "Name: value"`);
      headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
    const adapter = providerAdapters[provider.data];
    const webhook = { headers, body: captured.body ?? new Uint8Array() };
    const result = adapter.verify(webhook, secretFrom(values, ctx.io.env));
    const parsed = adapter.parse(webhook);
    if (ctx.json) {
      const { json: _json, ...parse } = parsed;
      await print(ctx.io.stdout, `${JSON.stringify({ provider: provider.data, verification: result, parse })}\n`);
    } else {
      const lines = verificationLines(result);
      if (parsed.parseError) lines.push(`Body: ${parsed.parseError}`);
      else if (parsed.eventType) lines.push(`Event: ${parsed.eventType}${parsed.eventId ? ` (${parsed.eventId})` : ''}`);
      await print(ctx.io.stdout, `${lines.join('\n')}\n`);
    }
    return result.status === 'valid' ? EXIT.ok : EXIT.negative;
  },
};
