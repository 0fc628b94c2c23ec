/**
 * Where serve mode's console token comes from, and how the CLI may mention it. A token on the
 * command line is visible to every user in `ps`; printed in the console URL it lands in whatever
 * collects stdout (a service log). So: a 0600 file or the environment, and the URL carries the
 * token only on an interactive terminal.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const ConsoleTokenText = z.string().min(16, 'a token needs at least 16 characters').max(512, 'a token may have at most 512 characters');

/** Written next to the store when no token is given and stdout is not a terminal. */
export const GENERATED_TOKEN_FILE = 'console-token';

export type ConsoleTokenSource =
  | { kind: 'flag' }
  | { kind: 'env' }
  | { kind: 'file'; path: string; created: boolean }
  | { kind: 'generated'; path: string | null };

export interface ConsoleToken {
  token: string;
  source: ConsoleTokenSource;
}

export interface ConsoleTokenInput {
  flag?: string;
  file?: string;
  env: { GATEWATCH_TOKEN?: string; GATEWATCH_TOKEN_FILE?: string };
  dataDir: string;
  /** stdout is a terminal: a generated token can be shown in the printed URL. */
  interactive: boolean;
}

/** Bad token input, said in one sentence (the CLI prints it and exits 2). */
export class ConsoleTokenError extends Error {
  override name = 'ConsoleTokenError';
}

const randomToken = () => randomBytes(24).toString('base64url');
const present = (value: string | undefined): value is string => value !== undefined && value !== '';

/** --token, then --token-file, then GATEWATCH_TOKEN, then GATEWATCH_TOKEN_FILE, else a random token. */
export function resolveConsoleToken(input: ConsoleTokenInput): ConsoleToken {
  if (present(input.flag) && present(input.file)) {
    throw new ConsoleTokenError('give either --token or --token-file, not both');
  }
  if (present(input.flag)) return { token: checked(input.flag, '--token'), source: { kind: 'flag' } };
  if (present(input.file)) return fromFile(input.file);
  if (present(input.env.GATEWATCH_TOKEN)) return { token: checked(input.env.GATEWATCH_TOKEN, 'GATEWATCH_TOKEN'), source: { kind: 'env' } };
  if (present(input.env.GATEWATCH_TOKEN_FILE)) return fromFile(input.env.GATEWATCH_TOKEN_FILE);
  const token = randomToken();
  if (input.interactive) return { token, source: { kind: 'generated', path: null } };
  return { token, source: { kind: 'generated', path: writeGenerated(input.dataDir, token) } };
}

/** The sentence the CLI prints to stderr for this source, if any. */
export function tokenWarning(source: ConsoleTokenSource): string | null {
  if (source.kind !== 'flag') return null;
  return 'warning: --token is visible to other users of this machine in the process list (ps); use --token-file PATH or GATEWATCH_TOKEN instead';
}

/** Where the token is, for the line under the console URL when the URL does not carry it. */
export function describeTokenSource(source: ConsoleTokenSource): string {
  switch (source.kind) {
    case 'flag':
      return 'the one given with --token';
    case 'env':
      return 'the value of GATEWATCH_TOKEN';
    case 'file':
      return `in ${source.path}${source.created ? ' (created with a new random token)' : ''}`;
    case 'generated':
      return source.path ? `in ${source.path} (a new random token for this run)` : 'a new random token for this run';
  }
}

function checked(token: string, where: string): string {
  const parsed = ConsoleTokenText.safeParse(token);
  if (!parsed.success) throw new ConsoleTokenError(`${where}: ${parsed.error.issues[0]?.message ?? 'not a usable token'}`);
  return parsed.data;
}

/** Reads a token file (refused when others can read it); a missing one is created 0600 with a random token. */
function fromFile(path: string): ConsoleToken {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new ConsoleTokenError(`cannot read the token file ${path}: ${(error as Error).message}`);
    return { token: createTokenFile(path), source: { kind: 'file', path, created: true } };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ConsoleTokenError(`the token file ${path} is not a regular file`);
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
      throw new ConsoleTokenError(`the token file ${path} can be read by other users (mode ${mode}): run chmod 600 ${path}`);
    }
    const token = readFileSync(fd, 'utf8').trim();
    return { token: checked(token, `the token file ${path}`), source: { kind: 'file', path, created: false } };
  } finally {
    closeSync(fd);
  }
}

function createTokenFile(path: string): string {
  const token = randomToken();
  try {
    // 'wx': never overwrite a file another process created meanwhile.
    writeFileSync(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    throw new ConsoleTokenError(`cannot create the token file ${path}: ${(error as Error).message}`);
  }
  return token;
}

/** This run's random token, readable by the data dir's owner only; the previous run's is replaced. */
function writeGenerated(dataDir: string, token: string): string {
  const path = join(dataDir, GENERATED_TOKEN_FILE);
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // Removed first so the new file is created 0600 rather than keeping an older file's mode.
    rmSync(path, { force: true });
    writeFileSync(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    throw new ConsoleTokenError(`cannot write the console token to ${path}: ${(error as Error).message}`);
  }
  return path;
}
