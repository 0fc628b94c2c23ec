/**
 * Issue 20, "Alerts and views", in Chromium against serve mode: a saved view (a filter with its
 * search text) kept by the console, its link opened in a new tab (and in a colleague's browser
 * after sign-in); the command palette and the shortcuts sheet by keyboard alone, checked with
 * axe-core; and alerts as browser notifications once allowed: a test one, and a real burst of
 * forged webhooks.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startServe, type ServeProcess } from './harness.js';
import { derived, paychant, post, seedRealistic } from './realistic-seed.js';

const SHOTS = process.env.GATEWATCH_SCREENSHOTS ?? '/tmp';
const AXE = join(import.meta.dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');
let serve: ServeProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let origin: string;
const token = () => new URL(serve.consoleUrl).searchParams.get('token')!;

beforeAll(async () => {
  serve = await startServe();
  origin = new URL(serve.consoleUrl).origin;
  await seedRealistic(serve);
  await derived(serve);
  browser = await launchChromium();
  // The page's CSP admits only its own scripts: axe is let in by the test (the page itself is unchanged).
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write', 'notifications'], { origin });
  // What the page hands the Notification API is recorded (headless Chromium shows nothing to look at).
  await context.addInitScript(() => {
    const shown: Array<{ title: string; body?: string; tag?: string }> = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    class RecordedNotification {
      static permission: NotificationPermission = 'default';
      static async requestPermission() {
        RecordedNotification.permission = 'granted';
        return RecordedNotification.permission;
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        shown.push({ title, body: options.body, tag: options.tag });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true });
  });
  page = await context.newPage();
  await page.goto(serve.consoleUrl);
  await page.locator('[data-delivery-id]').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  if (serve) expect(await serve.stop('SIGTERM')).toBe(0);
});

/** axe-core's serious and critical findings on the page as it is now. */
async function violations(on: Page): Promise<unknown[]> {
  if (!(await on.evaluate(() => 'axe' in window))) await on.addScriptTag({ path: AXE });
  return on.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }> } }
    ).axe;
    const result = await axe.run(document);
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes }));
  });
}

const sidebar = (on: Page) => on.getByRole('navigation', { name: 'Saved views' });
const shown = (on: Page) =>
  on.evaluate(() => (window as unknown as { shownNotifications: Array<{ title: string; body?: string; tag?: string }> }).shownNotifications);

