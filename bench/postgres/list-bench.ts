/**
 * `deliveries.list` and `timeline.get` on PostgreSQL: the search bench's query mix
 * (bench/search/query-mix.ts, timeline-mix.ts) through the dispatcher, on a store seeded through
 * the PostgreSQL store's own write path (seed.ts), at a baseline size and at the large one, in a
 * throwaway cluster of its own. After seeding, VACUUM ANALYZE, as autovacuum would have done on a
 * server that has run for a while (planner statistics, the visibility map).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGatewatch } from '../../src-main/app/gatewatch.js';
import { createGatewatchDeps } from '../../src-main/app/default-deps.js';
import { openPostgresStore } from '../../src-main/store/postgres/index.js';
import { templatePicker, uniqueValues, type DeliveryTemplate } from '../search/corpus.js';
import { listQueries, timeCall, type StoreShape, type Timing } from '../search/query-mix.js';
import { timelineQueries, timeTimeline } from '../search/timeline-mix.js';
import type { PostgresCluster } from '../../test/helpers/postgres.js';
import { onDatabase } from './cluster.js';
import { seedPgDeliveries } from './seed.js';

export interface PgStoreRun {
  count: number;
  seedSeconds: number;
  /** Bytes of the database once seeded (pg_database_size). */
  databaseBytes: number;
  list: Timing[];
  timeline: Timing[];
}

const FROM = new Date('2026-08-01T00:00:00Z');
const UNTIL = new Date('2026-11-01T00:00:00Z');

/** Seeds `count` deliveries into a new database of `cluster` and times the mix on it; the database is dropped after. */
export async function runPgSearchAt(
  cluster: PostgresCluster,
  count: number,
  templates: DeliveryTemplate[],
  runs: number,
  log: (line: string) => void,
): Promise<PgStoreRun> {
  const name = `bench_${count}`;
  const url = await cluster.createDatabase(name);
  const dataDir = mkdtempSync(join(tmpdir(), `gatewatch-bench-pg-${count}-`));
  try {
    const seeding = await openPostgresStore(url, { log });
    let seedSeconds: number;
    let lastShown = performance.now();
    try {
      seedSeconds = await seedPgDeliveries(seeding, templates, {
        count,
        from: FROM,
        until: UNTIL,
        onProgress: (done) => {
          if (performance.now() - lastShown < 30_000) return;
          lastShown = performance.now();
          log(`    ${done.toLocaleString('en')} of ${count.toLocaleString('en')} seeded…`);
        },
      });
    } finally {
      await seeding.close();
    }
    const vacuumStarted = performance.now();
    const databaseBytes = await onDatabase(url, async (client) => {
      await client.query('VACUUM ANALYZE');
      return Number((await client.query<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes')).rows[0]!.bytes);
    });
    log(
      `  PostgreSQL: seeded ${count.toLocaleString('en')} deliveries in ${seedSeconds.toFixed(1)} s (store's insertBatch + saveDerived), ` +
        `VACUUM ANALYZE ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s, ${(databaseBytes / 2 ** 20).toFixed(0)} MiB`,
    );
    const pick = templatePicker(templates);
    const shape: StoreShape = { count, firstSeq: 1, from: FROM, until: UNTIL, valuesOf: uniqueValues, providerOf: (n) => pick(n).provider };
    const store = await openPostgresStore(url, { log });
    const gatewatch = createGatewatch({ dataDir }, { ...createGatewatchDeps({ dataDir }), store });
    try {
      const list: Timing[] = [];
      for (const query of listQueries(shape)) {
        const { last: _last, ...timing } = await timeCall(gatewatch.dispatcher, 'deliveries.list', query.name, query.input, runs);
        list.push(timing);
      }
      const timeline: Timing[] = [];
      for (const query of timelineQueries(shape, templates)) timeline.push(await timeTimeline(gatewatch, 'timeline.get', query, runs));
      return { count, seedSeconds, databaseBytes, list, timeline };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await onDatabase(cluster.url, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => {});
  }
}
