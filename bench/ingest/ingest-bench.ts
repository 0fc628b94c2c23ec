/**
 * Listener ingest against a bare node:http server, under load from a generator in a process of
 * its own (pre-built, pre-signed requests: its ceiling against a server that answers without
 * reading is printed too), in interleaved rounds, each bare round run only once serve mode is
 * idle. Beside it: how fast derivation clears the backlog a burst leaves, against the listener's
 * acknowledgements, and the write-ahead log's size under one-at-a-time posts, bursts and a
 * steady stream.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerIds } from '../../src-shared/domain/provider.js';
import { buildTemplates } from '../search/corpus.js';
import { BENCH_WEBHOOK_SECRET, deliveryMaker, uniqueToken } from '../disk/traffic.js';
import { startServeChild, type ServeChild } from '../serve-process.js';
import { runGenerator, startScriptServer, writeRequestsFile, type LoadRun } from './generator.js';
import { processTicks, threadTicks, usPer } from '../process-cpu.js';
import { WalWatch, type LogFigures } from './wal-watch.js';

export interface IngestOptions {
  /** Requests per measured round (each target gets the same ones). */
  amount: number;
  connections: number;
  rounds: number;
  steadyRate: number;
  steadySeconds: number;
  /** Requests posted one after another, each after the previous answer. */
  oneAtATime: number;
  /** The write-ahead log bound serve mode keeps (its default). */
  logBoundBytes: number;
}

export interface IngestResult {
  /** The generator against a server that answers without reading. */
  ceiling: LoadRun;
  bare: LoadRun[];
  listener: LoadRun[];
  bareRps: number;
  listenerRps: number;
  ratio: number;
  /** Milliseconds from the last answer until every delivery was derived and searchable, per round. */
  lagMs: number[];
  /** Deliveries derived per second while a burst's backlog cleared, per round. */
  derivedPerSecond: number[];
  stored: number;
  answered2xx: number;
  steady: LoadRun & { rate: number; seconds: number; lagMs: number; log: LogFigures };
  oneAtATime: LoadRun & { log: LogFigures };
  /** The worst round's log figures. */
  burstLog: LogFigures;
  cpu: IngestCpu;
}