describe('saved views, the palette and alerts in Chromium', () => {
  it('saves a view with its search text and opens its link in a new tab, signed in by the session', async () => {
    await page.goto(`${origin}/#/inbox?provider=paychant&q=FRG7CMJS1Q90`);
    await page.locator('[data-delivery-id]').first().waitFor();
    await sidebar(page).getByRole('button', { name: 'Save this view…' }).click();
    const name = sidebar(page).getByRole('textbox', { name: 'Name' });
    expect(await name.inputValue()).toBe('Paychant · “FRG7CMJS1Q90”');
    await page.screenshot({ path: `${SHOTS}/gatewatch-save-view-1440.png` });
    await name.fill('Forged FRG7 payment');
    await sidebar(page).getByRole('button', { name: 'Save view' }).click();
    const saved = sidebar(page).getByRole('link', { name: /Forged FRG7 payment/ });
    await saved.waitFor();
    expect(await saved.getAttribute('aria-current')).toBe('page');
    expect(await violations(page)).toEqual([]);

    await sidebar(page).getByRole('button', { name: 'Copy the link to “Forged FRG7 payment”' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${origin}/#/inbox?provider=paychant&q=FRG7CMJS1Q90`);

    const tab = await context.newPage();
    await tab.goto(link);
    await tab.locator('[data-delivery-id]').first().waitFor();
    expect(await tab.getByLabel('Console token').count()).toBe(0);
    expect(await tab.getByRole('searchbox', { name: 'Search deliveries' }).inputValue()).toBe('FRG7CMJS1Q90');
    expect(await tab.getByRole('combobox', { name: 'Provider' }).inputValue()).toBe('paychant');
    expect(await tab.locator('[data-delivery-id]').count()).toBe(3);
    expect(
      await sidebar(tab)
        .getByRole('link', { name: /Forged FRG7 payment/ })
        .getAttribute('aria-current'),
    ).toBe('page');
    await tab.screenshot({ path: `${SHOTS}/gatewatch-view-new-tab-1440.png` });
    await tab.setViewportSize({ width: 1024, height: 768 });
    await tab.screenshot({ path: `${SHOTS}/gatewatch-view-new-tab-1024.png` });
    await tab.close();
  });

  it('opens the link in a colleague’s browser after sign-in, where the team’s view is listed too', async () => {
    const colleague = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const theirs = await colleague.newPage();
    const link = `${origin}/#/inbox?provider=paychant&q=FRG7CMJS1Q90`;
    await theirs.goto(link);
    await theirs.getByLabel('Console token').fill(token());
    await theirs.getByRole('button', { name: 'Open the console' }).click();
    await theirs.locator('[data-delivery-id]').first().waitFor();
    expect(theirs.url()).toBe(link);
    expect(await theirs.getByRole('searchbox', { name: 'Search deliveries' }).inputValue()).toBe('FRG7CMJS1Q90');
    expect(
      await sidebar(theirs)
        .getByRole('link', { name: /Forged FRG7 payment/ })
        .getAttribute('aria-current'),
    ).toBe('page');
    await colleague.close();
  });

  it('opens the view from the command palette and lists the shortcuts on ?, by keyboard alone', async () => {
    await page.goto(`${origin}/#/dashboard`);
    await page.locator('rect.chart-bar').first().waitFor();
    await page.keyboard.press('Control+k');
    const field = page.getByRole('combobox', { name: 'Go to a page or a saved view, or run an action' });
    await field.waitFor();
    await page.keyboard.type('forged frg7');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    expect(await palette.getByRole('option', { selected: true }).textContent()).toContain('Forged FRG7 payment');
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/gatewatch-palette-1440.png` });
    await page.keyboard.press('Enter');
    await page.locator('[data-delivery-id]').first().waitFor();
    expect(new URL(page.url()).hash).toBe('#/inbox?provider=paychant&q=FRG7CMJS1Q90');

    await page.locator('[data-delivery-id]').first().click();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    expect(await sheet.getByRole('row').count()).toBeGreaterThan(8);
    expect(await violations(page)).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${SHOTS}/gatewatch-shortcuts-1024.png` });
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('asks for notifications once on the button, then shows a test alert and a burst of forged webhooks', async () => {
    await page.goto(`${origin}/#/settings`);
    const section = page.getByRole('region', { name: 'Notifications' });
    await section.getByRole('button', { name: 'Allow notifications in this browser' }).click();
    await section.getByText(/This browser shows Gatewatch’s alerts/).waitFor();
    await section.getByRole('button', { name: 'Send a test notification' }).click();
    await expect.poll(() => shown(page)).toEqual([expect.objectContaining({ title: 'Gatewatch test notification' })]);

    const forged = { label: 'x', value: 'not-the-secret' };
    for (let i = 0; i < 5; i++) await post(serve, 'paychant', paychant('PAYMENT_COMPLETED', `FORGED${i}BURST`, '1000'), forged);
    await expect.poll(() => shown(page), { timeout: 15_000 }).toContainEqual(expect.objectContaining({ title: 'Failed signatures from Paychant' }));
    await section.getByRole('link', { name: 'Failed signatures from Paychant' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await section.screenshot({ path: `${SHOTS}/gatewatch-notifications-1440.png` });
    await page.setViewportSize({ width: 1024, height: 768 });
    await section.screenshot({ path: `${SHOTS}/gatewatch-notifications-1024.png` });
  });
});
