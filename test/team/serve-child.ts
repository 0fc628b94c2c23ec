/**
 * Serve mode as a child process from the sources (what `npm run serve` runs after its build),
 * for the team-server tests: started, talked to, stopped or killed like a real instance.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const TOKEN = 'team-test-token-0123456789abcdef';

/** The environment a serve child gets: none of the caller's Gatewatch settings leak in. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GATEWATCH_')));
  return { ...base, GATEWATCH_TOKEN: TOKEN, ...env };
}

function spawnCli(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(root, 'src-main/serve/cli.ts'), ...args], {
    cwd: root,
    env: childEnv(env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export interface ServeChild {
  child: ChildProcess;
  webhookBaseUrl: string;
  consoleOrigin: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  api<T>(name: string, input?: unknown): Promise<T>;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown at all, as a crash. */
  kill(): Promise<void>;
}

/** Starts serve mode on free ports; resolves once it printed its URLs, rejects with its output if it exits first. */
export async function startServe(args: string[], env: Record<string, string> = {}): Promise<ServeChild> {
  const child = spawnCli(['--webhook-port', '0', '--console-port', '0', ...args], env);
  child.stdin!.end();
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const urls = await new Promise<{ webhook: string; console: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve mode did not start:\n${output}`)), 30_000);
    const look = () => {
      const webhook = /Webhook URL:\s+(\S+)\/webhooks\//.exec(output)?.[1];
      const consoleUrl = /Console:\s+(https?:\/\/[^/\s]+)/.exec(output)?.[1];
      if (webhook && consoleUrl) {
        clearTimeout(timer);
        child.stdout!.off('data', look);
        resolve({ webhook, console: consoleUrl });
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve mode exited with ${code}:\n${output}`));
    });
  });
  // The signal handlers are installed just after the URLs are printed.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    child,
    webhookBaseUrl: urls.webhook,
    consoleOrigin: urls.console,
    output: () => output,
    async api<T>(name: string, input: unknown = {}) {
      const response = await fetch(`${urls.console}/api/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as T;
      if (!response.ok) throw new Error(`${name} answered ${response.status}: ${JSON.stringify(body)}`);
      return body;
    },
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}

/** Runs the serve CLI to its end (a refusal, or a `users` command); stdin is written and closed. */
export function runServeCli(args: string[], env: Record<string, string> = {}, stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args, env);
  child.stdin!.end(stdin);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    // A start that did not refuse would run on: stopped, and said.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the serve CLI did not end by itself:\n${stdout}${stderr}`));
    }, 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
