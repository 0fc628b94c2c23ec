import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServeMode } from '../src-main/serve/serve-mode.js';
import { createGatewatchDeps } from '../src-main/app/default-deps.js';
import { launchChromium } from '../test/e2e/harness.js';
import { tempDir } from '../test/helpers/temp.js';
import { seedDeliveries } from './seed-deliveries.js';

export interface BenchResult {
  name: string;
  /** The same measurement on the smaller store, in the same run. */
  baseline: number;
  value: number;
  unit: string;
}

const BASELINE_ROWS = 10_000;
const ROWS = 100_000;
const rendererDir = join(import.meta.dirname, '..', 'out', 'renderer');

/**
 * Scrolls the inbox to its end, page after page, until every delivery has been loaded and
 * rendered. Kept as source text: a transpiler (tsx) would add helpers the page does not have.
 */
const SCROLL_TO_END = `async (total) => {
  const list = document.querySelector('[role="grid"]');
  const oldest = () => document.querySelector('[data-delivery-id="dlv_bench_0000001"]');
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  let stalled = 0;
  let height = 0;
  // The grid scrolls its virtualized rows; each page loads as the end comes near, until the oldest is drawn.
  while (!oldest()) {
    list.scrollTop = list.scrollHeight;
    await frame();
    stalled = list.scrollHeight === height ? stalled + 1 : 0;
    height = list.scrollHeight;
    if (stalled > 2000) throw new Error('the inbox stopped loading at ' + Math.round(height / 40) + ' of ' + total + ' rows');
  }
}`;

async function scrollToEnd(page: Page, expected: number): Promise<void> {
  await page.evaluate(`(${SCROLL_TO_END})(${expected})`);
}

async function measure(rows: number): Promise<{ firstRender: number; scroll: number }> {
  const dir = tempDir('gatewatch-ui-bench-');
  await seedDeliveries(dir.path, rows);
  const running = await startServeMode(
    { dataDir: dir.path, webhookPort: 0, consolePort: 0, rendererDir },
    { ...createGatewatchDeps({ dataDir: dir.path }), discoverTunnel: async () => null },
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const started = performance.now();
    await page.goto(running.consoleUrl);
    await page.locator('[data-delivery-id]').first().waitFor({ timeout: 60_000 });
    const firstRender = performance.now() - started;
    const scrollStarted = performance.now();
    await scrollToEnd(page, rows);
    return { firstRender, scroll: performance.now() - scrollStarted };
  } finally {
    await browser.close();
    await running.stop();
    dir.remove();
  }
}

/**
 * Time to the first inbox row and to scroll through every delivery, in headless Chromium against
 * serve mode, for a 100,000-delivery store with a 10,000-delivery store as the baseline.
 * Needs the built renderer (`npx electron-vite build`) and Chromium (scripts/ensure-chromium.mjs).
 */
export async function runUiBench(): Promise<BenchResult[]> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npx electron-vite build` first.');
  const baseline = await measure(BASELINE_ROWS);
  const large = await measure(ROWS);
  return [
    {
      name: `inbox first render (${ROWS.toLocaleString('en')} vs ${BASELINE_ROWS.toLocaleString('en')} deliveries)`,
      baseline: baseline.firstRender,
      value: large.firstRender,
      unit: 'ms',
    },
    {
      name: `inbox scroll through all deliveries (${ROWS.toLocaleString('en')} vs ${BASELINE_ROWS.toLocaleString('en')})`,
      baseline: baseline.scroll,
      value: large.scroll,
      unit: 'ms',
    },
    { name: 'inbox scroll per 1,000 deliveries', baseline: (baseline.scroll / BASELINE_ROWS) * 1000, value: (large.scroll / ROWS) * 1000, unit: 'ms' },
  ];
}

// Run directly: `npx tsx bench/ui-bench.ts`
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  runUiBench().then(
    (results) => console.table(results.map((r) => ({ ...r, baseline: Math.round(r.baseline), value: Math.round(r.value) }))),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
