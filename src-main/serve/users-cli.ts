/**
 * `npm run serve -- users <command>`: people on this data dir's console, from a shell on the
 * server (the first admin has nobody to add them otherwise).
 *
 *   users add <name> --role viewer|operator|admin [--password-stdin]
 *   users list
 *   users set-role <name> <role>          (or --role <role>)
 *   users disable <name> | users enable <name>
 *   users reset-password <name> [--password-stdin]
 *
 * The password is asked on the terminal without echo (twice), or read from standard input with
 * --password-stdin; it is never a flag (flags show in `ps`) and never printed.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { Password, PersonName } from '../../src-shared/contract/people.js';
import { Role } from '../../src-shared/contract/roles.js';
import { ApiError } from '../../src-shared/contract/errors.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { AuditLog } from '../services/audit.js';
import { createAccounts, type Accounts } from '../accounts/accounts.js';
import { commandLineCaller } from '../accounts/caller.js';
import { runAs } from '../dispatcher/caller-scope.js';
import { readPassword } from './password-prompt.js';
import type { Store } from '../store/types.js';
import { databaseUrlFrom, openTeamStore, TeamSetupError } from './team-store.js';

export interface UsersIo {
  env: Record<string, string | undefined>;
  stdin: Readable & { isTTY?: boolean };
  out(line: string): void;
  err(line: string): void;
  /** Asks on the terminal without echo; absent where there is none. */
  prompt?(question: string): Promise<string>;
}

const USAGE = `usage: npm run serve -- users <command> [--data DIR | --database postgres://…]
  add <name> --role viewer|operator|admin [--password-stdin]
  list
  set-role <name> <role>
  disable <name>
  enable <name>
  reset-password <name> [--password-stdin]`;

class UsageError extends Error {}

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`${what}: ${result.error.issues[0]?.message ?? 'not valid'}`);
  return result.data;
}

async function newPassword(name: string, fromStdin: boolean, io: UsersIo): Promise<string> {
  if (fromStdin) return parsed(Password, await readPassword(io.stdin), 'the password');
  if (!io.prompt) throw new UsageError('no terminal to ask the password on: pipe it in with --password-stdin');
  const first = await io.prompt(`Password for ${name}: `);
  parsed(Password, first, 'the password');
  if ((await io.prompt('The same again: ')) !== first) throw new UsageError('the two passwords differ; nothing was changed');
  return first;
}

async function run(
  command: string,
  positionals: string[],
  flags: { role?: string; 'password-stdin'?: boolean },
  accounts: Accounts,
  io: UsersIo,
): Promise<void> {
  const name = () => parsed(PersonName, positionals[0], 'the name');
  const by = commandLineCaller();
  switch (command) {
    case 'add': {
      const who = name();
      const role = parsed(Role, flags.role, '--role (viewer, operator or admin)');
      const person = await accounts.people.add({ name: who, role, password: await newPassword(who, flags['password-stdin'] === true, io) });
      io.out(`Added ${person.name} as ${person.role}.`);
      return;
    }
    case 'list': {
      const people = await accounts.people.list();
      if (people.length === 0) io.out('Nobody yet: add an admin with `npm run serve -- users add <name> --role admin`.');
      for (const p of people)
        io.out(`${p.name.padEnd(24)} ${p.role.padEnd(9)} ${p.disabled ? 'disabled' : 'active  '} last sign-in ${p.lastSignInAt ?? 'never'}`);
      return;
    }
    case 'set-role': {
      const person = await accounts.people.setRole(name(), parsed(Role, flags.role ?? positionals[1], 'the role (viewer, operator or admin)'), by);
      io.out(`${person.name} is now ${person.role}.`);
      return;
    }
    case 'disable':
      io.out(`Disabled ${(await accounts.people.disable(name(), by)).name}: their sessions and API tokens stop working.`);
      return;
    case 'enable':
      io.out(`Enabled ${(await accounts.people.enable(name())).name}.`);
      return;
    case 'reset-password': {
      const who = name();
      await accounts.people.resetPassword(who, await newPassword(who, flags['password-stdin'] === true, io));
      io.out(`Set a new password for ${who}; their sessions ended.`);
      return;
    }
    default:
      throw new UsageError(`unknown users command "${command}"\n${USAGE}`);
  }
}

/** Runs one `users` command; resolves with the exit code (0 done, 1 refused, 2 bad usage). */
export async function runUsersCommand(args: string[], io: UsersIo): Promise<number> {
  let values: { data?: string; database?: string; role?: string; 'password-stdin'?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: {
        data: { type: 'string' },
        database: { type: 'string' },
        role: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    io.err(`gatewatch: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  // The same store serve mode would open: the team's PostgreSQL database, else SQLite in the data dir.
  let store: Store;
  try {
    const url = databaseUrlFrom(values.database, io.env);
    store =
      url === null
        ? createSqliteStore(values.data ?? io.env.GATEWATCH_DATA ?? join(homedir(), '.gatewatch'))
        : await openTeamStore(url, { log: (message) => io.err(`gatewatch: ${message}`) });
  } catch (error) {
    if (!(error instanceof TeamSetupError)) throw error;
    io.err(`gatewatch: ${error.message}`);
    return 1;
  }
  try {
    const accounts = createAccounts({ store: store.accounts, audit: new AuditLog(store.audit) });
    await runAs(commandLineCaller(), () => run(command, rest, values, accounts, io));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`gatewatch: ${error.message}`);
      return 2;
    }
    if (error instanceof ApiError) {
      io.err(`gatewatch: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}
