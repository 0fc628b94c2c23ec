/**
 * `npm run bench` (after scripts/bench.mjs has built serve mode): search at 10k vs 1M
 * deliveries, listener ingest vs bare node:http, derivation against the listener, the
 * write-ahead log's bound, disk per delivery, a soak, serve-mode memory, and the UI bench when
 * present, and the PostgreSQL figures (bench/postgres: ingest by two instances on one database,
 * the query mix at the large size). Prints one table of ratios against same-run baselines; writes
 * bench/results.json. BENCH_QUICK=1 runs a smaller version of each (for CI and while developing);
 * BENCH_PG=0 skips the PostgreSQL figures, BENCH_ONLY=postgres runs them alone.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runSearchBench, type StoreRun } from './search/search-bench.js';
import { runIngestBench, type IngestResult } from './ingest/ingest-bench.js';
import { runSoak, type SoakResult } from './ingest/soak.js';
import { runDiskBench, type DiskResult } from './disk/disk-bench.js';
import type { LogFigures } from './ingest/wal-watch.js';
import { DEFAULT_LOG_BOUND_BYTES } from '../src-main/store/sqlite/log-bound.js';
import { measureMemory, type MemoryResult } from './memory.js';
import { formatTable, mib, ms, perSecond, us, type BenchRow } from './report.js';
import { root } from './serve-process.js';
import { exportRows, runExportBench } from './export/export-bench.js';
import { relayRows, runRelayBench } from './relay/relay-bench.js';
import { RELAY_OPTIONS } from './relay/main.js';
import { postgresRows, runPostgresBench, type PgBenchResult } from './postgres/main.js';
import { buildTemplates } from './search/corpus.js';

const QUICK = process.env.BENCH_QUICK === '1';
const env = (name: string, full: number, quick = full) => Number(process.env[name] ?? (QUICK ? quick : full));
const SIZES = { baseline: env('BENCH_BASELINE_DELIVERIES', 10_000), large: env('BENCH_DELIVERIES', 1_000_000, 100_000) };
const RUNS = env('BENCH_QUERY_RUNS', 30, 15);
const LOG_BOUND = DEFAULT_LOG_BOUND_BYTES;
const INGEST = {
  amount: env('BENCH_INGEST_REQUESTS', 40_000, 20_000),
  connections: env('BENCH_CONNECTIONS', 50),
  rounds: env('BENCH_ROUNDS', 5),
  steadyRate: env('BENCH_STEADY_RATE', 5_000),
  steadySeconds: env('BENCH_STEADY_SECONDS', 8, 5),
  oneAtATime: env('BENCH_ONE_AT_A_TIME', 5_000, 3_000),
  logBoundBytes: LOG_BOUND,
};
const SOAK = { rate: env('BENCH_SOAK_RATE', 1_000), seconds: env('BENCH_SOAK_SECONDS', 600, 60), logBoundBytes: LOG_BOUND };
const DISK_DELIVERIES = env('BENCH_DISK_DELIVERIES', 20_000, 10_000);
/** The PostgreSQL figures: the query mix at BENCH_PG_DELIVERIES (the large size unless set), ingest in BENCH_PG_ROUNDS rounds. */
const PG = {
  sizes: { baseline: SIZES.baseline, large: env('BENCH_PG_DELIVERIES', SIZES.large) },
  targetSize: 1_000_000,
  runs: RUNS,
  ingest: { amount: INGEST.amount, connections: INGEST.connections, rounds: env('BENCH_PG_ROUNDS', 3, 2) },
};
const LIST_TARGET_MS = 50;
const TIMELINE_TARGET_MS = 10;

const log = (line: string) => console.log(line);