/** Where the cores went, in CPU µs, per round: per request answered, or per delivery derived. */
export interface IngestCpu {
  /** The bare server, per request. */
  bare: number[];
  /** Serve mode while the listener answered, per request: all its threads, and its main thread. */
  listener: number[];
  listenerMain: number[];
  /** Serve mode while it derived the burst's backlog, per delivery: its main thread (reads, saves), its other threads (derivation, checkpoints, libuv). */
  deriveMain: number[];
  deriveThreads: number[];
  /** The load generator, per request, in the bare and the listener rounds. */
  generatorBare: number[];
  generatorListener: number[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How long the log is watched after traffic stops (the target: back under the bound within 10 s). */
const WATCH_AFTER_MS = 10_000;

interface Page {
  items: Array<{ id: string }>;
}

/** Builds request files from a running count, so every delivery sent in a run is unique. */
async function requestFiles(dir: string) {
  const make = deliveryMaker(await buildTemplates());
  let next = 0;
  let files = 0;
  return (count: number): { file: string; lastToken: string } => {
    const first = next;
    next += count;
    const file = join(dir, `requests-${files++}.bin`);
    writeRequestsFile(
      file,
      Array.from({ length: count }, (_, i) => make(first + i)),
    );
    return { file, lastToken: uniqueToken(first + count - 1) };
  };
}

/**
 * Deliveries still waiting for derivation, counted exactly on a read-only connection of the
 * bench's own (the console API's total is an estimate past 5,000). Each count is one short read.
 */
function pendingCounter(dataDir: string): { count(): number; close(): void } {
  let db: Database.Database | null = null;
  return {
    count() {
      db ??= new Database(join(dataDir, 'gatewatch.db'), { readonly: true, fileMustExist: true });
      return db.prepare('SELECT count(*) FROM deliveries WHERE derived_at IS NULL').pluck().get() as number;
    },
    close: () => db?.close(),
  };
}

/** Waits until nothing is pending and the last delivery is found by search; returns when that was, and the backlog at the start. */
async function drain(serve: ServeChild, pending: { count(): number }, lastToken: string): Promise<{ backlog: number; doneAt: number }> {
  const backlog = pending.count();
  const started = performance.now();
  for (;;) {
    if (pending.count() === 0) {
      const found = await serve.api<Page>('deliveries.list', { q: lastToken, limit: 1 });
      if (found.items.length === 1) return { backlog, doneAt: performance.now() };
    }
    if (performance.now() - started > 180_000) throw new Error('derivation did not catch up within three minutes');
    await sleep(50);
  }
}

async function storedCount(serve: ServeChild): Promise<number> {
  return (await serve.api<{ counts: { total: number } }>('listener.status')).counts.total;
}

export async function runIngestBench(options: IngestOptions, log: (line: string) => void): Promise<IngestResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gatewatch-bench-ingest-'));
  const nextFile = await requestFiles(dir);
  const sink = await startScriptServer('sink-server.mjs');
  const bare = await startScriptServer('bare-server.mjs');
  const dataDir = join(dir, 'data');
  const serve = await startServeChild(dataDir);
  const wal = new WalWatch(join(dataDir, 'gatewatch.db-wal'));
  const pending = pendingCounter(dataDir);
  const load = (port: number, file: string, count: number, connections = options.connections, rate?: { perSecond: number; seconds: number }) =>
    runGenerator({ port, file, first: 0, count, connections, rate });
  try {
    for (const provider of providerIds) await serve.api('providers.configure', { provider, webhookSecrets: [BENCH_WEBHOOK_SECRET] });
    // The load comes from one address: the per-sender rate limit (50/s by default) would refuse it.
    await serve.api('listener.configure', { rateLimit: null });
    const listenerPort = Number(new URL(serve.webhookBaseUrl).port);

    const warm = nextFile(Math.min(options.amount, 5_000));
    await load(sink.port, warm.file, 5_000);
    await load(bare.port, warm.file, 5_000);
    await load(listenerPort, warm.file, 5_000);
    await serve.settle();

    const ceilingFile = nextFile(options.amount);
    const ceiling = await load(sink.port, ceilingFile.file, options.amount);
    log(`  generator ceiling (a server that answers without reading): ${Math.round(ceiling.requestsPerSecond)} req/s`);

    // One after another, as real traffic mostly arrives.
    const sequential = nextFile(options.oneAtATime);
    const seqFrom = performance.now();
    const oneRun = await load(listenerPort, sequential.file, options.oneAtATime, 1);
    const seqEnd = performance.now();
    await sleep(WATCH_AFTER_MS);
    const oneAtATime = { ...oneRun, log: wal.figures(options.logBoundBytes, seqFrom, seqEnd) };
    log(`  one at a time: ${Math.round(oneRun.requestsPerSecond)} req/s, log at most ${(oneAtATime.log.maxBytes / 2 ** 20).toFixed(1)} MiB`);
    await drain(serve, pending, sequential.lastToken);
    await serve.settle();

    const result = { bare: [] as LoadRun[], listener: [] as LoadRun[], lagMs: [] as number[], derivedPerSecond: [] as number[], stored: 0, answered2xx: 0 };
    const logs: LogFigures[] = [];
    const cpu: IngestCpu = { bare: [], listener: [], listenerMain: [], deriveMain: [], deriveThreads: [], generatorBare: [], generatorListener: [] };
    const servePid = serve.child.pid!;
    for (let round = 0; round < options.rounds; round++) {
      const requests = nextFile(options.amount);
      // The bare server gets the same requests, and only once serve mode is idle.
      await serve.settle();
      const bareTicks = processTicks(bare.pid);
      const b = await load(bare.port, requests.file, options.amount);
      cpu.bare.push(usPer(processTicks(bare.pid) - bareTicks, b.ok));
      cpu.generatorBare.push((1000 * b.cpuMs) / b.ok);
      result.bare.push(b);
      const before = await storedCount(serve);
      const from = performance.now();
      const atStart = threadTicks(servePid);
      const l = await load(listenerPort, requests.file, options.amount);
      const end = performance.now();
      const atEnd = threadTicks(servePid);
      const { backlog, doneAt } = await drain(serve, pending, requests.lastToken);
      const atDerived = threadTicks(servePid);
      cpu.listener.push(usPer(atEnd.main + atEnd.others - atStart.main - atStart.others, l.ok));
      cpu.listenerMain.push(usPer(atEnd.main - atStart.main, l.ok));
      cpu.generatorListener.push((1000 * l.cpuMs) / l.ok);
      cpu.deriveMain.push(usPer(atDerived.main - atEnd.main, backlog));
      cpu.deriveThreads.push(usPer(atDerived.others - atEnd.others, backlog));
      const lag = doneAt - end;
      result.listener.push(l);
      result.lagMs.push(lag);
      result.derivedPerSecond.push(backlog / (lag / 1000));
      result.stored += (await storedCount(serve)) - before;
      result.answered2xx += l.ok;
      const watched = Math.max(0, end + WATCH_AFTER_MS - performance.now());
      await sleep(watched);
      logs.push(wal.figures(options.logBoundBytes, from, end));
      log(
        `  round ${round + 1}: bare ${Math.round(b.requestsPerSecond)} req/s, listener ${Math.round(l.requestsPerSecond)} req/s; ` +
          `backlog ${backlog} derived in ${Math.round(lag)} ms (${Math.round(backlog / (lag / 1000))}/s); log at most ${(logs[round]!.maxBytes / 2 ** 20).toFixed(1)} MiB`,
      );
    }
    const bareRps = median(result.bare.map((r) => r.requestsPerSecond));
    const listenerRps = median(result.listener.map((r) => r.requestsPerSecond));

    await serve.settle();
    const stream = nextFile(options.steadyRate * options.steadySeconds);
    const streamFrom = performance.now();
    const steadyRun = await load(listenerPort, stream.file, options.steadyRate * options.steadySeconds, 20, {
      perSecond: options.steadyRate,
      seconds: options.steadySeconds,
    });
    const streamEnd = performance.now();
    const streamDrain = await drain(serve, pending, stream.lastToken);
    await sleep(Math.max(0, streamEnd + WATCH_AFTER_MS - performance.now()));
    const steady = {
      ...steadyRun,
      rate: options.steadyRate,
      seconds: options.steadySeconds,
      lagMs: streamDrain.doneAt - streamEnd,
      log: wal.figures(options.logBoundBytes, streamFrom, streamEnd),
    };
    log(
      `  steady ${options.steadyRate} req/s for ${options.steadySeconds} s: p99 ${steady.p99Ms.toFixed(1)} ms, lag ${Math.round(steady.lagMs)} ms, log at most ${(steady.log.maxBytes / 2 ** 20).toFixed(1)} MiB`,
    );

    const worst = (pick: (f: LogFigures) => number) => logs.reduce((a, b) => (pick(b) > pick(a) ? b : a));
    return {
      ceiling,
      ...result,
      bareRps,
      listenerRps,
      ratio: listenerRps / bareRps,
      cpu,
      steady,
      oneAtATime,
      burstLog: {
        maxBytes: worst((f) => f.maxBytes).maxBytes,
        longestAboveSeconds: worst((f) => f.longestAboveSeconds).longestAboveSeconds,
        underBoundAfterSeconds: logs.some((f) => f.underBoundAfterSeconds === null) ? null : worst((f) => f.underBoundAfterSeconds ?? 0).underBoundAfterSeconds,
      },
    };
  } finally {
    wal.stop();
    pending.close();
    sink.stop();
    bare.stop();
    await serve.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
