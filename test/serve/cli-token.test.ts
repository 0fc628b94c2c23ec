/**
 * The serve CLI as a user starts it, with stdout piped (not a terminal, like a service manager
 * or a log file): the console token must not end up in that output.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp.js';

const root = join(import.meta.dirname, '..', '..');
const dirs: Array<{ remove(): void }> = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  consoleUrl: string | null;
}

/** Runs the CLI until it prints its console URL (then stops it) or exits by itself. */
function runCli(args: string[], env: Record<string, string> = {}, options: { terminal?: boolean } = {}): Promise<Run> {
  const argv = [process.execPath, '--import', 'tsx', join(root, 'src-main/serve/cli.ts'), '--webhook-port', '0', '--console-port', '0', ...args];
  // util-linux `script` runs the CLI on a pseudo-terminal: what a person at a shell sees.
  const [command, ...commandArgs] = options.terminal ? ['script', '-qec', argv.map((a) => `'${a}'`).join(' '), '/dev/null'] : argv;
  const child = spawn(command!, commandArgs, {
    cwd: root,
    env: { ...process.env, GATEWATCH_TOKEN: '', GATEWATCH_TOKEN_FILE: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let consoleUrl: string | null = null;
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    const found = /Console:\s+(\S+)/.exec(stdout)?.[1];
    if (found && consoleUrl === null) {
      consoleUrl = found;
      // The lines after the URL may still be on their way: let them arrive first.
      setTimeout(() => child.kill('SIGTERM'), 300);
    }
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, consoleUrl })));
}

function dataDir(): string {
  const dir = tempDir('gatewatch-cli-');
  dirs.push(dir);
  return dir.path;
}

describe('serve CLI console token', { timeout: 30_000 }, () => {
  it('warns that --token shows in ps, and does not print the token when stdout is not a terminal', async () => {
    const token = 'flag-token-0123456789abcdef';
    const run = await runCli(['--data', dataDir(), '--token', token]);
    expect(run.consoleUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(run.stdout).not.toContain(token);
    expect(run.stderr).not.toContain(token);
    expect(run.stderr).toMatch(/--token is visible to other users .*\(ps\).*--token-file/);
    expect(run.stdout).toMatch(/Token:\s+the one given with --token/);
  });

  it('keeps GATEWATCH_TOKEN out of the output too, without a warning', async () => {
    const token = 'env-token-0123456789abcdef';
    const run = await runCli(['--data', dataDir()], { GATEWATCH_TOKEN: token });
    expect(run.consoleUrl).toMatch(/\/$/);
    expect(run.stdout + run.stderr).not.toContain(token);
    expect(run.stderr).not.toMatch(/--token is visible/);
    expect(run.stdout).toMatch(/Token:\s+the value of GATEWATCH_TOKEN/);
  });

  it('reads --token-file, and creates it 0600 with a random token when it does not exist', async () => {
    const dir = dataDir();
    const file = join(dir, 'console-token.txt');
    const created = await runCli(['--data', join(dir, 'data'), '--token-file', file]);
    expect(created.consoleUrl, created.stderr).not.toBeNull();
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const token = readFileSync(file, 'utf8').trim();
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(created.stdout + created.stderr).not.toContain(token);
    expect(created.stdout).toContain(`Token:        in ${file}`);
    expect(created.stderr).not.toMatch(/--token is visible/);

    writeFileSync(file, 'my-own-token-0123456789abcdef\n', { mode: 0o600 });
    const reused = await runCli(['--data', join(dir, 'data')], { GATEWATCH_TOKEN_FILE: file });
    expect(reused.consoleUrl).not.toBeNull();
    expect(reused.stdout).not.toContain('my-own-token');
    expect(readFileSync(file, 'utf8')).toBe('my-own-token-0123456789abcdef\n');
  });

  it('refuses a token file other users can read, saying how to fix it, and starts nothing', async () => {
    const dir = dataDir();
    const file = join(dir, 'token');
    writeFileSync(file, 'readable-token-0123456789abcdef\n', { mode: 0o644 });
    const run = await runCli(['--data', join(dir, 'data'), '--token-file', file]);
    expect(run.code).toBe(2);
    expect(run.consoleUrl).toBeNull();
    expect(run.stderr).toContain(`the token file ${file} can be read by other users (mode 0644): run chmod 600 ${file}`);
    expect(run.stderr).not.toContain('readable-token');
  });

  it('refuses --token together with --token-file', async () => {
    const dir = dataDir();
    const run = await runCli(['--data', dir, '--token', 'flag-token-0123456789abcdef', '--token-file', join(dir, 't')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/either --token or --token-file, not both/);
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('on a terminal, prints the console URL with the token as before', async () => {
    const dir = dataDir();
    const run = await runCli(['--data', dir], {}, { terminal: true });
    expect(run.consoleUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}\s*$/);
    expect(existsSync(join(dir, 'console-token'))).toBe(false);
  });

  it('without any token, writes the random one to a 0600 file in the data dir and says where', async () => {
    const dir = dataDir();
    const run = await runCli(['--data', dir]);
    const file = join(dir, 'console-token');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const token = readFileSync(file, 'utf8').trim();
    expect(run.stdout).not.toContain(token);
    expect(run.stdout).toContain(`Token:        in ${file}`);
  });
});
