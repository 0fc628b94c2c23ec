/**
 * The PostgreSQL figures of `npm run bench` (issue 18's team server): `deliveries.list` and
 * `timeline.get` over the search bench's mix on a PostgreSQL store of the large size (against
 * the same store at the baseline size), and ingest by two serve instances on one database against
 * the bare node:http server. Each part runs in a throwaway cluster of its own; without PostgreSQL
 * installed (or with BENCH_PG=0) the rows say "skipped" and the rest of the bench runs.
 * BENCH_PG_SEARCH=0 skips the query mix (its seed takes long): the ingest figure alone.
 */
import type { BenchRow } from '../report.js';
import { ms, perSecond, skippedRow, us } from '../report.js';
import type { DeliveryTemplate } from '../search/corpus.js';
import type { Timing } from '../search/query-mix.js';
import { benchCluster, postgresSkipReason } from './cluster.js';
import { runPgIngestBench, serveHasDatabaseFlag, type PgIngestOptions, type PgIngestResult } from './ingest-bench.js';
import { runPgSearchAt, type PgStoreRun } from './list-bench.js';

export interface PgBenchOptions {
  sizes: { baseline: number; large: number };
  /** The size the targets are set at (1,000,000): a smaller large size says so. */
  targetSize: number;
  runs: number;
  ingest: PgIngestOptions;
}

export interface PgBenchResult {
  skipped: string | null;
  search: { baseline: PgStoreRun; large: PgStoreRun } | { skipped: string; error?: string };
  ingest: PgIngestResult | { skipped: string; error?: string };
}

export const PG_LIST_TARGET_MS = 100;
export const PG_TIMELINE_TARGET_MS = 10;
export const PG_INGEST_TARGET = 0.5;

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

export async function runPostgresBench(
  options: PgBenchOptions,
  templates: () => Promise<DeliveryTemplate[]>,
  log: (line: string) => void,
): Promise<PgBenchResult> {
  const skipped = postgresSkipReason();
  if (skipped !== null) {
    log(`  PostgreSQL figures ${skipped}`);
    return { skipped, search: { skipped }, ingest: { skipped } };
  }
  let search: PgBenchResult['search'];
  if (process.env.BENCH_PG_SEARCH === '0') {
    search = { skipped: 'skipped: BENCH_PG_SEARCH=0' };
    log(`  PostgreSQL query mix ${search.skipped}`);
  } else search = await searchFigures(options, templates, log);
  let ingest: PgBenchResult['ingest'];
  if (!serveHasDatabaseFlag()) {
    ingest = { skipped: 'skipped: the built serve mode has no --database' };
    log(`  PostgreSQL ingest ${ingest.skipped}`);
  } else {
    // A cluster that syncs every commit: an answer follows a durable commit.
    const ingestCluster = await benchCluster(true);
    try {
      ingest = await runPgIngestBench(ingestCluster, options.ingest, log);
    } catch (error) {
      log(`  the PostgreSQL ingest bench failed: ${firstLine(error)}`);
      ingest = { skipped: 'failed', error: firstLine(error) };
    } finally {
      ingestCluster.destroy();
    }
  }
  return { skipped: null, search, ingest };
}

/** The query mix at both sizes, on a cluster without fsync (seeding writes; the queries read a store at rest). */
async function searchFigures(
  options: PgBenchOptions,
  templates: () => Promise<DeliveryTemplate[]>,
  log: (line: string) => void,
): Promise<PgBenchResult['search']> {
  const queryCluster = await benchCluster(false);
  try {
    const all = await templates();
    const baseline = await runPgSearchAt(queryCluster, options.sizes.baseline, all, options.runs, log);
    const large = await runPgSearchAt(queryCluster, options.sizes.large, all, options.runs, log);
    return { baseline, large };
  } catch (error) {
    // One part failing must not cost the table the other figures.
    log(`  the PostgreSQL query bench failed: ${firstLine(error)}`);
    return { skipped: 'failed', error: firstLine(error) };
  } finally {
    queryCluster.destroy();
  }
}

