/**
 * Relay in Chromium against serve mode: a route set up in Settings, a webhook posted through it,
 * the backend's answer on the payment's timeline and in the delivery's hops; a route whose backend
 * keeps failing stands out on the dashboard. Screenshots at 1440 and 1024 px, to be looked at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServe, type ServeProcess } from './harness.js';
import { startFakeBackend, type FakeBackend } from '../fakes/backend.js';

const SHOTS = process.env.GATEWATCH_SCREENSHOTS ?? '/tmp';
const SECRET = 'paychant-relay-e2e-secret';
let serve: ServeProcess;
let backend: FakeBackend;
let browser: Browser;
let page: Page;

async function api<T>(name: string, input: unknown): Promise<T> {
  const response = await fetch(`${new URL(serve.consoleUrl).origin}/api/${name}`, {
    method: 'POST',
    headers: { authorization: 'Bearer e2e-token-0123456789abcdef', 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as T;
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body;
}

/** A port nothing listens on: a backend that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const AXE = join(import.meta.dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');

/** axe-core's serious and critical findings on the page as it is now, as "rule: target" lines. */
async function axeFindings(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Found = { id: string; impact: string | null; nodes: Array<{ target: string[] }> };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Found[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' > ')}`));
  });
}

/** Screenshots at both widths, to be looked at; and no serious accessibility finding in the relay's parts. */
async function shots(name: string): Promise<void> {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/gatewatch-relay-${name}-${width}.png`, fullPage: true });
  }
  const relayParts = (await axeFindings()).filter((line) => /relay|route|hop/i.test(line));
  expect(relayParts, name).toEqual([]);
}

beforeAll(async () => {
  serve = await startServe();
  backend = await startFakeBackend();
  backend.answer = () => ({ status: 200, body: '{"received":"e2e","order":"A-1001"}' });
  await api('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'production', value: SECRET }] });
  await api('listener.configure', { rateLimit: null });
  browser = await launchChromium();
  // bypassCSP: axe-core is injected as a script, which the console's CSP refuses otherwise.
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
});

afterAll(async () => {
  await browser?.close();
  await backend?.close();
  if (serve) expect(await serve.stop('SIGTERM')).toBe(0);
});

describe('relay in Chromium', () => {
  it("sets up a route in Settings, relays a webhook and shows the backend's answer on its timeline and hops", async () => {
    await page.goto(serve.consoleUrl);
    await page.evaluate(() => (window.location.hash = '#/settings'));
    const section = page.getByRole('region', { name: 'Relay' });
    await section.getByText('No relay routes yet.').waitFor();
    await section.getByRole('button', { name: 'Add a relay route' }).click();
    await section.getByLabel('Route provider').selectOption('paychant');
    await section.getByLabel('Route mode').selectOption('passthrough');
    await section.getByLabel('Destination URL').fill(backend.url('/webhooks/paychant'));
    await section.getByRole('button', { name: 'Save route' }).click();
    await section.locator('.relay-route', { hasText: '/webhooks/paychant' }).waitFor();
    await section.scrollIntoViewIfNeeded();
    await shots('settings');
    // The form as it opens for a simulated answer, for a look; then left unsaved.
    await section.getByRole('button', { name: 'Add a relay route' }).click();
    await section.getByLabel('Route mode').selectOption('simulate');
    await section.getByLabel('Fail the next').fill('2');
    await section.getByRole('form', { name: 'New relay route' }).scrollIntoViewIfNeeded();
    await shots('form');
    await section.getByRole('button', { name: 'Cancel' }).click();

    const body =
      '{"event":"PAYMENT_COMPLETED","data":{"env":"production","pid":"e2e-relay-1","fiat":"NGN","fiatAmount":170.00,"transactionRef":"E2E-RELAY-1"}}';
    const answered = await fetch(`${serve.webhookBaseUrl}/webhooks/paychant`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'paychant-signature': createHmac('sha512', SECRET).update(body).digest('hex') },
      body,
    });
    expect(answered.status).toBe(200);
    expect(await answered.text()).toBe('{"received":"e2e","order":"A-1001"}');
    const id = answered.headers.get('x-gatewatch-delivery-id')!;
    expect(backend.requests.at(-1)!.body.toString()).toBe(body);

    await page.evaluate(() => (window.location.hash = '#/timeline/E2E-RELAY-1'));
    const relayStep = page.locator('.timeline-step', { hasText: 'Passed to the backend: HTTP 200' });
    await relayStep.waitFor({ timeout: 10_000 });
    await expect(relayStep.textContent()).resolves.toContain(backend.url('/webhooks/paychant'));
    await expect(relayStep.textContent()).resolves.toContain('answered the provider HTTP 200');
    await shots('timeline');

    await page.evaluate((deliveryId) => (window.location.hash = `#/deliveries/${deliveryId}`), id);
    const hops = page.getByRole('region', { name: 'Relay' });
    await hops.getByText('Answered HTTP 200').waitFor();
    await hops.locator('[data-relay-attempt] summary').first().click();
    await hops.getByText('{"received":"e2e","order":"A-1001"}').waitFor();
    await expect(hops.locator('[data-job-state]').textContent()).resolves.toBe('delivered');
    await shots('delivery');
  });

  it('shows a route whose backend keeps failing on the dashboard, and its deliveries in the inbox', async () => {
    await api('relay.routes.save', { provider: 'instap', url: `http://127.0.0.1:${await closedPort()}/hooks`, mode: 'passthrough' });
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${serve.webhookBaseUrl}/webhooks/instap`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"objectType":"depositEventObject","userId":"u-${i}"}`,
      });
      expect(response.status).toBe(502);
    }
    await page.evaluate(() => (window.location.hash = '#/dashboard'));
    const card = page.locator('[data-route-path="/webhooks/instap"]');
    // The tries are recorded a moment after the provider's answers; the card follows the push that says so.
    await card.locator('[data-health="failing"]').waitFor({ timeout: 10_000 });
    await expect(card.textContent()).resolves.toMatch(/last 3 tries failed: connection refused/);
    await expect(page.locator('[data-route-path="/webhooks/paychant"] [data-health]').textContent()).resolves.toBe('healthy');
    await page.locator('.relay-card').scrollIntoViewIfNeeded();
    await shots('dashboard');

    const failed = await api<{ items: Array<{ id: string }> }>('deliveries.list', { relay: 'failed', limit: 1 });
    await page.evaluate((id) => (window.location.hash = `#/deliveries/${id}`), failed.items[0]!.id);
    const retry = page.getByTestId('provider-retry');
    await expect(retry.textContent()).resolves.toMatch(/Instap will retry around .* \(try 2 of 481\)\./);
    await page.getByRole('region', { name: 'Relay' }).getByText('connection refused').first().waitFor();
    await shots('delivery-failed');

    await page.evaluate(() => (window.location.hash = '#/inbox?relay=failed'));
    await expect(page.getByLabel('Relay').inputValue()).resolves.toBe('failed');
    await page.locator('[data-relay-state="failed"]').first().waitFor();
    await expect(page.locator('[data-delivery-id]').count()).resolves.toBe(3);
    await shots('inbox');
  });
});
