/**
 * An automated accessibility check (axe-core) over every page of the console, in light and in
 * dark, on realistic data: no serious or critical violation anywhere.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServe, type ServeProcess } from './harness.js';
import { api, derived, seedRealistic, type SeededIds } from './realistic-seed.js';
import { startStagingServer, type StagingServer } from '../fakes/staging.js';

const AXE = join(import.meta.dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');

let serve: ServeProcess;
let staging: StagingServer;
let browser: Browser;
let page: Page;
let ids: SeededIds;
let origin: string;

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary: string }>;
}

/** axe-core's serious and critical findings on the page as it is now. */
async function violations(on: Page): Promise<Finding[]> {
  if (!(await on.evaluate(() => 'axe' in window))) await on.addScriptTag({ path: AXE });
  const found = await on.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context?: unknown, options?: unknown): Promise<{ violations: Finding[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  const bad = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (process.env.AXE_REPORT) appendFileSync(process.env.AXE_REPORT, `${JSON.stringify({ url: on.url(), bad })}\n`);
  return bad;
}

/** Each page, at its route, with what must be on screen before it is checked. */
const PAGES: Array<{ name: string; route: () => string; ready: (on: Page) => Promise<unknown> }> = [
  { name: 'inbox', route: () => '#/inbox', ready: (on) => on.locator('[data-delivery-id]').first().waitFor() },
  {
    name: 'inbox with a delivery in the pane',
    route: () => `#/inbox?selected=${ids['forged-completed']}`,
    ready: (on) => on.getByRole('region', { name: 'Signature verification' }).first().waitFor(),
  },
  {
    name: 'delivery',
    route: () => `#/deliveries/${ids['forged-completed']}`,
    ready: (on) => on.getByRole('region', { name: 'Signature verification' }).waitFor(),
  },
  { name: 'timeline', route: () => '#/timeline/FRG7CMJS1Q90', ready: (on) => on.getByTestId('timeline-steps').waitFor() },
  { name: 'payments', route: () => '#/payments', ready: (on) => on.getByRole('region', { name: 'Recently active payments' }).waitFor() },
  {
    name: 'payments, ids offered for a typed one',
    route: () => '#/payments?q=7cmjs1q9',
    ready: (on) => on.getByRole('listbox', { name: 'Payment timelines' }).getByRole('option').first().waitFor(),
  },
  {
    name: 'inbox searched for an id',
    route: () => '#/inbox?q=frg7cmjs1q90',
    ready: (on) => on.getByTestId('id-match').getByRole('link', { name: 'Open payment timeline' }).waitFor(),
  },
  { name: 'dashboard', route: () => '#/dashboard', ready: (on) => on.locator('rect.chart-bar').first().waitFor() },
  { name: 'sessions', route: () => '#/sessions', ready: (on) => on.getByRole('form', { name: 'New session' }).waitFor() },
  {
    name: 'replay',
    route: () => '#/replay?provider=paychant&status=completed',
    ready: (on) => on.getByTestId('bulk-count').filter({ hasText: 'match' }).waitFor(),
  },
  {
    name: 'settings',
    route: () => '#/settings',
    ready: (on) =>
      on
        .getByRole('heading', { name: /Providers/i })
        .first()
        .waitFor(),
  },
  { name: 'audit', route: () => '#/audit', ready: (on) => on.locator('table').first().waitFor() },
];

beforeAll(async () => {
  serve = await startServe();
  origin = new URL(serve.consoleUrl).origin;
  staging = await startStagingServer();
  ids = await seedRealistic(serve);
  await derived(serve);
  // A target and a replay, so the replay page, the delivery's replay panel and the audit log have content.
  const target = await api<{ id: string }>(serve, 'replay.targets.save', { name: 'Staging', url: staging.url('/ok'), provider: 'paychant' });
  await api(serve, 'replay.send', { deliveryId: ids['forged-completed'], targetId: target.id, confirm: true });
  browser = await launchChromium();
  // The page's CSP admits only its own scripts: the test lets axe in (the page itself is unchanged).
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await page.goto(serve.consoleUrl);
  await page.locator('[data-delivery-id]').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await staging?.close();
  if (serve) expect(await serve.stop('SIGTERM')).toBe(0);
});

describe('accessibility (axe-core) of every page', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const target of PAGES) {
      it(`${target.name}, ${scheme}: no serious or critical violation`, async () => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${origin}/${target.route()}`);
        await target.ready(page);
        expect(await violations(page)).toEqual([]);
      });
    }
  }

  it('the replay editor dialog and the bulk confirmation: no serious or critical violation', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${origin}/#/deliveries/${ids['retried-completed']}`);
    await page.getByRole('button', { name: 'Edit and send…' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.goto(`${origin}/#/replay?provider=paychant&status=completed`);
    await page.getByRole('button', { name: /^Replay \d+ matching…$/ }).click();
    await page.getByRole('alertdialog').waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it('the theme toggle turns the page dark while the system is light, and back; dark by choice passes too', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${origin}/#/inbox`);
    await page.locator('[data-delivery-id]').first().waitFor();
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await background()).toBe('rgb(247, 248, 250)');
    await page.getByLabel('Theme').selectOption('dark');
    expect(await background()).toBe('rgb(18, 21, 28)');
    expect(await violations(page)).toEqual([]);
    // Kept for the next visit.
    await page.reload();
    await page.locator('[data-delivery-id]').first().waitFor();
    expect(await background()).toBe('rgb(18, 21, 28)');
    await page.getByLabel('Theme').selectOption('system');
    expect(await background()).toBe('rgb(247, 248, 250)');
  });

  it('the sign-in page: no serious or critical violation', async () => {
    const stranger = await browser.newPage({ bypassCSP: true });
    await stranger.goto(`${origin}/#/inbox`);
    await stranger.getByLabel('Console token').waitFor();
    expect(await violations(stranger)).toEqual([]);
    await stranger.close();
  });
});
