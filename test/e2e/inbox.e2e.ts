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

  it('reaches the selected row with Tab, moves the focus with j and opens the focused row with Enter', async () => {
    const response = await fetch(`${serve.webhookBaseUrl}/webhooks/paychant`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"event":"PAYMENT_FAILED","data":{"pid":"e2e-pid-7782"}}',
    });
    const { id: newest } = (await response.json()) as { id: string };
    await page.goto(serve.consoleUrl);
    await page.locator(`[data-delivery-id="${newest}"]`).waitFor();
    const rows = await page.locator('[role="row"][data-delivery-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-delivery-id')));
    expect(rows).toHaveLength(2);
    await page.getByRole('searchbox', { name: 'Search deliveries' }).focus();
    const focusedRow = () => page.evaluate(() => document.activeElement?.getAttribute('data-delivery-id') ?? null);
    for (let i = 0; i < 30 && (await focusedRow()) === null; i++) await page.keyboard.press('Tab');
    expect(await focusedRow()).toBe(rows[0]);
    await page.keyboard.press('j');
    await expect.poll(focusedRow).toBe(rows[1]);
    expect(await page.locator(`[data-delivery-id="${rows[1]}"]`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/#/deliveries/${rows[1]}`);
  });
});
