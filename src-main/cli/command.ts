import type { ParseArgsConfig } from 'node:util';
import type { ConsoleClient } from './client.js';
import type { CliIo } from './io.js';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | Array<string | boolean> | undefined>;

export interface CommandContext {
  io: CliIo;
  /** The connection to serve mode (made on first use: `verify` never needs one). */
  client(): ConsoleClient;
  json: boolean;
}

export interface Command {
  name: string;
  /** One line for `gatewatch --help`. */
  summary: string;
  /** The whole `gatewatch <name> --help`. */
  help: string;
  options: Options;
  run(values: Values, positionals: string[], ctx: CommandContext): Promise<number>;
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'token-file': { type: 'string' },
} as const;

export const COMMON_HELP = `  --json                output JSON for scripts (the API's own shapes)
  --token-file PATH     read the console token from this 0600 file (else GATEWATCH_TOKEN)
  -h, --help            this help`;
