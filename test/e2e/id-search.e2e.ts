/**
 * Issue 16.3 in Chromium: search that recognises ids. A prefix of a payment's reference, or a
 * word from its middle, typed in any case in the inbox's search, finds its deliveries and names
 * the keys; the whole reference
 * offers "Open payment timeline"; the Payments page in the navigation opens a timeline from any
 * key with the keyboard. Screenshots at 1440 and 1024 px for a person to look at (not compared).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServe, type ServeProcess } from './harness.js';
import { configureSecrets, derived, paychant, post, SECRETS } from './realistic-seed.js';

const SHOTS = process.env.GATEWATCH_SCREENSHOTS ?? '/tmp';
const live = SECRETS.paychant[0]!;

let serve: ServeProcess;
let browser: Browser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  serve = await startServe();
  await configureSecrets(serve);
  ids.created = await post(serve, 'paychant', paychant('CREATED', '7CMJS1Q90GS79AB', '50000'), live);
  ids.completed = await post(serve, 'paychant', paychant('PAYMENT_COMPLETED', '7CMJS1Q90GS79AB', '50000'), live);
  ids.sibling = await post(serve, 'paychant', paychant('AWAITING_PAYMENT', '7CMJS1Q90GS79AC', '12500'), live);
  ids.other = await post(serve, 'paychant', paychant('CREATED', 'RTR5XK2Q8P1M', '170.00'), live);
  await derived(serve);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (serve) expect(await serve.stop('SIGTERM')).toBe(0);
});

const origin = () => new URL(serve.consoleUrl).origin;

async function open(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.setDefaultTimeout(10_000);
  await page.goto(serve.consoleUrl);
  await page.locator('[data-delivery-id]').first().waitFor();
  return page;
}

const rowIds = (page: Page) => page.locator('[data-delivery-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-delivery-id')));
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function search(page: Page, text: string) {
  const field = page.getByRole('searchbox', { name: 'Search deliveries' });
  await field.fill(text);
  await field.press('Enter');
}

describe('search that recognises ids (Chromium)', () => {
  it('finds a payment by the start of its reference in the inbox, names the keys, and opens the timeline of a whole one', async () => {
    const page = await open(1440);
    await search(page, '7cmjs1q9');
    const note = page.getByTestId('id-match');
    await note.getByRole('link', { name: '7CMJS1Q90GS79AB', exact: true }).waitFor();
    // The two references it starts, then the two pids it is inside of (pid-7CMJS…): three named, one more.
    expect(await note.textContent()).toMatch(
      /^4 ids contain 7cmjs1q9:7CMJS1Q90GS79AB transactionRef7CMJS1Q90GS79AC transactionRefpid-7CMJS1Q90GS79AB pidand 1 more$/,
    );
    await expect.poll(() => rowIds(page)).toEqual([ids.sibling, ids.completed, ids.created]);
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/gatewatch-ids-inbox-prefix-1440.png` });

    // A word from the middle of the reference, in lower case: the keys it is inside of, and their deliveries.
    await search(page, '90gs79ab');
    await note.getByRole('link', { name: 'pid-7CMJS1Q90GS79AB' }).waitFor();
    expect(await note.textContent()).toBe('2 ids contain 90gs79ab:7CMJS1Q90GS79AB transactionRefpid-7CMJS1Q90GS79AB pid');
    await expect.poll(() => rowIds(page)).toEqual([ids.completed, ids.created]);
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/gatewatch-ids-inbox-middle-1440.png` });

    // The whole reference, typed in lower case: the key as stored, and its timeline a click away.
    await search(page, '7cmjs1q90gs79ab');
    const openTimeline = note.getByRole('link', { name: 'Open payment timeline' });
    await openTimeline.waitFor();
    expect(await note.textContent()).toContain('7CMJS1Q90GS79AB is a payment’s transactionRef.');
    await expect.poll(() => rowIds(page)).toEqual([ids.completed, ids.created]);
    await page.screenshot({ path: `${SHOTS}/gatewatch-ids-inbox-exact-1440.png` });
    await openTimeline.click();
    await page.getByTestId('timeline-steps').waitFor();
    // The timeline keeps the inbox view it was opened from, for its "← Inbox".
    expect(page.url()).toMatch(/#\/timeline\/7CMJS1Q90GS79AB\?q=7cmjs1q90gs79ab$/);
    expect(await page.getByTestId('timeline-steps').locator(':scope > li').count()).toBe(2);
    // The navigation says where a timeline belongs: Payments.
    expect(await page.locator('nav.topbar').getByRole('link', { name: 'Payments' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('link', { name: '← Inbox' }).click();
    await page.waitForURL('**/#/inbox?q=7cmjs1q90gs79ab');
    await expect.poll(() => rowIds(page)).toEqual([ids.completed, ids.created]);
    await page.close();
  });

  it('opens a timeline from the Payments page with the keyboard, and comes back to the lookup', async () => {
    const page = await open(1440);
    await page.locator('nav.topbar').getByRole('link', { name: 'Payments' }).click();
    const field = page.getByRole('combobox', { name: 'Payment id' });
    await field.waitFor();
    // Before anything is typed: the payments of the latest deliveries, newest first.
    const recent = page.getByRole('region', { name: 'Recently active payments' });
    await expect.poll(() => recent.locator('tbody tr td:first-child').allTextContents()).toEqual(['RTR5XK2Q8P1M', '7CMJS1Q90GS79AC', '7CMJS1Q90GS79AB']);
    await page.screenshot({ path: `${SHOTS}/gatewatch-ids-payments-recent-1440.png` });
    // Focused on arrival: typing starts at once.
    await page.keyboard.type('7cmjs1q9');
    const choices = page.getByRole('listbox', { name: 'Payment timelines' }).getByRole('option');
    await expect
      .poll(() => choices.allTextContents())
      .toEqual(['7CMJS1Q90GS79ABtransactionRef', '7CMJS1Q90GS79ACtransactionRef', 'pid-7CMJS1Q90GS79ABpid', 'pid-7CMJS1Q90GS79ACpid']);
    expect(await field.getAttribute('aria-expanded')).toBe('true');
    await page.screenshot({ path: `${SHOTS}/gatewatch-ids-payments-1440.png` });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await choices.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await field.getAttribute('aria-activedescendant')).toBe(await choices.nth(1).getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.getByTestId('timeline-steps').waitFor();
    expect(page.url()).toMatch(/#\/timeline\/7CMJS1Q90GS79AC$/);

    // Back: the lookup as it was left.
    await page.goBack();
    await field.waitFor();
    expect(await field.inputValue()).toBe('7cmjs1q9');
    await expect.poll(() => choices.count()).toBe(4);

    // A word from the middle: the keys it is inside of, and Enter on the first opens it.
    await field.fill('q90gs79ac');
    await expect.poll(() => choices.allTextContents()).toEqual(['7CMJS1Q90GS79ACtransactionRef', 'pid-7CMJS1Q90GS79ACpid']);
    await page.screenshot({ path: `${SHOTS}/gatewatch-ids-payments-middle-1440.png` });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('timeline-steps').waitFor();
    expect(page.url()).toMatch(/#\/timeline\/7CMJS1Q90GS79AC$/);
    await page.goBack();
    await field.waitFor();

    // A whole key in another case opens as stored; a delivery id opens as typed.
    await field.fill('7cmjs1q90gs79ab');
    await choices.filter({ hasText: 'this id' }).waitFor();
    await field.press('Enter');
    await page.getByTestId('timeline-steps').waitFor();
    expect(page.url()).toMatch(/#\/timeline\/7CMJS1Q90GS79AB$/);
    await page.goto(`${origin()}/#/payments`);
    await field.fill(ids.other!);
    await page.getByRole('status').filter({ hasText: 'No payment key is or contains' }).waitFor();
    await field.press('Enter');
    await page.getByTestId('timeline-steps').waitFor();
    expect(decodeURIComponent(page.url())).toContain(`#/timeline/${ids.other}`);
    await page.close();
  });

  it('an unknown key’s empty timeline suggests the keys it may mean', async () => {
    const page = await open(1440);
    await page.goto(`${origin()}/#/timeline/7cmjs1q90gs79ab`);
    const suggestions = page.getByRole('navigation', { name: 'Payment timelines this key may mean' });
    await suggestions.getByRole('link', { name: '7CMJS1Q90GS79AB', exact: true }).click();
    await page.getByTestId('timeline-steps').waitFor();
    expect(await page.getByRole('textbox', { name: 'Correlation key' }).inputValue()).toBe('7CMJS1Q90GS79AB');
    await page.close();
  });

  it('holds at 1024 px: the top bar on one line, no sideways scroll on the inbox with the note or on Payments', async () => {
    const page = await open(1024);
    // The nine pages, the theme and the account menu on one line (each item's middle at one height).
    const middles = await page
      .locator('nav.topbar > *')
      .evaluateAll((items) => items.map((item) => item.getBoundingClientRect()).map((box) => Math.round(box.top + box.height / 2)));
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThanOrEqual(4);
    await search(page, '7CMJS1Q90GS79AB');
    await page.getByTestId('id-match').getByRole('link', { name: 'Open payment timeline' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/gatewatch-ids-inbox-exact-1024.png` });
    await search(page, '90GS79AB');
    await page.getByTestId('id-match').getByRole('link', { name: 'pid-7CMJS1Q90GS79AB' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/gatewatch-ids-inbox-middle-1024.png` });
    await page.goto(`${origin()}/#/payments`);
    await page.getByRole('region', { name: 'Recently active payments' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/gatewatch-ids-payments-recent-1024.png` });
    await page.goto(`${origin()}/#/payments?q=7CMJS1Q9`);
    await page.getByRole('listbox', { name: 'Payment timelines' }).getByRole('option').first().waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/gatewatch-ids-payments-1024.png` });
    await page.goto(`${origin()}/#/payments?q=Q90GS79A`);
    await expect.poll(() => page.getByRole('listbox', { name: 'Payment timelines' }).getByRole('option').count()).toBe(4);
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/gatewatch-ids-payments-middle-1024.png` });
    await page.goto(`${origin()}/#/timeline/7cmjs1q9`);
    await page.getByRole('navigation', { name: 'Payment timelines this key may mean' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/gatewatch-ids-timeline-empty-1024.png` });
    await page.close();
  });
});