function searchRows(baseline: PgStoreRun, large: PgStoreRun, targetSize: number): BenchRow[] {
  const rows: BenchRow[] = [];
  const size = large.count.toLocaleString('en');
  const short = large.count < targetSize ? `, ${size} rows: fewer than the ${targetSize.toLocaleString('en')} the target is set at` : '';
  const section = (name: string, list: Timing[], base: Timing[], target: number) =>
    list.forEach((t, i) => {
      const informational = t.name.includes('[informational]');
      rows.push({
        section: name,
        figure: `${t.name} (p95; ${t.totalIsEstimate ? '~' : ''}${t.total.toLocaleString('en')} found)`,
        measured: ms(t.p95),
        baseline: ms(base[i]!.p95),
        ratio: t.p95 / base[i]!.p95,
        target: informational ? '' : `< ${target} ms`,
        met: informational ? null : t.p95 < target,
      });
    });
  rows.push({
    section: 'pg seed',
    figure: `PostgreSQL store of ${size} deliveries vs ${baseline.count.toLocaleString('en')} (the baseline column), through the store's insertBatch + saveDerived${short}`,
    measured: `${large.seedSeconds.toFixed(1)} s`,
    baseline: `${baseline.seedSeconds.toFixed(1)} s`,
    ratio: large.seedSeconds / baseline.seedSeconds,
    target: '',
    met: null,
  });
  section('pg deliveries.list', large.list, baseline.list, PG_LIST_TARGET_MS);
  section('pg timeline.get', large.timeline, baseline.timeline, PG_TIMELINE_TARGET_MS);
  return rows;
}

function ingestRows(r: PgIngestResult): BenchRow[] {
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
  const p50 = (runs: PgIngestResult['bare']) => median(runs.map((x) => x.p50Ms));
  const p99 = (runs: PgIngestResult['bare']) => median(runs.map((x) => x.p99Ms));
  const failed = r.listener.reduce((sum, x) => sum + x.non2xx + x.errors, 0);
  // Where the two cores went: the bare rounds' server and generators against the instances, PostgreSQL and generators.
  const c = r.cpu;
  const listenerCpu = median(c.instances) + median(c.postgres) + median(c.generatorListener);
  const bareCpu = median(c.bare) + median(c.generatorBare);
  const derivedCpu = median(c.instancesDerived) + median(c.postgresDerived) + median(c.generatorListener);
  return [
    {
      section: 'pg ingest',
      figure: `requests/s, ${r.instances} instances on one PostgreSQL vs bare node:http, load split by 2 generators (median of ${r.listener.length} interleaved rounds; fsync ${r.durability.fsync}${failed > 0 ? `; ${failed} not answered 2xx` : ''})`,
      measured: perSecond(r.listenerRps),
      baseline: perSecond(r.bareRps),
      ratio: r.ratio,
      target: `≥ ${PG_INGEST_TARGET.toFixed(2)}×`,
      met: r.ratio >= PG_INGEST_TARGET,
    },
    {
      section: 'pg ingest',
      figure: 'latency p50 (the slower generator)',
      measured: ms(p50(r.listener)),
      baseline: ms(p50(r.bare)),
      ratio: p50(r.listener) / p50(r.bare),
      target: '',
      met: null,
    },
    {
      section: 'pg ingest',
      figure: 'latency p99 (the slower generator)',
      measured: ms(p99(r.listener)),
      baseline: ms(p99(r.bare)),
      ratio: p99(r.listener) / p99(r.bare),
      target: '',
      met: null,
    },
    {
      section: 'pg ingest',
      figure: 'rows in deliveries after the run vs 2xx answers of both listeners',
      measured: r.stored.toLocaleString('en'),
      baseline: r.answered2xx.toLocaleString('en'),
      ratio: r.stored / r.answered2xx,
      target: 'equal',
      met: r.stored === r.answered2xx,
    },
    {
      section: 'pg ingest',
      figure: `CPU per request while the load ran, all processes: instances ${us(median(c.instances))} + PostgreSQL ${us(median(c.postgres))} + generators ${us(median(c.generatorListener))}, vs bare ${us(median(c.bare))} + generators ${us(median(c.generatorBare))}`,
      measured: us(listenerCpu),
      baseline: us(bareCpu),
      ratio: listenerCpu / bareCpu,
      target: '',
      met: null,
    },
    {
      section: 'pg ingest',
      figure: `CPU per request until derived too: instances ${us(median(c.instancesDerived))} + PostgreSQL ${us(median(c.postgresDerived))} + generators, vs bare + generators`,
      measured: us(derivedCpu),
      baseline: us(bareCpu),
      ratio: derivedCpu / bareCpu,
      target: '',
      met: null,
    },
  ];
}

export function postgresRows(result: PgBenchResult, targetSize: number): BenchRow[] {
  if (result.skipped !== null) return [skippedRow('postgres', 'PostgreSQL figures (ingest, deliveries.list, timeline.get)', { skipped: result.skipped })];
  return [
    ...('skipped' in result.ingest ? [skippedRow('pg ingest', 'two instances on one PostgreSQL vs bare node:http', result.ingest)] : ingestRows(result.ingest)),
    ...('skipped' in result.search
      ? [skippedRow('pg deliveries.list', 'query mix on PostgreSQL', result.search)]
      : searchRows(result.search.baseline, result.search.large, targetSize)),
  ];
}
