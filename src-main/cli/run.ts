/**
 * `gatewatch <command> [flags]`: parses the command line, runs the command, and turns every
 * failure into one line on stderr and an exit code that means it (see EXIT in io.ts).
 */
import { parseArgs } from 'node:util';
import { ConsoleClient } from './client.js';
import { COMMON_OPTIONS, type Command, type CommandContext } from './command.js';
import { CliError, EXIT, print, type CliIo } from './io.js';
import { tailCommand } from './commands/tail.js';
import { searchCommand } from './commands/search.js';
import { getCommand } from './commands/get.js';
import { timelineCommand } from './commands/timeline.js';
import { exportCommand } from './commands/export.js';
import { replayCommand } from './commands/replay.js';
import { verifyCommand } from './commands/verify.js';

export const COMMANDS: readonly Command[] = [tailCommand, searchCommand, getCommand, timelineCommand, exportCommand, replayCommand, verifyCommand];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: gatewatch <command> [flags]

Talks to a running Gatewatch serve mode: GATEWATCH_URL is the console's base URL as printed
(http://127.0.0.1:8788), the token comes from GATEWATCH_TOKEN or a 0600 file (GATEWATCH_TOKEN_FILE,
--token-file). \`verify\` works offline.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

\`gatewatch <command> --help\` for each one's flags. --json gives output for scripts.
Exit codes: 0 ok, 1 the answer is no (signature invalid, replay failed), 2 bad flags,
3 no console, 4 token refused, 5 not found, 6 refused by the console, 7 the console failed.
`;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const command = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    await print(io.stdout, command ? `${command.help}\n` : usage());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    await print(io.stderr, `gatewatch: no command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  try {
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({ args: [...rest], options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new CliError(
        EXIT.usage,
        `${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')} (see gatewatch ${command.name} --help)`,
      );
    }
    const { values, positionals } = parsed;
    if (values.help) {
      await print(io.stdout, `${command.help}\n`);
      return EXIT.ok;
    }
    let client: ConsoleClient | null = null;
    const context: CommandContext = {
      io,
      json: values.json === true,
      client: () => {
        client ??= ConsoleClient.connect({ env: io.env, tokenFile: values['token-file'] as string | undefined });
        return client;
      },
    };
    return await command.run(values, positionals, context);
  } catch (error) {
    if (error instanceof CliError) {
      await print(io.stderr, `gatewatch ${command.name}: ${error.message}\n`);
      return error.exitCode;
    }
    await print(io.stderr, `gatewatch ${command.name}: failed unexpectedly: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.failed;
  }
}