function searchRows(baseline: StoreRun, large: StoreRun): BenchRow[] {
  const rows: BenchRow[] = [];
  const section = (call: string, list: 'list' | 'timeline', target: number) =>
    large[list].forEach((t, i) => {
      const base = baseline[list][i]!;
      const informational = t.name.includes('[informational]');
      rows.push({
        section: call,
        figure: `${t.name} (p95; ${t.totalIsEstimate ? '~' : ''}${t.total.toLocaleString('en')} found)`,
        measured: ms(t.p95),
        baseline: ms(base.p95),
        ratio: t.p95 / base.p95,
        target: informational ? '' : `< ${target} ms`,
        met: informational ? null : t.p95 < target,
      });
    });
  section('deliveries.list', 'list', LIST_TARGET_MS);
  section(large.timelineMode, 'timeline', TIMELINE_TARGET_MS);
  rows.push({
    section: 'seed',
    figure: `seeding ${large.count.toLocaleString('en')} deliveries (rows, keys, search index)`,
    measured: `${large.seedSeconds.toFixed(1)} s`,
    baseline: `${baseline.seedSeconds.toFixed(2)} s`,
    ratio: large.seedSeconds / baseline.seedSeconds,
    target: '',
    met: null,
  });
  return rows;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
const mibText = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function ingestRows(r: IngestResult): BenchRow[] {
  const p50 = (runs: IngestResult['bare']) => median(runs.map((x) => x.p50Ms));
  const p99 = (runs: IngestResult['bare']) => median(runs.map((x) => x.p99Ms));
  const derived = median(r.derivedPerSecond);
  return [
    {
      section: 'ingest',
      figure: 'load generator: bare node:http vs a server answering without reading (its ceiling)',
      measured: perSecond(r.bareRps),
      baseline: perSecond(r.ceiling.requestsPerSecond),
      ratio: r.bareRps / r.ceiling.requestsPerSecond,
      target: '',
      met: null,
    },
    {
      section: 'ingest',
      figure: `requests/s, listener vs bare node:http (median of ${r.listener.length} interleaved rounds)`,
      measured: perSecond(r.listenerRps),
      baseline: perSecond(r.bareRps),
      ratio: r.ratio,
      target: '≥ 0.80×',
      met: r.ratio >= 0.8,
    },
    {
      section: 'ingest',
      figure: 'latency p50',
      measured: ms(p50(r.listener)),
      baseline: ms(p50(r.bare)),
      ratio: p50(r.listener) / p50(r.bare),
      target: '',
      met: null,
    },
    {
      section: 'ingest',
      figure: 'latency p99',
      measured: ms(p99(r.listener)),
      baseline: ms(p99(r.bare)),
      ratio: p99(r.listener) / p99(r.bare),
      target: '',
      met: null,
    },
    {
      section: 'ingest',
      figure: 'stored deliveries vs 2xx answers',
      measured: r.stored.toLocaleString('en'),
      baseline: r.answered2xx.toLocaleString('en'),
      ratio: r.stored / r.answered2xx,
      target: 'equal',
      met: r.stored === r.answered2xx,
    },
    {
      section: 'derivation',
      figure: "deliveries derived/s on a burst's backlog vs acknowledged/s by the listener (medians)",
      measured: perSecond(derived),
      baseline: perSecond(r.listenerRps),
      ratio: derived / r.listenerRps,
      target: '≥ 1.00×',
      met: derived / r.listenerRps >= 1,
    },
    ...cpuRows(r.cpu),
    {
      section: 'derivation',
      figure: 'lag after a burst, last answer → all derived + searchable (worst round)',
      measured: ms(Math.max(...r.lagMs)),
      baseline: '',
      ratio: null,
      target: '',
      met: null,
    },
    {
      section: 'derivation',
      figure: `lag after a steady ${r.steady.rate.toLocaleString('en')} req/s stream of ${r.steady.seconds} s (p99 ${r.steady.p99Ms.toFixed(1)} ms)`,
      measured: ms(r.steady.lagMs),
      baseline: '',
      ratio: null,
      target: '',
      met: null,
    },
  ];
}

/**
 * Where the two cores went (medians of the rounds): why the ratios are what they are. On a
 * backlog derivation has both cores; the listener shares them with the load generator.
 */
function cpuRows(c: IngestResult['cpu']): BenchRow[] {
  const listener = median(c.listener);
  const derivation = median(c.deriveMain.map((main, i) => main + c.deriveThreads[i]!));
  return [
    {
      section: 'cpu',
      figure: `per request: listener, all threads (main thread ${us(median(c.listenerMain))}) vs bare node:http`,
      measured: us(listener),
      baseline: us(median(c.bare)),
      ratio: listener / median(c.bare),
      target: '',
      met: null,
    },
    {
      section: 'cpu',
      figure: `per delivery on the backlog: derivation (main thread saving ${us(median(c.deriveMain))}, other threads: deriving, checkpoints ${us(median(c.deriveThreads))}) vs the listener per request`,
      measured: us(derivation),
      baseline: us(listener),
      ratio: derivation / listener,
      target: '',
      met: null,
    },
    {
      section: 'cpu',
      figure: 'per request: the load generator, listener rounds vs bare rounds',
      measured: us(median(c.generatorListener)),
      baseline: us(median(c.generatorBare)),
      ratio: median(c.generatorListener) / median(c.generatorBare),
      target: '',
      met: null,
    },
  ];
}

/** The log target: over the bound for no more than a few seconds, back under it within 10 s of the traffic stopping. */
function logRow(figure: string, f: LogFigures): BenchRow {
  const met = f.longestAboveSeconds <= 3 && f.underBoundAfterSeconds !== null && f.underBoundAfterSeconds <= 10;
  const over = f.longestAboveSeconds > 0 ? `; over it ${f.longestAboveSeconds.toFixed(1)} s at most` : '';
  const back = f.underBoundAfterSeconds === null ? '; not back under it' : '';
  return {
    section: 'log',
    figure: `${figure}${over}${back}`,
    measured: mibText(f.maxBytes),
    baseline: mibText(LOG_BOUND),
    ratio: f.maxBytes / LOG_BOUND,
    target: '≤ bound (±3 s)',
    met,
  };
}

function logRows(r: IngestResult, soak: SoakResult): BenchRow[] {
  return [
    logRow(
      `write-ahead log at most, ${r.oneAtATime.ok.toLocaleString('en')} posts one at a time (${perSecond(r.oneAtATime.requestsPerSecond)}) vs the bound`,
      r.oneAtATime.log,
    ),
    logRow('write-ahead log at most, all-out bursts (worst round) vs the bound', r.burstLog),
    logRow(`write-ahead log at most, steady ${r.steady.rate.toLocaleString('en')} req/s vs the bound`, r.steady.log),
    logRow(`write-ahead log at most, soak (${soak.rate.toLocaleString('en')} req/s for ${soak.seconds} s) vs the bound`, soak.log),
  ];
}

function diskRows(d: DiskResult): BenchRow[] {
  const perDelivery = (bytes: number) => `${Math.round(bytes).toLocaleString('en')} B`;
  const ratio = d.fileBytesPerDelivery / d.rawBytesPerDelivery;
  return [
    {
      section: 'disk',
      figure: `store bytes per delivery at rest vs raw request bytes (body + headers), ${d.deliveries.toLocaleString('en')} of the seeds' mix`,
      measured: perDelivery(d.fileBytesPerDelivery),
      baseline: perDelivery(d.rawBytesPerDelivery),
      ratio,
      target: '≤ 2.00× (1× moonshot)',
      met: ratio <= 2,
    },
    ...d.byName
      .filter((n) => n.bytesPerDelivery >= 1)
      .map((n) => ({
        section: 'disk',
        figure: `  ${n.name}`,
        measured: perDelivery(n.bytesPerDelivery),
        baseline: '',
        ratio: n.bytesPerDelivery / d.rawBytesPerDelivery,
        target: '',
        met: null,
      })),
    {
      section: 'disk',
      figure: '  free pages left at rest',
      measured: perDelivery(d.freeBytesPerDelivery),
      baseline: '',
      ratio: d.freeBytesPerDelivery / d.rawBytesPerDelivery,
      target: '',
      met: null,
    },
  ];
}

function soakRows(s: SoakResult, disk: DiskResult): BenchRow[] {
  const growth = s.growthBytes / s.stored;
  const memory = s.rssEndBytes / s.rssMinuteOneBytes;
  const expected = disk.fileBytesPerDelivery;
  return [
    {
      section: 'soak',
      figure: `serve mode RSS at the end vs at ${Math.min(60, s.seconds / 2)} s (${s.rate.toLocaleString('en')} req/s for ${s.seconds} s)`,
      measured: mib(s.rssEndBytes),
      baseline: mib(s.rssMinuteOneBytes),
      ratio: memory,
      target: '≤ 1.10×',
      met: memory <= 1.1,
    },
    {
      section: 'soak',
      figure: `store growth per delivery at rest (${s.stored.toLocaleString('en')} deliveries) vs the disk figure`,
      measured: `${Math.round(growth)} B`,
      baseline: `${Math.round(expected)} B`,
      ratio: growth / expected,
      target: '0.90–1.10×',
      met: growth / expected >= 0.9 && growth / expected <= 1.1,
    },
  ];
}

function memoryRows(m: MemoryResult, large: number): BenchRow[] {
  return [
    {
      section: 'memory',
      figure: `serve mode RSS, ${large.toLocaleString('en')}-delivery store, just started`,
      measured: mib(m.largeStoreIdleBytes),
      baseline: mib(m.idleBytes),
      ratio: m.largeStoreIdleBytes / m.idleBytes,
      target: '',
      met: null,
    },
    {
      section: 'memory',
      figure: 'serve mode RSS, same store after the query mix',
      measured: mib(m.largeStoreAfterQueriesBytes),
      baseline: mib(m.idleBytes),
      ratio: m.largeStoreAfterQueriesBytes / m.idleBytes,
      target: '',
      met: null,
    },
  ];
}

/** bench/ui-bench.ts belongs to the renderer work; its rows join the table when it exists. */
async function uiRows(): Promise<{ rows: BenchRow[]; raw: unknown; note?: string }> {
  const file = join(root, 'bench', 'ui-bench.ts');
  if (!existsSync(file)) return { rows: [], raw: null, note: 'bench/ui-bench.ts is not there yet: UI figures skipped.' };
  const module = (await import(pathToFileURL(file).href)) as { runUiBench?: () => Promise<unknown> };
  if (typeof module.runUiBench !== 'function') return { rows: [], raw: null, note: 'bench/ui-bench.ts has no runUiBench export: skipped.' };
  let raw: unknown;
  try {
    raw = await module.runUiBench();
  } catch (error) {
    // The UI figures are the renderer's: a failure there must not cost the table its other figures.
    return { rows: [], raw: null, note: `the UI bench failed (${(error as Error).message.split('\n')[0]}): UI figures missing.` };
  }
  const list = Array.isArray(raw) ? raw : ((raw as { rows?: unknown[] } | null)?.rows ?? []);
  const text = (v: unknown, unit = '') =>
    v === undefined || v === null ? '' : typeof v === 'number' ? `${Math.round(v * 100) / 100}${unit ? ` ${unit}` : ''}` : String(v);
  const rows = list.map((item) => {
    const r = item as Record<string, unknown>;
    const unit = typeof r.unit === 'string' ? r.unit : '';
    const value = r.measured ?? r.value;
    return {
      section: text(r.section ?? 'ui'),
      figure: text(r.figure ?? r.name),
      measured: text(value, unit),
      baseline: text(r.baseline, unit),
      // ui-bench rows carry {value, baseline}: the ratio is theirs to compute here.
      ratio: typeof r.ratio === 'number' ? r.ratio : typeof value === 'number' && typeof r.baseline === 'number' && r.baseline > 0 ? value / r.baseline : null,
      target: text(r.target),
      met: typeof r.met === 'boolean' ? r.met : typeof r.ok === 'boolean' ? r.ok : null,
    };
  });
  return { rows, raw };
}

async function postgresFigures(): Promise<PgBenchResult> {
  const rows =
    PG.sizes.large < PG.targetSize ? ` (fewer than the ${PG.targetSize.toLocaleString('en')} its targets are set at${QUICK ? ': BENCH_QUICK' : ''})` : '';
  log(
    `postgres: the query mix at ${PG.sizes.baseline.toLocaleString('en')} and ${PG.sizes.large.toLocaleString('en')} deliveries${rows}, then ingest by two instances in ${PG.ingest.rounds} rounds of ${PG.ingest.amount.toLocaleString('en')} requests…`,
  );
  return runPostgresBench(PG, buildTemplates, log);
}

/** BENCH_ONLY=postgres: the PostgreSQL figures alone (the other sections take half an hour). */
async function postgresOnly(): Promise<void> {
  const started = performance.now();
  const postgres = await postgresFigures();
  const rows = postgresRows(postgres, PG.targetSize);
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(
    join(root, 'bench', 'results.json'),
    `${JSON.stringify({ at: new Date().toISOString(), seconds, quick: QUICK, only: 'postgres', settings: { PG }, rows, postgres }, null, 2)}\n`,
  );
  log('');
  log(formatTable(rows));
  log('');
  log(`PostgreSQL figures only (BENCH_ONLY=postgres). ${seconds.toFixed(0)} s in all; bench/results.json written.`);
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === 'postgres') return postgresOnly();
  const started = performance.now();
  log(`search: seeding ${SIZES.baseline.toLocaleString('en')} and ${SIZES.large.toLocaleString('en')} deliveries…`);
  const search = await runSearchBench(SIZES, RUNS, log);
  try {
    log('memory: serve mode idle and on the large store…');
    const memory = await measureMemory(search.large.dataDir, search.large.queries);
    log(`ingest: ${INGEST.rounds} rounds of ${INGEST.amount.toLocaleString('en')} requests, ${INGEST.connections} connections…`);
    const ingest = await runIngestBench(INGEST, log);
    log(
      `relay: ${RELAY_OPTIONS.rounds} rounds of ${RELAY_OPTIONS.amount.toLocaleString('en')} requests, then a queue of ${RELAY_OPTIONS.drain.toLocaleString('en')} after an outage…`,
    );
    const relay = await runRelayBench(RELAY_OPTIONS, log);
    log(`disk: ${DISK_DELIVERIES.toLocaleString('en')} deliveries of the seeds' mix…`);
    const disk = await runDiskBench(DISK_DELIVERIES);
    log(`soak: ${SOAK.rate.toLocaleString('en')} req/s for ${SOAK.seconds} s…`);
    const soak = await runSoak(SOAK, log);
    log('ui: …');
    const ui = await uiRows();
    if (ui.note) log(`  ${ui.note}`);
    const exported = await runExportBench(env('BENCH_EXPORT_DELIVERIES', 10_000), log);
    const postgres = await postgresFigures();
    const rows = [
      ...ingestRows(ingest),
      ...relayRows(relay),
      ...logRows(ingest, soak),
      ...diskRows(disk),
      ...soakRows(soak, disk),
      ...searchRows(search.baseline, search.large),
      ...memoryRows(memory, SIZES.large),
      ...ui.rows,
      ...exportRows(exported),
      ...postgresRows(postgres, PG.targetSize),
    ];
    const seconds = (performance.now() - started) / 1000;
    const { removeStores: _remove, ...stores } = search;
    writeFileSync(
      join(root, 'bench', 'results.json'),
      `${JSON.stringify({ at: new Date().toISOString(), seconds, quick: QUICK, settings: { SIZES, RUNS, INGEST, RELAY: RELAY_OPTIONS, SOAK, DISK_DELIVERIES, PG }, rows, ingest, relay, disk, soak, search: stores, memory, ui: ui.raw, export: exported, postgres, uiNote: ui.note ?? null }, null, 2)}\n`,
    );
    log('');
    log(formatTable(rows));
    log('');
    log(`ratios are against baselines measured in this run; absolute times vary with the machine. ${seconds.toFixed(0)} s in all; bench/results.json written.`);
  } finally {
    search.removeStores();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
