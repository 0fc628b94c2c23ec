/**
 * Search at scale: the same query mix through the dispatcher on a 10,000-delivery store (the
 * baseline) and on a 1,000,000-delivery store, plus the timeline lookup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/store/sqlite/open.js';
import { createGatewatch } from '../../src-main/app/gatewatch.js';
import { createGatewatchDeps } from '../../src-main/app/default-deps.js';
import { isCallName } from '../../src-shared/contract/index.js';
import { buildTemplates, templatePicker, uniqueValues, type DeliveryTemplate } from './corpus.js';
import { seedDeliveries } from './seed.js';
import { listQueries, timeCall, type NamedQuery, type StoreShape, type Timing } from './query-mix.js';
import { timelineQueries, timeTimeline } from './timeline-mix.js';

export interface StoreRun {
  count: number;
  seedSeconds: number;
  dataDir: string;
  list: Timing[];
  timeline: Timing[];
  queries: NamedQuery[];
  /** `timeline.get` through the dispatcher, or only the correlation-key lookup it relies on. */
  timelineMode: 'timeline.get' | 'correlation_keys lookup';
}

const FROM = new Date('2026-08-01T00:00:00Z');
const UNTIL = new Date('2026-11-01T00:00:00Z');

/** Seeds a store of `count` deliveries in a new temp dir and times the mix on it; the dir is kept for the memory figures. */
export async function runSearchAt(count: number, templates: DeliveryTemplate[], runs: number, log: (line: string) => void): Promise<StoreRun> {
  const dataDir = mkdtempSync(join(tmpdir(), `gatewatch-bench-${count}-`));
  const db = openDatabase(dataDir);
  const seeded = seedDeliveries(db, templates, { count, from: FROM, until: UNTIL });
  db.close();
  log(`  seeded ${count.toLocaleString('en')} deliveries in ${seeded.seconds.toFixed(1)} s`);
  const pick = templatePicker(templates);
  const shape: StoreShape = { count, firstSeq: 1, from: FROM, until: UNTIL, valuesOf: uniqueValues, providerOf: (n) => pick(n).provider };
  const gatewatch = createGatewatch({ dataDir }, createGatewatchDeps({ dataDir }));
  try {
    const list: Timing[] = [];
    const queries = listQueries(shape);
    for (const query of queries) {
      const { last: _last, ...timing } = await timeCall(gatewatch.dispatcher, 'deliveries.list', query.name, query.input, runs);
      list.push(timing);
    }
    const timelineMode = isCallName('timeline.get') ? 'timeline.get' : 'correlation_keys lookup';
    const timeline: Timing[] = [];
    for (const query of timelineQueries(shape, templates)) {
      timeline.push(await timeTimeline(gatewatch, timelineMode, query, runs));
    }
    return { count, seedSeconds: seeded.seconds, dataDir, list, timeline, queries, timelineMode };
  } finally {
    await gatewatch.store.close();
  }
}

export async function runSearchBench(sizes: { baseline: number; large: number }, runs: number, log: (line: string) => void) {
  const templates = await buildTemplates();
  const baseline = await runSearchAt(sizes.baseline, templates, runs, log);
  const large = await runSearchAt(sizes.large, templates, runs, log);
  return {
    baseline,
    large,
    removeStores: () => {
      for (const s of [baseline, large]) rmSync(s.dataDir, { recursive: true, force: true });
    },
  };
}
