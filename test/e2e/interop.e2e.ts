import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServe, type ServeProcess } from './harness.js';
import { startStagingServer, type StagingServer } from '../fakes/staging.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import { shellQuote } from '../../src-renderer/features/delivery/curl.js';

const SECRET = 'paychant-e2e-import-secret';
let serve: ServeProcess;
let staging: StagingServer;
let browser: Browser;
let page: Page;

async function api<T>(name: string, input: unknown): Promise<T> {
  const response = await fetch(`${new URL(serve.consoleUrl).origin}/api/${name}`, {
    method: 'POST',
    headers: { authorization: 'Bearer e2e-token-0123456789abcdef', 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  serve = await startServe();
  staging = await startStagingServer();
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await staging?.close();
  if (serve) expect(await serve.stop('SIGTERM')).toBe(0);
});

describe('import, verify and replay in Chromium against serve mode', () => {
  it('imports a pasted cURL command, shows its signature verified, replays it byte for byte, and exports it', async () => {
    await api('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'production', value: SECRET }] });
    await api('replay.targets.save', { name: 'E2E staging', url: staging.url('/ok'), provider: 'paychant' });
    const body = '{"event":"PAYMENT_COMPLETED","data":{"pid":"e2e-import-1","fiatAmount":"170.00"}}';
    const signature = providerAdapters.paychant.signWebhook(Buffer.from(body), { label: 'p', value: SECRET });
    const command = [
      `curl 'https://hooks.example.com/webhooks/paychant'`,
      `-H 'Content-Type: application/json'`,
      ...Object.entries(signature).map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`),
      `--data-raw ${shellQuote(body)}`,
    ].join(' \\\n  ');

    await page.goto(serve.consoleUrl);
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByLabel('cURL command', { exact: true }).fill(command);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const link = page.getByRole('link', { name: 'POST https://hooks.example.com/webhooks/paychant' });
    await link.waitFor();
    await link.click();

    await page.getByTestId('verification-headline').getByText('The signature matches the “production” secret').waitFor({ timeout: 15_000 });

    const panel = page.getByRole('region', { name: 'Replay' });
    await panel.getByText('No replays yet.').waitFor();
    await panel.getByRole('button', { name: 'Send replay' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Send this webhook to E2E staging?').waitFor();
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await panel.getByText('Sent: E2E staging answered HTTP 202.').waitFor({ timeout: 10_000 });
    expect(staging.requests).toHaveLength(1);
    expect(staging.requests[0]!.body.toString('utf8')).toBe(body);
    for (const [name, value] of Object.entries(signature)) expect(staging.requests[0]!.header(name)).toBe(value);

    // The inbox's export links stream from serve mode on the page's session cookie.
    await page.evaluate(() => (window.location.hash = '#/inbox?provider=paychant'));
    const har = page.getByTestId('export-links').getByRole('link', { name: 'HAR' });
    await har.waitFor();
    const href = await har.getAttribute('href');
    expect(href).toBe('/api/export?format=har&provider=paychant');
    const exported = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, text: await response.text() };
    }, href!);
    expect(exported.status).toBe(200);
    const entries = (JSON.parse(exported.text) as { log: { entries: Array<{ request: { postData: { text: string } }; comment?: string }> } }).log.entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]!.request.postData.text).toBe(body);
    expect(entries[0]!.comment).toBe('Imported from a pasted cURL command.');
  });
});
