/**
 * Issue 19, "Accounts and roles", in Chromium against the built serve mode: the first admin made
 * from the command line signs in with a name and password, adds a viewer in Settings → People;
 * the viewer signs in, sees the inbox, and finds replay and settings refused in words (and the
 * server refusing too); the audit page shows who did what, filtered by person. Screens are
 * photographed at 1440 and 1024 px and checked with axe-core.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServe, type ServeProcess } from './harness.js';
import { derived, seedRealistic } from './realistic-seed.js';
import { tempDir } from '../helpers/temp.js';

const root = join(import.meta.dirname, '..', '..');
const SHOTS = process.env.GATEWATCH_SCREENSHOTS ?? '/tmp/gatewatch-accounts-shots';
const AXE = join(root, 'node_modules', 'axe-core', 'axe.min.js');
const ADA = 'ada’s admin password';
const VERA = 'vera’s viewer password';

const data = tempDir('gatewatch-e2e-accounts-');
let serve: ServeProcess;
let browser: Browser;
let page: Page;
let origin: string;

/** `npm run serve -- users add …` as built (the password piped in). */
function usersAdd(name: string, role: string, password: string): Promise<number | null> {
  const child = spawn(process.execPath, [join(root, 'out/main/serve.js'), 'users', 'add', name, '--role', role, '--password-stdin', '--data', data.path], {
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  child.stdin.end(`${password}\n`);
  return new Promise((resolve) => child.on('close', resolve));
}

async function shoot(name: string): Promise<void> {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SHOTS, `accounts-${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function noSeriousA11yFindings(): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const bad = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<{ violations: Array<{ id: string; impact: string | null }> }> } }).axe;
    return (await axe.run(document)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
  expect(bad).toEqual([]);
}

async function signIn(name: string, password: string): Promise<void> {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('form', { name: 'Sign in' }).waitFor();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  expect(await usersAdd('ada', 'admin', ADA)).toBe(0);
  serve = await startServe({ dataDir: data.path });
  origin = new URL(serve.consoleUrl).origin;
  await seedRealistic(serve);
  await derived(serve);
  browser = await launchChromium();
  // The page's CSP admits only its own scripts: axe is let in by the test (the page itself is unchanged).
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (serve) expect(await serve.stop('SIGTERM')).toBe(0);
  data.remove();
});

describe('people and roles in the console', () => {
  it('asks for a name and password without a cookie or token, and says a wrong one in words', async () => {
    await page.goto(`${origin}/#/inbox`);
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    await signIn('ada', 'not the password at all');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('That name and password do not match an account on this console.');
    await noSeriousA11yFindings();
    await shoot('sign-in');
    await page.getByLabel('Password').fill(ADA);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-delivery-id]').first().waitFor();
    await expect(page.locator('.account-menu').textContent()).resolves.toContain('ada');
  }, 60_000);

  it('lets the admin add a viewer in Settings → People', async () => {
    await page.goto(`${origin}/#/settings`);
    const people = page.getByRole('region', { name: 'People' });
    await people.getByRole('form', { name: 'Add a person' }).waitFor();
    await people.getByLabel('Name').fill('vera');
    await people.getByLabel('First password').fill('short');
    await people.getByRole('button', { name: 'Add' }).click();
    await people.getByText('a password needs at least 12 characters').waitFor();
    await people.getByLabel('First password').fill(VERA);
    await people.getByRole('button', { name: 'Add' }).click();
    await people.getByText('Added vera as viewer.').waitFor();
    await people.locator('tr[data-person="vera"]').waitFor();
    await people.scrollIntoViewIfNeeded();
    await noSeriousA11yFindings();
    await shoot('people');
    await signOut();
  }, 60_000);

  it('lets the viewer see the inbox, and refuses replay and settings in words', async () => {
    await signIn('vera', VERA);
    await page.locator('.account-menu').getByText('vera').waitFor();
    await page.goto(`${origin}/#/inbox`);
    await page.locator('[data-delivery-id]').first().waitFor();
    await shoot('viewer-inbox');
    const id = await page.locator('[data-delivery-id]').first().getAttribute('data-delivery-id');
    await page.goto(`${origin}/#/deliveries/${id}`);
    const replay = page.getByRole('region', { name: 'Replay' });
    await expect(replay.getByRole('note').textContent()).resolves.toBe('Replay needs the operator role; you are a viewer.');
    await replay.scrollIntoViewIfNeeded();
    await shoot('viewer-delivery');
    await page.goto(`${origin}/#/replay`);
    await expect(page.getByRole('region', { name: 'Bulk replay' }).getByRole('note').textContent()).resolves.toBe(
      'Replay needs the operator role; you are a viewer.',
    );
    await page.goto(`${origin}/#/settings`);
    await expect(page.getByRole('note').first().textContent()).resolves.toBe('Settings need the admin role; you are a viewer.');
    expect(await page.getByRole('region', { name: 'Providers' }).count()).toBe(0);
    await noSeriousA11yFindings();
    // The page only explains: the server is what refuses.
    const refused = await page.evaluate(async (deliveryId) => {
      const response = await fetch('/api/replay.send', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ deliveryId, targetId: 'any' }),
      });
      return { status: response.status, body: await response.json() };
    }, id);
    expect(refused).toEqual({ status: 403, body: { error: { code: 'forbidden', message: 'Replay needs the operator role; you are a viewer.' } } });
    // Something a viewer may do, and that the audit log records: a token for a script.
    const tokens = page.getByRole('region', { name: 'Your API tokens' });
    await tokens.getByLabel('Label').fill('nightly export');
    await tokens.getByRole('button', { name: 'Make a token' }).click();
    await tokens.getByText('Copy it now: it is not shown again.').waitFor();
    await shoot('viewer-settings');
    await signOut();
  }, 60_000);

  it('shows who did what on the audit page, filtered by person', async () => {
    await signIn('ada', ADA);
    await page.locator('.account-menu').getByText('ada').waitFor();
    await page.goto(`${origin}/#/audit`);
    const rows = page.getByRole('table', { name: 'Audit entries' }).locator('tbody tr');
    await rows.first().waitFor();
    await page.getByLabel('Person').selectOption('vera');
    await page.getByRole('cell', { name: 'Made an API token “nightly export” for vera' }).waitFor();
    expect(await rows.locator('td:nth-child(2)').allTextContents()).toEqual(['vera']);
    await shoot('audit-vera');
    await page.getByLabel('Person').selectOption('ada');
    await page.getByRole('cell', { name: 'Added vera as viewer' }).waitFor();
    expect(new Set(await rows.locator('td:nth-child(2)').allTextContents())).toEqual(new Set(['ada']));
    await page.getByLabel('Person').selectOption('');
    await page.getByRole('cell', { name: /^Added ada as admin/ }).waitFor();
    await noSeriousA11yFindings();
    await shoot('audit-all');
  }, 60_000);
});
