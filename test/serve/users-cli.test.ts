/**
 * `npm run serve -- users …`: people managed from a shell on the server, the password piped in
 * (--password-stdin) or asked without echo, never printed; the audit log names the shell's user.
 * And serve mode's flags for reaching the console beyond loopback, refused in words when not enough.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { userInfo } from 'node:os';
import { runUsersCommand } from '../../src-main/serve/users-cli.js';
import { startTestConsole, type TestConsole } from '../helpers/console.js';
import { tempDir } from '../helpers/temp.js';

const root = join(import.meta.dirname, '..', '..');
const dirs: Array<{ remove(): void }> = [];
let gw: TestConsole | null = null;
afterEach(async () => {
  await gw?.close({ keepData: true });
  gw = null;
  for (const d of dirs.splice(0)) d.remove();
});
const dataDir = () => {
  const dir = tempDir('gatewatch-users-');
  dirs.push(dir);
  return dir.path;
};

/** The built CLI's entry, through tsx: what `npm run serve -- …` runs after its build. */
function cli(args: string[], stdin: string | null, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src-main/serve/cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, GATEWATCH_TOKEN: '', GATEWATCH_TOKEN_FILE: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  if (stdin === null) child.stdin.end();
  else child.stdin.end(stdin);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** runUsersCommand in this process, its output gathered. */
async function users(args: string[], options: { stdin?: string; prompts?: string[] } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const answers = [...(options.prompts ?? [])];
  const stdin = options.stdin === undefined ? new PassThrough() : Readable.from([options.stdin]);
  const code = await runUsersCommand(args, {
    env: {},
    stdin,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    prompt: options.prompts ? async () => answers.shift() ?? '' : undefined,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('serve users', () => {
  it('adds a person with the password piped in, who can then sign in; the password is never printed', async () => {
    const data = dataDir();
    const password = 'alice’s piped-in password\n';
    const added = await cli(['users', 'add', 'Alice', '--role', 'admin', '--password-stdin', '--data', data], password);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout.trim()).toBe('Added alice as admin.');
    expect(added.stdout + added.stderr).not.toContain('piped-in');
    gw = await startTestConsole({ dataDir: data });
    const signIn = await fetch(`${gw.consoleOrigin}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: gw.consoleOrigin },
      body: JSON.stringify({ name: 'alice', password: password.trimEnd() }),
    });
    expect(signIn.status).toBe(200);
    const audit = (await gw.api<{ items: Array<{ actor: string; summary: string }> }>('audit.list', {})).body.items;
    expect(audit.find((e) => e.summary === 'Added alice as admin')?.actor).toBe(`${userInfo().username} (command line)`);
  }, 60_000);

  it('lists, changes roles, disables, enables and resets passwords, saying what it did', async () => {
    const data = dataDir();
    expect((await users(['add', 'bob', '--role', 'viewer', '--data', data], { prompts: ['bob’s first password', 'bob’s first password'] })).code).toBe(0);
    expect((await users(['set-role', 'bob', 'operator', '--data', data])).out).toBe('bob is now operator.');
    expect((await users(['disable', 'bob', '--data', data])).out).toMatch(/^Disabled bob: their sessions and API tokens stop working\.$/);
    expect((await users(['list', '--data', data])).out).toMatch(/^bob\s+operator\s+disabled last sign-in never$/);
    expect((await users(['enable', 'bob', '--data', data])).out).toBe('Enabled bob.');
    const reset = await users(['reset-password', 'bob', '--password-stdin', '--data', data], { stdin: 'bob’s second password\n' });
    expect(reset).toMatchObject({ code: 0, out: 'Set a new password for bob; their sessions ended.' });
  }, 60_000);

  it('refuses bad input in words, with exit code 2 (1 when the console says no)', async () => {
    const data = dataDir();
    expect(await users(['add', 'x', '--role', 'admin', '--data', data], { stdin: 'long enough password' })).toMatchObject({ code: 2 });
    expect((await users(['add', 'x', '--role', 'admin', '--data', data])).err).toMatch(/the name: a name is 2 to 40 letters/);
    expect((await users(['add', 'carol', '--role', 'boss', '--data', data])).err).toMatch(/--role \(viewer, operator or admin\)/);
    expect((await users(['add', 'carol', '--role', 'admin', '--password-stdin', '--data', data], { stdin: 'short' })).err).toMatch(
      /the password: a password needs at least 12 characters/,
    );
    expect((await users(['add', 'carol', '--role', 'admin', '--data', data])).err).toMatch(
      /no terminal to ask the password on: pipe it in with --password-stdin/,
    );
    expect((await users(['add', 'carol', '--role', 'admin', '--data', data], { prompts: ['one long password', 'another long one'] })).err).toMatch(/differ/);
    expect(await users(['set-role', 'nobody', 'admin', '--data', data])).toMatchObject({ code: 1, err: 'gatewatch: There is no person named nobody.' });
    expect((await users(['fly', '--data', data])).err).toMatch(/unknown users command "fly"/);
  }, 60_000);
});

describe('serve flags beyond loopback', () => {
  it('refuses to listen on every address without accounts, and says what to do', async () => {
    const run = await cli(
      ['--data', dataDir(), '--webhook-port', '0', '--console-port', '0', '--console-host', '0.0.0.0', '--public-url', 'https://gw.example.com'],
      null,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/only once people have accounts: add an admin with `npm run serve -- users add <name> --role admin`/);
  }, 30_000);

  it('says what is wrong with the flags themselves', async () => {
    const run = await cli(['--data', dataDir(), '--tls-cert', '/nowhere/cert.pem'], null);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/give --tls-cert and --tls-key together/);
  }, 30_000);
});
