/**
 * Links that work (issue 16, item 4): a printed console URL signs the browser in once (an HttpOnly,
 * SameSite=Strict session cookie, never the token); "Copy link" on an inbox view, a delivery and a
 * timeline gives links that open the same view in a new tab; a colleague's browser is asked for the
 * token instead of meeting a dead end, then shows the linked view. And a console that stops shows
 * one "disconnected" banner with a retry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startServe, type ServeProcess } from './harness.js';
import { derived, seedRealistic, type SeededIds } from './realistic-seed.js';

const SHOTS = process.env.GATEWATCH_SCREENSHOTS ?? '/tmp';
let serve: ServeProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let ids: SeededIds;
let origin: string;
const token = () => new URL(serve.consoleUrl).searchParams.get('token')!;

beforeAll(async () => {
  serve = await startServe();
  origin = new URL(serve.consoleUrl).origin;
  ids = await seedRealistic(serve);
  await derived(serve);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  if (serve) expect(await serve.stop('SIGTERM')).toBe(0);
});

/** Clicks "Copy link" and reads what it put on the clipboard. */
async function copyLink(on: Page): Promise<string> {
  await on.getByRole('button', { name: 'Copy link' }).click();
  await on.getByRole('button', { name: 'Copied' }).waitFor();
  return on.evaluate(() => navigator.clipboard.readText());
}

describe('links in Chromium against serve mode', () => {
  it('trades the printed token for an HttpOnly, SameSite=Strict session cookie, and a new tab on a delivery link opens it', async () => {
    await page.goto(serve.consoleUrl);
    await page.locator('[data-delivery-id]').first().waitFor();
    expect(page.url()).not.toContain('token');
    const cookies = await context.cookies(origin);
    expect(cookies).toHaveLength(1);
    const [cookie] = cookies;
    expect(cookie).toMatchObject({ name: `gatewatch_session_${new URL(origin).port}`, httpOnly: true, sameSite: 'Strict', path: '/', expires: -1 });
    expect(cookie!.value).not.toContain(token());
    expect(await page.evaluate(() => document.cookie)).toBe('');

    const tab = await context.newPage();
    await tab.goto(`${origin}/#/deliveries/${ids['forged-completed']}`);
    await tab.getByRole('region', { name: 'Signature verification' }).waitFor();
    expect(await tab.getByLabel('Console token').count()).toBe(0);
    await tab.close();
  });

  it('copies links to an inbox view, a delivery and a timeline that open the same view in another tab', async () => {
    await page.goto(`${origin}/#/inbox?provider=paychant&status=completed`);
    await page.locator('[data-delivery-id]').first().waitFor();
    const inboxLink = await copyLink(page);
    expect(inboxLink).toBe(`${origin}/#/inbox?provider=paychant&status=completed`);
    await page.screenshot({ path: `${SHOTS}/gatewatch-links-inbox-1440.png` });

    await page.goto(`${origin}/#/deliveries/${ids['retried-completed']}`);
    await page.getByRole('region', { name: 'Signature verification' }).waitFor();
    expect(await copyLink(page)).toBe(`${origin}/#/deliveries/${ids['retried-completed']}`);

    await page.goto(`${origin}/#/timeline/FRG7CMJS1Q90`);
    await page.getByTestId('timeline-steps').waitFor();
    const timelineLink = await copyLink(page);
    expect(timelineLink).toBe(`${origin}/#/timeline/FRG7CMJS1Q90`);

    const tab = await context.newPage();
    await tab.goto(inboxLink);
    await tab.locator('[data-delivery-id]').first().waitFor();
    expect(await tab.getByRole('combobox', { name: 'Provider' }).inputValue()).toBe('paychant');
    expect(await tab.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('completed');
    await tab.goto(timelineLink);
    await tab.getByTestId('timeline-steps').waitFor();
    await tab.close();
  });

  it('asks a colleague’s browser for the token instead of a dead end, then opens the linked view', async () => {
    const colleague = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const theirs = await colleague.newPage();
    const link = `${origin}/#/inbox?provider=paychant&status=completed`;
    await theirs.goto(link);
    const field = theirs.getByLabel('Console token');
    await field.waitFor();
    const text = await theirs.locator('main').textContent();
    expect(text).toContain('Paste the console token (printed by npm run serve, or in the token file)');
    expect(text).not.toContain('No access token');
    await theirs.screenshot({ path: `${SHOTS}/gatewatch-sign-in-1440.png` });
    await theirs.setViewportSize({ width: 1024, height: 768 });
    await theirs.screenshot({ path: `${SHOTS}/gatewatch-sign-in-1024.png` });

    await field.fill('not-the-token');
    await theirs.getByRole('button', { name: 'Open the console' }).click();
    await expect(theirs.getByRole('alert').textContent()).resolves.toMatch(/not this console’s token/);
    await field.fill(token());
    await theirs.getByRole('button', { name: 'Open the console' }).click();
    await theirs.locator('[data-delivery-id]').first().waitFor();
    expect(theirs.url()).toBe(link);
    expect(await theirs.getByRole('combobox', { name: 'Provider' }).inputValue()).toBe('paychant');
    // Their browser now has its own session: a new tab goes straight in.
    const second = await colleague.newPage();
    await second.goto(`${origin}/#/deliveries/${ids.unsigned}`);
    await second.getByRole('region', { name: 'Signature verification' }).waitFor();
    await colleague.close();
  });

  it('says the console is disconnected, in one banner with a retry, when serve mode stops', async () => {
    await page.goto(`${origin}/#/inbox`);
    await page.locator('[data-delivery-id]').first().waitFor();
    expect(await serve.stop('SIGTERM')).toBe(0);
    const banner = page.getByRole('alert').filter({ hasText: 'Console disconnected.' });
    await banner.waitFor({ timeout: 15_000 });
    await expect(banner.textContent()).resolves.toContain('Gatewatch is not answering');
    await banner.getByRole('button', { name: 'Retry now' }).click();
    await banner.getByRole('button', { name: 'Retry now' }).waitFor();
    expect(await page.getByText('Failed to fetch').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/gatewatch-disconnected-1440.png` });
  });
});
