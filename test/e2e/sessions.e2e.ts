import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServe, type ServeProcess } from './harness.js';
import { startInstapFake, type InstapFake } from '../fakes/instap-fake.js';

const apiKey = 'e2e-instap-api-key-7c1d';
const hmacSecret = 'e2e-instap-hmac-secret-3f9a';

let serve: ServeProcess;
let fake: InstapFake;
let browser: Browser;
let page: Page;

async function api(name: string, input: unknown) {
  const origin = new URL(serve.consoleUrl).origin;
  const response = await fetch(`${origin}/api/${name}`, {
    method: 'POST',
    headers: { authorization: 'Bearer e2e-token-0123456789abcdef', 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

beforeAll(async () => {
  serve = await startServe();
  fake = await startInstapFake({ apiKey, hmacSecret, notifyUrl: `${serve.webhookBaseUrl}/webhooks/instap` });
  await api('providers.configure', {
    provider: 'instap',
    environment: 'local',
    activeEnvironment: 'local',
    baseUrl: fake.baseUrl,
    apiKey,
    hmacSecret,
    webhookSecrets: [{ label: 'local', value: hmacSecret }],
  });
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await fake?.close();
  if (serve) expect(await serve.stop('SIGTERM')).toBe(0);
});

describe('manual Instap session in Chromium against a fake provider', () => {
  it('shows a validation error next to its field and sends nothing', async () => {
    await page.goto(serve.consoleUrl);
    await page.getByRole('link', { name: 'Sessions' }).click();
    await page.getByLabel(/User name/).fill('Grace Hopper');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.locator('[data-field-error="userId"]').textContent()).resolves.toContain('Required');
    expect(fake.requests).toHaveLength(0);
  });

  it('creates a session, shows its token and checkout link, refreshes it to COMPLETED and shows the deposit webhook joined to it', async () => {
    await page.getByLabel(/User id/).fill('e2e-user-42');
    await page.getByRole('button', { name: 'Preview request' }).click();
    await expect(page.getByTestId('request-body').textContent()).resolves.toBe('{"userId":"e2e-user-42","userName":"Grace Hopper"}');
    await page.getByRole('button', { name: 'Send' }).click();

    const token = page.getByTestId('provider-session-id');
    await token.waitFor();
    const [fakeToken] = [...fake.sessions.keys()];
    await expect(token.textContent()).resolves.toBe(fakeToken);
    await expect(page.getByTestId('session-link').getAttribute('href')).resolves.toBe(`${fake.baseUrl}/checkout/${fakeToken}`);

    // The fake's test hook completes the session and posts a signed deposit notification to the console.
    await page.getByRole('button', { name: 'Send test deposit' }).click();
    await expect.poll(() => fake.notifications.length, { timeout: 10_000 }).toBe(1);
    expect(fake.notifications[0]!.status).toBe(200);

    const linked = page.getByTestId('linked-deliveries');
    const refresh = page.getByRole('button', { name: 'Refresh status' });
    await refresh.click();
    await page.getByTestId('provider-state').filter({ hasText: 'COMPLETED' }).waitFor();
    // The webhook's ids are worked out just after it is acknowledged: refresh until it has joined.
    for (let attempt = 0; attempt < 10 && !(await linked.isVisible()); attempt++) {
      await page.waitForTimeout(200);
      await refresh.click();
      await page.getByRole('button', { name: 'Refresh status' }).waitFor();
    }
    await expect(page.getByTestId('session-status').textContent()).resolves.toBe('completed');
    await expect(linked.textContent()).resolves.toContain('via sessionToken');
    await expect(linked.textContent()).resolves.toContain('depositEventObject');

    // The session's token is a timeline key: the deposit webhook is on that payment timeline.
    const deliveryId = await linked.locator('li').first().getAttribute('data-delivery-id');
    await linked.getByRole('link', { name: 'timeline' }).first().click();
    expect(page.url()).toContain(`#/timeline/${fakeToken}`);
    await page.locator(`[data-step-key="delivery:${deliveryId}"]`).waitFor({ timeout: 10_000 });
    // The session itself and its status checks are steps of the same timeline, before the webhook.
    const stepKeys = await page.locator('[data-step-key]').evaluateAll((items) => items.map((item) => item.getAttribute('data-step-key')!));
    const created = stepKeys.findIndex((key) => key.startsWith('session:'));
    expect(created).toBeGreaterThanOrEqual(0);
    expect(stepKeys.some((key) => key.startsWith('status_check:'))).toBe(true);
    expect(created).toBeLessThan(stepKeys.indexOf(`delivery:${deliveryId}`));
  });
});
