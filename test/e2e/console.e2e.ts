import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServe, type ServeProcess } from './harness.js';

/** Screenshots for a person to look at (not compared): where the support console is checked by eye. */
const SHOTS = process.env.GATEWATCH_SCREENSHOTS ?? '/tmp';
const secret = 'paychant-e2e-secret-51';
const sign = (body: string, key = secret) => createHmac('sha512', key).update(body).digest('hex');

let serve: ServeProcess;
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};

async function api(name: string, input: unknown) {
  const url = new URL(serve.consoleUrl);
  const response = await fetch(`${url.origin}/api/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${url.searchParams.get('token')}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  expect(response.status).toBe(200);
  return response.json();
}

async function post(name: string, body: string, signWith = secret) {
  const response = await fetch(`${serve.webhookBaseUrl}/webhooks/paychant`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'paychant-signature': sign(body, signWith) },
    body,
  });
  expect(response.status).toBe(200);
  ids[name] = ((await response.json()) as { id: string }).id;
}

/** Written by hand, not JSON.stringify: the amount keeps its trailing zeros as a provider would send it. */
const event = (code: string, ref: string, extra = '') =>
  `{"event":"${code}","data":{"env":"sandbox","pid":"pid-${ref}","fiat":"NGN","fiatAmount":170.00,"transactionRef":"${ref}"${extra}}}`;

beforeAll(async () => {
  serve = await startServe();
  await api('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'production', value: secret }] });
  for (let i = 0; i < 30; i++) await post(`filler${i}`, event(i % 3 ? 'PAYMENT_COMPLETED' : 'AWAITING_PAYMENT', `FILL-${i}`));
  await post('deep', event('PAYMENT_CONFIRMED', 'DEEP-1', ',"meta":{"items":[{"a":1},{"note":{"text":"needle-7d41c0ffee"}}]}'));
  await post('created', event('CREATED', 'E2E-PAY-1'));
  await post('awaiting', event('AWAITING_PAYMENT', 'E2E-PAY-1'));
  await post('completed', event('PAYMENT_COMPLETED', 'E2E-PAY-1'));
  await post('forged', event('PAYMENT_COMPLETED', 'FORGED-1'), 'not-the-configured-secret');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(serve.consoleUrl);
  await page.locator('[data-delivery-id]').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  if (serve) expect(await serve.stop('SIGTERM')).toBe(0);
});

describe('the support console in Chromium against serve mode', () => {
  it('finds a delivery by a value deep in its body', async () => {
    await page.screenshot({ path: `${SHOTS}/gatewatch-inbox.png` });
    await page.keyboard.press('/');
    await page.keyboard.type('needle-7d41c0ffee');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('[data-delivery-id]').length === 1);
    expect(await page.locator('[data-delivery-id]').getAttribute('data-delivery-id')).toBe(ids.deep);
    expect(page.url()).toContain('q=needle-7d41c0ffee');
    await page.keyboard.press('Escape');
    await page.locator('[data-delivery-id]').click();
    await page.getByTestId('delivery-body').waitFor();
    await expect(page.getByTestId('delivery-body').textContent()).resolves.toContain('"text": "needle-7d41c0ffee"');
    // Exact as received: 170.00 is not re-printed as 170.
    await expect(page.getByTestId('delivery-body').textContent()).resolves.toContain('"fiatAmount": 170.00');
    await page.screenshot({ path: `${SHOTS}/gatewatch-delivery.png`, fullPage: true });
  });

  it('shows the timeline of a seeded payment with its steps in order', async () => {
    await page.goto(`${new URL(serve.consoleUrl).origin}/#/deliveries/${ids.completed}`);
    await page.locator('a[href="#/timeline/E2E-PAY-1"]').click();
    await page.getByTestId('timeline-steps').waitFor();
    const keys = await page.locator('li.timeline-step').evaluateAll((items) => items.map((li) => li.getAttribute('data-step-key')));
    expect(keys).toEqual([`delivery:${ids.created}`, `delivery:${ids.awaiting}`, `delivery:${ids.completed}`]);
    const titles = await page.locator('li.timeline-step .step-title').allTextContents();
    expect(titles).toEqual(['CREATED', 'AWAITING_PAYMENT', 'PAYMENT_COMPLETED']);
    await expect(page.locator('.timeline-summary').textContent()).resolves.toContain('nothing looks wrong');
    await page.screenshot({ path: `${SHOTS}/gatewatch-timeline.png`, fullPage: true });
  });

  it('explains a failed signature in the verification panel', async () => {
    await page.goto(`${new URL(serve.consoleUrl).origin}/#/deliveries/${ids.forged}`);
    const panel = page.getByRole('region', { name: 'Signature verification' });
    await panel.getByText('Signature invalid').waitFor();
    await expect(page.getByTestId('verification-headline').textContent()).resolves.toContain('paychant-signature header does not match');
    const diagnosis = await page.getByTestId('verification-diagnosis').textContent();
    expect(diagnosis).toMatch(/secret/i);
    expect(diagnosis).not.toContain(secret);
    await expect(panel.textContent()).resolves.toContain('HMAC-SHA512');
    await page.screenshot({ path: `${SHOTS}/gatewatch-delivery-invalid.png`, fullPage: true });
  });

  it('draws the dashboard chart with the failure rate and the listener URLs, in light and dark', async () => {
    await page.goto(`${new URL(serve.consoleUrl).origin}/#/dashboard`);
    await page.locator('rect.chart-bar').first().waitFor();
    await expect(page.getByTestId('stat-deliveries').textContent()).resolves.toBe('35');
    await expect(page.getByTestId('stat-failure-rate').textContent()).resolves.toBe('2.9 %');
    await expect(page.locator('table.urls').textContent()).resolves.toContain('/webhooks/calypso');
    await page.screenshot({ path: `${SHOTS}/gatewatch-dashboard.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/gatewatch-dashboard-dark.png`, fullPage: true });
    await page.goto(`${new URL(serve.consoleUrl).origin}/#/timeline/E2E-PAY-1`);
    await page.getByTestId('timeline-steps').waitFor();
    await page.screenshot({ path: `${SHOTS}/gatewatch-timeline-dark.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
