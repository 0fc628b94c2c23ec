import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServe, type ServeProcess } from './harness.js';
import { startStagingServer, type StagingServer } from '../fakes/staging.js';

let serve: ServeProcess;
let staging: StagingServer;
let browser: Browser;
let page: Page;

/** The console API as the page calls it (the harness starts serve mode with this token). */
async function api<T>(name: string, input: unknown): Promise<T> {
  const response = await fetch(`${new URL(serve.consoleUrl).origin}/api/${name}`, {
    method: 'POST',
    headers: { authorization: 'Bearer e2e-token-0123456789abcdef', 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  expect(response.status).toBe(200);
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

describe('replay in Chromium against serve mode', () => {
  it('replays a delivery from its view, after confirming, and shows the attempt with the staging status', async () => {
    await api('replay.targets.save', { name: 'E2E staging', url: staging.url('/ok'), provider: 'paychant' });
    const body = '{"event":"PAYMENT_COMPLETED","data":{"pid":"e2e-replay-1","fiatAmount":"170.00"}}';
    const response = await fetch(`${serve.webhookBaseUrl}/webhooks/paychant`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const { id } = (await response.json()) as { id: string };

    await page.goto(serve.consoleUrl);
    await page.evaluate((deliveryId) => (window.location.hash = `#/deliveries/${deliveryId}`), id);
    const panel = page.getByRole('region', { name: 'Replay' });
    await panel.getByText('No replays yet.').waitFor();
    await expect(panel.getByLabel('Replay target').inputValue()).resolves.not.toBe('');

    await panel.getByRole('button', { name: 'Send replay' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Send this webhook to E2E staging?').waitFor();
    // The platform's modal dialog: Cancel has the focus, the page behind is inert, Escape cancels.
    expect(await dialog.evaluate((d) => d.tagName === 'DIALOG' && d.matches(':modal'))).toBe(true);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cancel');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Send replay');
    expect(staging.requests).toHaveLength(0);

    await panel.getByRole('button', { name: 'Send replay' }).click();
    await dialog.getByText('Send this webhook to E2E staging?').waitFor();
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();

    await panel.getByText('Sent: E2E staging answered HTTP 202.').waitFor({ timeout: 10_000 });
    const attempt = panel.locator('[data-attempt-id]').first();
    await attempt.waitFor();
    await expect(attempt.textContent()).resolves.toContain('HTTP 202');
    await expect(attempt.textContent()).resolves.toContain('E2E staging');

    expect(staging.requests).toHaveLength(1);
    expect(staging.requests[0]!.body.toString('utf8')).toBe(body);
    expect(staging.requests[0]!.header('X-Gatewatch-Replay')).toBe(id);
  });
});
