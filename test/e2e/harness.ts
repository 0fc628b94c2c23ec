import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { tempDir } from '../helpers/temp.js';

const root = join(import.meta.dirname, '..', '..');

export interface ServeProcess {
  child: ChildProcess;
  dataDir: string;
  webhookBaseUrl: string;
  consoleUrl: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const E2E_TOKEN = 'e2e-token-0123456789abcdef';

/** Starts the built serve mode (`out/main/serve.js`) as a user would, on free ports. */
export async function startServe(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<ServeProcess> {
  const script = join(root, 'out', 'main', 'serve.js');
  if (!existsSync(script)) throw new Error('out/main/serve.js is missing: run `npm run build` first.');
  const dir = options.dataDir ? null : tempDir('gatewatch-e2e-');
  const dataDir = options.dataDir ?? dir!.path;
  const child = spawn(
    process.execPath,
    [script, '--data', dataDir, '--webhook-port', '0', '--console-port', '0'],
    // The env, not --token (visible in ps); stdout is a pipe, so the printed URL carries no token.
    { cwd: root, env: { ...process.env, GATEWATCH_TOKEN: E2E_TOKEN, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const urls = await new Promise<{ webhook: string; console: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve mode did not start:\n${output}`)), 20_000);
    const check = () => {
      const webhook = /Webhook URL:\s+(\S+)\/webhooks\//.exec(output)?.[1];
      const consoleUrl = /Console:\s+(\S+)/.exec(output)?.[1];
      if (webhook && consoleUrl) {
        clearTimeout(timer);
        resolve({ webhook, console: consoleUrl });
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`serve mode exited with ${code}:\n${output}`)));
  });
  return {
    child,
    dataDir,
    webhookBaseUrl: urls.webhook,
    consoleUrl: `${new URL(urls.console).origin}/?token=${E2E_TOKEN}`,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => {
          if (!options.dataDir) dir?.remove();
          resolve(code);
        });
        child.kill(signal);
      }),
  };
}

/** Debian's Chromium, driven by playwright-core (Playwright's own browser download is not possible here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
