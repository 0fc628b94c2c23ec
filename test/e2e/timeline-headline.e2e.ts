import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tempDir } from '../helpers/temp.js';
import { launchChromium, startServe, type ServeProcess } from './harness.js';
import { derived, paychant, preseedOld, SECRETS, type SeededIds, seedRealistic } from './realistic-seed.js';

/** Screenshots for a person to look at (not compared). */
const SHOTS = process.env.GATEWATCH_SCREENSHOTS ?? '/tmp';

const dir = tempDir('gatewatch-e2e-');
let serve: ServeProcess;
let browser: Browser;
let ids: SeededIds;

beforeAll(async () => {
  // A payment that has waited 2 h for its completion: received before this serve mode started.
  await preseedOld(dir.path, [
    { provider: 'paychant', body: paychant('AWAITING_PAYMENT', 'SIL4T2Q9W1ZZ', '75000.00'), secret: SECRETS.paychant[0]!, hoursAgo: 2.2 },
  ]);
  serve = await startServe({ dataDir: dir.path });
  ids = await seedRealistic(serve);
  await derived(serve);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (serve) expect(await serve.stop('SIGTERM')).toBe(0);
  dir.remove();
});

async function timeline(key: string, width = 1440): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.setDefaultTimeout(10_000);
  await page.goto(serve.consoleUrl);
  await page.locator('[data-delivery-id]').first().waitFor();
  await page.goto(`${new URL(serve.consoleUrl).origin}/#/timeline/${key}`);
  await page.getByTestId('timeline-steps').waitFor();
  return page;
}

const summary = (page: Page) => page.getByTestId('headline-summary').textContent();

describe('a timeline headline you can trust', () => {
  it('says "completed, unverified" in amber, not green, when the completion failed verification, and flags the amount change', async () => {
    for (const width of [1440, 1024]) {
      const page = await timeline('FRG7CMJS1Q90', width);
      expect(await summary(page)).toBe(
        'Completed, unverified: the signature of PAYMENT_COMPLETED did not verify, so the backend probably still shows pending.',
      );
      const banner = page.getByTestId('payment-headline');
      expect(await banner.getAttribute('data-tone')).toBe('warning');
      // Never the green of a good outcome, and no "completed" status badge in it.
      const colours = await page.evaluate(() => {
        const line = document.querySelector('[data-testid="headline-summary"]')!;
        const ok = getComputedStyle(document.documentElement).getPropertyValue('--ok').trim();
        const probe = document.createElement('span');
        probe.style.color = ok;
        document.body.append(probe);
        const green = getComputedStyle(probe).color;
        probe.remove();
        return { line: getComputedStyle(line).color, green };
      });
      expect(colours.line).not.toBe(colours.green);
      expect(await banner.locator('.status-completed').count()).toBe(0);
      expect(await page.getByTestId('headline-amount').textContent()).toBe('140000 NGN changed, was 50000 NGN');
      // Above the events, which say the same.
      const bannerBox = (await banner.boundingBox())!;
      expect(bannerBox.y).toBeLessThan((await page.getByTestId('timeline-steps').boundingBox())!.y);
      const completed = page.locator(`[data-step-key="delivery:${ids['forged-completed']}"]`);
      await expect(completed.textContent()).resolves.toContain('amount mismatch');
      await expect(completed.textContent()).resolves.toContain('signature failed');
      await expect(completed.locator('.status-after').textContent()).resolves.toBe('verified status after: pending');
      expect(await page.locator('.timeline-summary').textContent()).not.toContain('nothing looks wrong');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await page.screenshot({ path: `${SHOTS}/gatewatch-timeline-unverified-${width}.png` });
      await page.close();
    }
  });

  it('makes silence a flag: no event for 2 h since AWAITING_PAYMENT', async () => {
    const page = await timeline('SIL4T2Q9W1ZZ');
    expect(await summary(page)).toBe('Pending, verified: no event from Paychant for 2 h since AWAITING_PAYMENT.');
    expect(await page.getByTestId('payment-headline').getAttribute('data-tone')).toBe('warning');
    await expect(page.locator('.step-flag.flag-silent').textContent()).resolves.toContain(
      'No event from Paychant for 2 h since AWAITING_PAYMENT: the payment may be stuck.',
    );
    await expect(page.getByRole('list', { name: 'What to do' }).textContent()).resolves.toContain("Ask Paychant for the payment's status");
    await page.screenshot({ path: `${SHOTS}/gatewatch-timeline-silent-1440.png` });
    await page.close();
  });

  it('reads a verified completion as completed, with its retries collapsed under it (×2) and a toggle to show them', async () => {
    const page = await timeline('RTR5XK2Q8P1M');
    expect(await summary(page)).toBe('Completed, verified.');
    expect(await page.getByTestId('payment-headline').getAttribute('data-tone')).toBe('good');
    const steps = () => page.locator('li.timeline-step').evaluateAll((items) => items.map((li) => li.getAttribute('data-step-key')));
    expect(await steps()).toEqual([`delivery:${ids['retried-awaiting']}`, `delivery:${ids['retried-completed']}`]);
    await expect(page.locator(`[data-step-key="delivery:${ids['retried-completed']}"]`).getByTestId('step-retries').textContent()).resolves.toBe('×2 retries');
    await page.getByRole('checkbox', { name: 'Show 2 retries' }).check();
    expect(await steps()).toEqual([
      `delivery:${ids['retried-awaiting']}`,
      `delivery:${ids['retried-completed']}`,
      `delivery:${ids['retried-completed-2']}`,
      `delivery:${ids['retried-completed-3']}`,
    ]);
    await page.screenshot({ path: `${SHOTS}/gatewatch-timeline-retries-1440.png` });
    await page.close();
  });
});
