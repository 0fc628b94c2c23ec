/**
 * Bulk replay with safety rails (issue 16, item 5), from the inbox: "Replay N matching" carries
 * every filter and the count, asks every time (a confirmed target too), pauses by itself when the
 * target stops answering, draws failures in red, retries the failed ones only, names deliveries
 * by event and reference in the log, and leaves one audit entry per job.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServe, type ServeProcess } from './harness.js';
import { api, derived, seedRealistic, type SeededIds } from './realistic-seed.js';
import { startStagingServer, type StagingServer } from '../fakes/staging.js';
import type { ReplayTargetView } from '../../src-shared/contract/replay.js';
import type { AuditEntry } from '../../src-shared/contract/audit.js';

const SHOTS = process.env.GATEWATCH_SCREENSHOTS ?? '/tmp';
let serve: ServeProcess;
let staging: StagingServer;
let browser: Browser;
let page: Page;
let ids: SeededIds;
let origin: string;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  serve = await startServe();
  origin = new URL(serve.consoleUrl).origin;
  staging = await startStagingServer();
  ids = await seedRealistic(serve);
  await derived(serve);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(serve.consoleUrl);
  await page.locator('[data-delivery-id]').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await staging?.close();
  if (serve) expect(await serve.stop('SIGTERM')).toBe(0);
});

/** The job row of the newest bulk replay to this target. */
const jobOf = (target: string) => page.locator('.replay-jobs li').filter({ hasText: target }).first();

describe('bulk replay in Chromium against serve mode', () => {
  it('goes from an inbox view to the replay page with every filter and the count, and asks every time', async () => {
    const target = await api<ReplayTargetView>(serve, 'replay.targets.save', { name: 'E2E staging', url: staging.url('/ok'), provider: 'paychant' });
    // Confirmed by an earlier single send: a bulk replay asks all the same.
    await api(serve, 'replay.send', { deliveryId: ids.unsigned, targetId: target.id, confirm: true });
    const sentBefore = staging.requests.length;

    await page.goto(`${origin}/#/inbox?provider=paychant&status=completed&verification=valid&environment=production`);
    await page.locator('[data-delivery-id]').first().waitFor();
    const link = page.getByRole('link', { name: 'Replay 17 matching…' });
    await link.click();
    await page.waitForURL(/#\/replay\?/);
    const carried = Object.fromEntries(new URLSearchParams(page.url().split('?')[1]));
    expect(carried).toEqual({ provider: 'paychant', status: 'completed', verification: 'valid', environment: 'production' });
    const count = page.getByTestId('bulk-count');
    await expect.poll(() => count.textContent()).toMatch(/^17 deliveries match: paychant · status completed · signature valid · production environment\.$/);

    const replay = page.getByRole('button', { name: 'Replay 17 matching…' });
    await replay.click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Replay 17 deliveries to E2E staging?').waitFor();
    await page.screenshot({ path: `${SHOTS}/gatewatch-bulk-confirm-1440.png` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(staging.requests.length).toBe(sentBefore);

    await replay.click();
    await dialog.getByRole('button', { name: 'Replay 17' }).click();
    const job = jobOf('E2E staging');
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 15_000 }).toBe('finished');
    await expect(job.textContent()).resolves.toContain('17 of 17 · 17 ok · 0 failed');
    expect(staging.requests.length - sentBefore).toBe(17);

    // One audit entry for the job, with its count.
    const jobId = await job.getAttribute('data-job-id');
    const audit = await api<{ items: AuditEntry[] }>(serve, 'audit.list', { limit: 500 });
    expect(audit.items.filter((a) => a.subject === jobId).map((a) => a.summary)).toEqual([expect.stringContaining('Bulk replay of 17 deliveries')]);
    expect(audit.items.filter((a) => a.action === 'replay.send' && a.details.jobId === jobId)).toEqual([]);

    // The log names deliveries by event and reference.
    const log = page.getByRole('list', { name: 'Replay attempts' });
    await log.getByRole('link', { name: 'PAYMENT_COMPLETED · FILL000Q9GS7' }).waitFor();
  });

  it('pauses by itself when the target stops answering, shows the failures in red, and cancels', async () => {
    const port = await closedPort();
    await api(serve, 'replay.targets.save', { name: 'Down staging', url: `http://127.0.0.1:${port}/hook`, provider: 'paychant' });
    await page.goto(`${origin}/#/replay?provider=paychant&eventType=AWAITING_PAYMENT&verification=valid`);
    await page.reload(); // the target was added behind the page's back (through the API)
    await page.getByLabel('Bulk target').selectOption({ label: `Down staging — http://127.0.0.1:${port}/hook` });
    await expect.poll(() => page.getByTestId('bulk-count').textContent()).toMatch(/^17 deliveries match/);
    await page.getByRole('button', { name: 'Replay 17 matching…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Replay 17' }).click();

    const job = jobOf('Down staging');
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 15_000 }).toBe('paused');
    await expect(job.textContent()).resolves.toMatch(/Paused by itself: 3 sends in a row got no answer from "Down staging"/);
    await expect(job.textContent()).resolves.toMatch(/Last failure: AWAITING_PAYMENT · \S+: /);
    const red = job.locator('.bulk-progress-failed');
    expect(await red.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(201, 42, 42)');
    expect(await red.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/gatewatch-bulk-paused-1440.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${SHOTS}/gatewatch-bulk-paused-1024.png`, fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });

    await job.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => job.getAttribute('data-state')).toBe('cancelled');
    await expect(job.textContent()).resolves.toContain('17 of 17 · 0 ok · 3 failed · 14 skipped');
  });

  it('retries the failed deliveries only, after confirming their count', async () => {
    const flaky = await api<ReplayTargetView>(serve, 'replay.targets.save', { name: 'Flaky staging', url: staging.url('/status/500'), provider: 'paychant' });
    await page.goto(`${origin}/#/replay?q=RTR5XK2Q8P1M&status=completed`);
    await page.reload();
    await page.getByLabel('Bulk target').selectOption({ label: `Flaky staging — ${staging.url('/status/500')}` });
    await expect.poll(() => page.getByTestId('bulk-count').textContent()).toMatch(/^3 deliveries match/);
    await page.getByRole('button', { name: 'Replay 3 matching…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Replay 3' }).click();
    const job = jobOf('Flaky staging');
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 15_000 }).toBe('finished');
    await expect(job.textContent()).resolves.toContain('0 ok · 3 failed');

    await api(serve, 'replay.targets.save', { id: flaky.id, name: 'Flaky staging', url: staging.url('/ok') });
    const before = staging.requests.length;
    await job.getByRole('button', { name: 'Retry 3 failed only' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Replay 3 deliveries to Flaky staging?').waitFor();
    await dialog.getByRole('button', { name: 'Replay 3' }).click();
    const retry = page.locator('.replay-jobs li').filter({ hasText: 'retry of the failures' }).first();
    await expect.poll(() => retry.getAttribute('data-state'), { timeout: 15_000 }).toBe('finished');
    await expect(retry.textContent()).resolves.toContain('3 of 3 · 3 ok · 0 failed');
    expect(staging.requests.slice(before).map((r) => r.header('X-Gatewatch-Replay'))).toEqual([
      ids['retried-completed'],
      ids['retried-completed-2'],
      ids['retried-completed-3'],
    ]);
    await page.screenshot({ path: `${SHOTS}/gatewatch-bulk-retry-1440.png`, fullPage: true });
  });
});
