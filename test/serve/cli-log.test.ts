/**
 * Serve mode keeps a log in its data dir (gatewatch.log): what it logs to stderr, plus when it
 * started and stopped, appended run after run, and why it could not start.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp.js';

const root = join(import.meta.dirname, '..', '..');
const dirs: Array<{ remove(): void }> = [];
const servers: Server[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
  for (const s of servers.splice(0)) s.close();
});

/** Runs the CLI until it prints its console URL (then stops it with SIGTERM) or exits by itself. */
function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src-main/serve/cli.ts'), '--console-port', '0', ...args], {
    cwd: root,
    env: { ...process.env, GATEWATCH_TOKEN_FILE: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let stopping = false;
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    if (stopping || !/Console:\s+\S+/.test(stdout)) return;
    stopping = true;
    // The signal handlers are installed just after the URLs are printed.
    setTimeout(() => child.kill('SIGTERM'), 300);
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

function dataDir(): string {
  const dir = tempDir('gatewatch-cli-log-');
  dirs.push(dir);
  return dir.path;
}

const token = 'log-test-token-0123456789abcdef';

describe('serve mode log file', { timeout: 60_000 }, () => {
  it('writes gatewatch.log in the data dir when it starts and stops, appending run after run, never the token', async () => {
    const dir = dataDir();
    expect((await runCli(['--data', dir, '--webhook-port', '0'], { GATEWATCH_TOKEN: token })).code).toBe(0);
    expect((await runCli(['--data', dir, '--webhook-port', '0'], { GATEWATCH_TOKEN: token })).code).toBe(0);
    const log = readFileSync(join(dir, 'gatewatch.log'), 'utf8');
    const lines = log.trimEnd().split('\n');
    expect(
      lines.filter((line) => /^\S+Z serve mode started: webhooks on http:\/\/127\.0\.0\.1:\d+, console on http:\/\/127\.0\.0\.1:\d+$/.test(line)),
    ).toHaveLength(2);
    expect(lines.filter((line) => line.endsWith('serve mode stopped (SIGTERM)'))).toHaveLength(2);
    expect(log).not.toContain(token);
  });

  it('says in the log, as on stderr, why it could not start', async () => {
    const taken = createServer();
    servers.push(taken);
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const dir = dataDir();
    const run = await runCli(['--data', dir, '--webhook-port', String(port)], { GATEWATCH_TOKEN: token });
    expect(run.code).toBe(1);
    const reason = `Port ${port} is already in use (another Gatewatch, or another program). The port is set by --webhook-port: choose another there.`;
    expect(run.stderr).toContain(reason);
    expect(readFileSync(join(dir, 'gatewatch.log'), 'utf8')).toContain(reason);
  });
});
