import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServe, type ServeProcess } from './harness.js';
import { derived, type SeededIds, seedRealistic } from './realistic-seed.js';

/** Screenshots for a person to look at (not compared). */
const SHOTS = process.env.GATEWATCH_SCREENSHOTS ?? '/tmp';

let serve: ServeProcess;
let browser: Browser;
let ids: SeededIds;

beforeAll(async () => {
  serve = await startServe();
  ids = await seedRealistic(serve);
  await derived(serve);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (serve) expect(await serve.stop('SIGTERM')).toBe(0);
});

const origin = () => new URL(serve.consoleUrl).origin;

async function open(width: number, hash = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.setDefaultTimeout(10_000);
  await page.goto(serve.consoleUrl);
  await page.locator('[data-delivery-id]').first().waitFor();
  if (hash) await page.goto(`${origin()}/${hash}`);
  return page;
}

/** Everything on the page that scrolls sideways, the page itself included. */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`document ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const { overflowX } = getComputedStyle(el);
      if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) found.push(`${el.tagName.toLowerCase()}.${el.className}`);
    }
    return found;
  });

const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;
const selectedRow = (page: Page) => page.locator('.inbox-row.selected').getAttribute('data-delivery-id');
const paneShows = (page: Page) => page.getByTestId('inbox-pane').getAttribute('data-delivery-id-shown');

describe('layout that holds (1024 px)', () => {
  it('never scrolls sideways on the inbox, with the pane, or on the delivery page; the delivery page stacks', async () => {
    const page = await open(1024);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await sideways(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/gatewatch-inbox-1024.png` });
    await page.locator(`[data-delivery-id="${ids.long}"]`).click();
    await page.getByTestId('inbox-pane').getByRole('article').waitFor();
    expect(await sideways(page)).toEqual([]);
    // Below 1100 px the pane sits under the list.
    expect((await box(page, '.inbox-pane')).y).toBeGreaterThan((await box(page, '.inbox-list')).y + 100);
    await page.screenshot({ path: `${SHOTS}/gatewatch-inbox-pane-1024.png` });
    await page.goto(`${origin()}/#/deliveries/${ids.long}`);
    await page.getByRole('article').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await sideways(page)).toEqual([]);
    // Stacked: the signature panel comes after the body, not beside it.
    const main = await box(page, '.delivery-main');
    const side = await box(page, '.delivery-side');
    expect(side.y).toBeGreaterThanOrEqual(main.y + main.height);
    expect(side.width).toBeGreaterThan(900);
    // The 120-character reference wraps inside the page.
    const reference = await box(page, 'a[href*="#/timeline/LONG"]');
    expect(reference.x + reference.width).toBeLessThanOrEqual(1024);
    await page.screenshot({ path: `${SHOTS}/gatewatch-delivery-1024.png` });
    await page.close();
  });

  it('keeps the delivery page in two columns at 1440 px, with the header row in the scrolled grid and the signature third', async () => {
    const page = await open(1440);
    const headers = await page.locator('[role="columnheader"]').allTextContents();
    expect(headers.slice(0, 3)).toEqual(['Provider', 'Event', 'Signature']);
    // The header row is inside the grid that scrolls, sticky: it moves with the rows.
    const header = page.locator('.inbox-header');
    expect(await header.evaluate((el) => el.parentElement?.getAttribute('role'))).toBe('grid');
    await page.locator('[role="grid"]').evaluate((grid) => grid.scrollBy(0, 300));
    expect((await header.boundingBox())!.y).toBeCloseTo((await box(page, '[role="grid"]')).y + 1, 0);
    await page.goto(`${origin()}/#/deliveries/${ids['instap-sandbox']}`);
    await page.getByRole('article').waitFor();
    const main = await box(page, '.delivery-main');
    const side = await box(page, '.delivery-side');
    expect(Math.abs(side.y - main.y)).toBeLessThan(5);
    expect(side.x).toBeGreaterThan(main.x + main.width);
    expect(await sideways(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/gatewatch-delivery-1440.png` });
    await page.close();
  });

  it('updates relative times by themselves', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.clock.install();
    await page.goto(serve.consoleUrl);
    const time = page.locator(`[data-delivery-id="${ids.long}"] time`);
    await time.waitFor();
    const before = await time.textContent();
    await page.clock.fastForward('05:00');
    await expect.poll(() => time.textContent()).not.toBe(before);
    expect(await time.textContent()).toMatch(/^5 min ago/);
    await page.close();
  });
});

describe('the inbox as a split view (1440 px)', () => {
  it('moves a detail pane beside the list with j/k, and Escape closes it', async () => {
    const page = await open(1440);
    await page.locator(`[data-delivery-id="${ids['forged-completed']}"]`).click();
    await page.getByTestId('inbox-pane').getByRole('article').waitFor();
    const list = await box(page, '.inbox-list');
    const pane = await box(page, '.inbox-pane');
    expect(pane.x).toBeGreaterThanOrEqual(list.x + list.width);
    expect(Math.abs(pane.y - list.y)).toBeLessThan(5);
    expect(new URL(page.url()).hash).toContain(`selected=${ids['forged-completed']}`);
    await page.screenshot({ path: `${SHOTS}/gatewatch-inbox-pane-1440.png` });
    await page.keyboard.press('j');
    await expect.poll(() => paneShows(page)).toBe(ids['forged-awaiting']);
    await page
      .getByTestId('inbox-pane')
      .getByRole('article', { name: `Delivery ${ids['forged-awaiting']}` })
      .waitFor();
    await page.keyboard.press('k');
    await expect.poll(() => paneShows(page)).toBe(ids['forged-completed']);
    expect(await sideways(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('inbox-pane').waitFor({ state: 'detached' });
    expect(await selectedRow(page)).toBe(ids['forged-completed']);
    await page.close();
  });

  it('keeps filters, selection and scroll position across opening a delivery and coming back with "← Inbox" or Back', async () => {
    const page = await open(1440, '#/inbox?provider=paychant');
    await page.locator(`[data-delivery-id="${ids['forged-completed']}"]`).waitFor();
    const grid = page.locator('[role="grid"]');
    // Down the list, where a virtualized row is drawn only once scrolled to.
    await grid.evaluate((el) => el.scrollTo(0, 700));
    await page.locator(`[data-delivery-id="${ids['fill-completed-2']}"]`).click();
    await page.getByTestId('inbox-pane').getByRole('article').waitFor();
    const scrolled = await grid.evaluate((el) => el.scrollTop);
    expect(scrolled).toBeGreaterThan(400);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/#/deliveries/${ids['fill-completed-2']}?provider=paychant`);
    // Next and previous follow the list it came from.
    await page.getByTestId('delivery-position').waitFor();
    await page.keyboard.press('j');
    await page.waitForURL(`**/#/deliveries/${ids['fill-awaiting-2']}?provider=paychant`);
    await page.keyboard.press('k');
    await page.waitForURL(`**/#/deliveries/${ids['fill-completed-2']}?provider=paychant`);
    await page.getByRole('link', { name: '← Inbox' }).click();
    await page.waitForURL(`**/#/inbox?provider=paychant&selected=${ids['fill-completed-2']}`);
    await expect.poll(() => paneShows(page)).toBe(ids['fill-completed-2']);
    expect(await selectedRow(page)).toBe(ids['fill-completed-2']);
    expect(await page.getByRole('combobox', { name: 'Provider' }).inputValue()).toBe('paychant');
    expect(Math.abs((await grid.evaluate((el) => el.scrollTop)) - scrolled)).toBeLessThan(5);
    // Escape on the delivery page goes back the same way; so does the browser's Back.
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Deliveries' }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForURL(`**/#/inbox?provider=paychant&selected=${ids['fill-completed-2']}`);
    await expect.poll(() => selectedRow(page)).toBe(ids['fill-completed-2']);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Deliveries' }).waitFor();
    await page.evaluate(() => window.history.back());
    await expect.poll(() => selectedRow(page)).toBe(ids['fill-completed-2']);
    expect(new URL(page.url()).hash).toContain('provider=paychant');
    await page.close();
  });
});

describe('retries collapsed under their original', () => {
  it('shows ×2 on the original and lists the retries with the toggle, kept in the route', async () => {
    const page = await open(1440);
    const original = page.locator(`[data-delivery-id="${ids['retried-completed']}"]`);
    await expect(original.getByTestId('row-retries').textContent()).resolves.toBe('×2 retries');
    for (const retry of ['retried-completed-2', 'retried-completed-3']) expect(await page.locator(`[data-delivery-id="${ids[retry]}"]`).count()).toBe(0);
    await page.getByRole('checkbox', { name: /Show retries/ }).check();
    await page.locator(`[data-delivery-id="${ids['retried-completed-3']}"]`).waitFor();
    expect(new URL(page.url()).hash).toContain('retries=show');
    await expect(page.locator(`[data-delivery-id="${ids['retried-completed-2']}"] .badge.duplicate`).textContent()).resolves.toBe('retry');
    await page.getByRole('checkbox', { name: /Show retries/ }).uncheck();
    await page.locator(`[data-delivery-id="${ids['retried-completed-3']}"]`).waitFor({ state: 'detached' });
    await page.close();
  });
});
