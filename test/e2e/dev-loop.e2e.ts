/**
 * `npm run dev`: serve mode from the sources plus Vite's dev server. The page loads from Vite,
 * its calls and live events go through Vite's proxy to serve mode, and a delivery shows up live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { tempDir } from '../helpers/temp.js';
import { launchChromium } from './harness.js';

const root = join(import.meta.dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let dev: ChildProcess;
let output = '';
let pageUrl = '';
let webhookUrl = '';
let browser: Browser;
const data = tempDir('gatewatch-dev-');

beforeAll(async () => {
  const [webhookPort, consolePort, pagePort] = [await freePort(), await freePort(), await freePort()];
  dev = spawn(
    process.execPath,
    [join(root, 'scripts/dev.mjs'), '--data', data.path, '--webhook-port', `${webhookPort}`, '--console-port', `${consolePort}`, '--page-port', `${pagePort}`],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GATEWATCH_TOKEN: undefined } },
  );
  dev.stdout!.on('data', (chunk) => (output += chunk));
  dev.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run dev did not start:\n${output}`)), 60_000);
    const check = () => {
      pageUrl = /console page\s+(\S+)/.exec(output)?.[1] ?? '';
      webhookUrl = /Webhook URL:\s+(\S+)\/webhooks\//.exec(output)?.[1] ?? '';
      if (pageUrl && webhookUrl) {
        clearTimeout(timer);
        resolve();
      }
    };
    dev.stdout!.on('data', check);
    dev.on('exit', (code) => reject(new Error(`npm run dev exited with ${code}:\n${output}`)));
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (dev && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    dev.kill('SIGTERM');
    await exited;
  }
  data.remove();
});

describe('npm run dev', () => {
  it('serves the page from Vite, proxies the API and the live events to serve mode', async () => {
    expect(pageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    // The token goes to serve mode through its environment, never its command line.
    expect(output).toContain('Token:        the value of GATEWATCH_TOKEN');
    const page = await browser.newPage();
    await page.goto(pageUrl);
    await page.getByText('No deliveries yet').waitFor();
    // Vite's own client is on the page: this is the dev server, not the build.
    expect(await page.locator('script[src="/@vite/client"]').count()).toBe(1);

    const answer = await fetch(`${webhookUrl}/webhooks/paychant`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"event":"PAYMENT_COMPLETED","data":{"transactionRef":"dev-loop-ref-1"}}',
    });
    expect(answer.status).toBe(200);
    // Pushed over the proxied event stream: no reload.
    await page.getByText('PAYMENT_COMPLETED').first().waitFor({ timeout: 15_000 });
    await page.close();
  });
});
