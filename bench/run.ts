/**
 * `npm run bench` (after scripts/bench.mjs has built serve mode): search at 10k vs 1M
 * deliveries, listener ingest vs bare node:http, serve-mode memory, and the UI bench when
 * present. Prints one table of ratios against same-run baselines; writes bench/results.json.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runSearchBench, type StoreRun } from './search/search-bench.js';
import { runIngestBench, type IngestResult } from './ingest/ingest-bench.js';
import { measureMemory, type MemoryResult } from './memory.js';
import { formatTable, mib, ms, perSecond, type BenchRow } from './report.js';
import { root } from './serve-process.js';
import { exportRows, runExportBench } from './export/export-bench.js';
import { relayRows, runRelayBench } from './relay/relay-bench.js';
import { RELAY_OPTIONS } from './relay/main.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SIZES = { baseline: env('BENCH_BASELINE_DELIVERIES', 10_000), large: env('BENCH_DELIVERIES', 1_000_000) };
const RUNS = env('BENCH_QUERY_RUNS', 30);
const INGEST = {
  amount: env('BENCH_INGEST_REQUESTS', 60_000),
  connections: env('BENCH_CONNECTIONS', 50),
  rounds: env('BENCH_ROUNDS', 3),
  steadyRate: env('BENCH_STEADY_RATE', 5_000),
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

function ingestRows(r: IngestResult): BenchRow[] {
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
  const p50 = (runs: IngestResult['bare']) => median(runs.map((x) => x.p50Ms));
  const p99 = (runs: IngestResult['bare']) => median(runs.map((x) => x.p99Ms));
  const maxLag = Math.max(...r.lagMs);
  return [
    { section: 'ingest', figure: 'requests/s, listener vs bare node:http', measured: perSecond(r.listenerRps), baseline: perSecond(r.bareRps), ratio: r.ratio, target: '≥ 0.80×', met: r.ratio >= 0.8 },
    { section: 'ingest', figure: 'latency p50', measured: ms(p50(r.listener)), baseline: ms(p50(r.bare)), ratio: p50(r.listener) / p50(r.bare), target: '', met: null },
    { section: 'ingest', figure: 'latency p99', measured: ms(p99(r.listener)), baseline: ms(p99(r.bare)), ratio: p99(r.listener) / p99(r.bare), target: '', met: null },
    { section: 'ingest', figure: 'lag after an all-out burst, last answer → all verified + searchable (worst run)', measured: ms(maxLag), baseline: '', ratio: null, target: '< 1000 ms', met: maxLag < 1000 },
    {
      section: 'ingest',
      figure: `lag after a steady ${r.steady.rate.toLocaleString('en')} req/s stream of ${r.steady.seconds} s (p99 ${r.steady.p99Ms} ms)`,
      measured: ms(r.steady.lagMs),
      baseline: '',
      ratio: null,
      target: '< 1000 ms',
      met: r.steady.lagMs < 1000,
    },
    { section: 'ingest', figure: 'stored deliveries vs 2xx answers', measured: r.stored.toLocaleString('en'), baseline: r.answered2xx.toLocaleString('en'), ratio: r.stored / r.answered2xx, target: 'equal', met: r.stored === r.answered2xx },
  ];
}

function memoryRows(m: MemoryResult, large: number): BenchRow[] {
  return [
    { section: 'memory', figure: `serve mode RSS, ${large.toLocaleString('en')}-delivery store, just started`, measured: mib(m.largeStoreIdleBytes), baseline: mib(m.idleBytes), ratio: m.largeStoreIdleBytes / m.idleBytes, target: '', met: null },
    { section: 'memory', figure: 'serve mode RSS, same store after the query mix', measured: mib(m.largeStoreAfterQueriesBytes), baseline: mib(m.idleBytes), ratio: m.largeStoreAfterQueriesBytes / m.idleBytes, target: '', met: null },
  ];
}

/** bench/ui-bench.ts belongs to the renderer work; its rows join the table when it exists. */
async function uiRows(): Promise<{ rows: BenchRow[]; raw: unknown; note?: string }> {
  const file = join(root, 'bench', 'ui-bench.ts');
  if (!existsSync(file)) return { rows: [], raw: null, note: 'bench/ui-bench.ts is not there yet: UI figures skipped.' };
  const module = (await import(pathToFileURL(file).href)) as { runUiBench?: () => Promise<unknown> };
  if (typeof module.runUiBench !== 'function') return { rows: [], raw: null, note: 'bench/ui-bench.ts has no runUiBench export: skipped.' };
  const raw = await module.runUiBench();
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

async function main(): Promise<void> {
  const started = performance.now();
  log(`search: seeding ${SIZES.baseline.toLocaleString('en')} and ${SIZES.large.toLocaleString('en')} deliveries…`);
  const search = await runSearchBench(SIZES, RUNS, log);
  try {
    log('memory: serve mode idle and on the large store…');
    const memory = await measureMemory(search.large.dataDir, search.large.queries);
    log(`ingest: ${INGEST.rounds} rounds of ${INGEST.amount.toLocaleString('en')} requests, ${INGEST.connections} connections…`);
    const ingest = await runIngestBench(INGEST, log);
    log(`relay: ${RELAY_OPTIONS.rounds} rounds of ${RELAY_OPTIONS.amount.toLocaleString('en')} requests, then a queue of ${RELAY_OPTIONS.drain.toLocaleString('en')} after an outage…`);
    const relay = await runRelayBench(RELAY_OPTIONS, log);
    log('ui: …');
    const ui = await uiRows();
    if (ui.note) log(`  ${ui.note}`);
    const exported = await runExportBench(env('BENCH_EXPORT_DELIVERIES', 10_000), log);
    const rows = [...ingestRows(ingest), ...relayRows(relay), ...searchRows(search.baseline, search.large), ...memoryRows(memory, SIZES.large), ...ui.rows, ...exportRows(exported)];
    const seconds = (performance.now() - started) / 1000;
    const { removeStores: _remove, ...stores } = search;
    writeFileSync(
      join(root, 'bench', 'results.json'),
      `${JSON.stringify({ at: new Date().toISOString(), seconds, settings: { SIZES, RUNS, INGEST, RELAY: RELAY_OPTIONS }, rows, ingest, relay, search: stores, memory, ui: ui.raw, export: exported, uiNote: ui.note ?? null }, null, 2)}\n`,
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
