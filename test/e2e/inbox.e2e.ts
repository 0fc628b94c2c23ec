import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServe, type ServeProcess } from './harness.js';

let serve: ServeProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  serve = await startServe();
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  if (serve) expect(await serve.stop('SIGTERM')).toBe(0);
});

describe('inbox in Chromium against serve mode', () => {
  it('keeps the token out of the address bar and shows an empty inbox with the listener URL', async () => {
    await page.goto(serve.consoleUrl);
    await page.getByText('No deliveries yet').waitFor();
    expect(page.url()).not.toContain('token=');
    await expect(page.locator('.listener-hint pre').textContent()).resolves.toContain('/webhooks/paychant');
  });

  it('shows a webhook posted while the page is open, without a reload, and opens it', async () => {
    const body = '{"event":"PAYMENT_COMPLETED","data":{"pid":"e2e-pid-7781","fiatAmount":"170.00"}}';
    const response = await fetch(`${serve.webhookBaseUrl}/webhooks/paychant/eu`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };
    const row = page.locator(`[data-delivery-id="${id}"]`);
    await row.waitFor({ timeout: 10_000 });
    await expect(row.textContent()).resolves.toContain('paychant');
    await row.click();
    await page.getByTestId('delivery-body').waitFor();
    await page.getByRole('tab', { name: 'raw' }).click();
    await expect(page.getByTestId('delivery-body').textContent()).resolves.toBe(body);
    await expect(page.locator('table.headers').textContent()).resolves.toContain('content-type');
  });
});
