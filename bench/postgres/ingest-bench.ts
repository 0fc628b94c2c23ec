/**
 * Listener ingest on PostgreSQL: two serve instances on one database (`--database`, one shared
 * `--key-file`), the load split between their listeners by two generators (load-generator.mjs,
 * processes of their own), against the bare node:http server under the same load (the same two
 * generators, the same requests, both on its one port), in interleaved rounds. The cluster syncs
 * every commit (fsync on) and the store's connections commit with synchronous_commit on, so an
 * answer follows a durable commit; afterwards the deliveries table is counted and compared with
 * the 2xx answers the listeners gave.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import pg from 'pg';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerIds } from '../../src-shared/domain/provider.js';
import { buildTemplates } from '../search/corpus.js';
import { BENCH_WEBHOOK_SECRET, deliveryMaker } from '../disk/traffic.js';
import { root, startServeChild, type ServeChild } from '../serve-process.js';
import { runGenerator, startScriptServer, writeRequestsFile, type LoadRun } from '../ingest/generator.js';
import type { PostgresCluster } from '../../test/helpers/postgres.js';
import { onDatabase } from './cluster.js';
import { postgresTicks, processTicks, usPer } from '../process-cpu.js';

export interface PgIngestOptions {
  /** Requests per measured round, split evenly between the two generators. */
  amount: number;
  /** Connections in all (each generator opens half). */
  connections: number;
  rounds: number;
}

/** Two generators' runs taken as one: answers summed, over the longer of their times. */
export interface SplitRun {
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  /** The worse of the two generators' percentiles. */
  p50Ms: number;
  p99Ms: number;
  parts: LoadRun[];
}

export interface PgIngestResult {
  instances: number;
  bare: SplitRun[];
  listener: SplitRun[];
  bareRps: number;
  listenerRps: number;
  ratio: number;
  /** Rows in the deliveries table at the end, and the 2xx answers the listeners gave (warm-up included). */
  stored: number;
  answered2xx: number;
  /** The server's fsync and synchronous_commit settings, as read back (the store's connections set synchronous_commit on themselves). */
  durability: { fsync: string; synchronousCommit: string };
  cpu: PgIngestCpu;
}

/** Where the two cores went, in CPU µs per request answered, per round. */
export interface PgIngestCpu {
  /** Bare rounds: the bare server, and the two generators. */
  bare: number[];
  generatorBare: number[];
  /** Listener rounds, while the load ran: both serve instances (all their threads), the PostgreSQL server (all its processes), the two generators. */
  instances: number[];
  postgres: number[];
  generatorListener: number[];
  /** The same instances and server from the load's start until the round's deliveries were all derived: what a request costs in the end. */
  instancesDerived: number[];
  postgresDerived: number[];
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether the built serve mode takes --database (the team server); the figure is skipped otherwise. */
export function serveHasDatabaseFlag(): boolean {
  const script = join(process.env.BENCH_SERVE_ROOT ?? root, 'out', 'main', 'serve.js');
  return existsSync(script) && readFileSync(script, 'utf8').includes('GATEWATCH_DATABASE_URL');
}

/** Serve mode on the shared database: the team server's settings go through the environment serve mode reads. */
function startInstance(dataDir: string, url: string, keyFile: string): Promise<ServeChild> {
  const vars = { GATEWATCH_DATABASE_URL: url, GATEWATCH_KEY_FILE: keyFile };
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  Object.assign(process.env, vars);
  try {
    // startServeChild spawns before its first await: the child has these variables, this process keeps its own.
    return startServeChild(dataDir);
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

async function split(ports: readonly [number, number], file: string, amount: number, connections: number): Promise<SplitRun> {
  const half = Math.floor(amount / 2);
  const each = Math.max(1, Math.floor(connections / 2));
  const parts = await Promise.all([
    runGenerator({ port: ports[0], file, first: 0, count: half, connections: each }),
    runGenerator({ port: ports[1], file, first: half, count: amount - half, connections: each }),
  ]);
  const ok = parts[0].ok + parts[1].ok;
  const seconds = Math.max(parts[0].seconds, parts[1].seconds);
  return {
    ok,
    non2xx: parts[0].non2xx + parts[1].non2xx,
    errors: parts[0].errors + parts[1].errors,
    seconds,
    requestsPerSecond: ok / seconds,
    p50Ms: Math.max(parts[0].p50Ms, parts[1].p50Ms),
    p99Ms: Math.max(parts[0].p99Ms, parts[1].p99Ms),
    parts,
  };
}

export async function runPgIngestBench(cluster: PostgresCluster, options: PgIngestOptions, log: (line: string) => void): Promise<PgIngestResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gatewatch-bench-pg-ingest-'));
  const url = await cluster.createDatabase('bench_ingest');
  const keyFile = join(dir, 'master.key');
  const make = deliveryMaker(await buildTemplates());
  let next = 0;
  let files = 0;
  const nextFile = (count: number) => {
    const file = join(dir, `requests-${files++}.bin`);
    const first = next;
    next += count;
    writeRequestsFile(
      file,
      Array.from({ length: count }, (_, i) => make(first + i)),
    );
    return file;
  };
  const bare = await startScriptServer('bare-server.mjs');
  const instances: ServeChild[] = [];
  const sql = <T>(text: string) => onDatabase(url, async (client) => (await client.query<{ v: T }>(text)).rows[0]!.v);
  // One connection, and a query that stops at the first pending row: the bench's own polling
  // should add little to the server CPU measured while derivation runs.
  const watcher = new pg.Client({ connectionString: url });
  const pending = async () => (await watcher.query<{ v: boolean }>('SELECT EXISTS (SELECT 1 FROM deliveries WHERE derived_at IS NULL) AS v')).rows[0]!.v;
  /** Both instances idle and nothing waiting for derivation, so a bare round is not slowed by the last listener round. */
  const quiet = async () => {
    const deadline = performance.now() + 180_000;
    while (await pending()) {
      if (performance.now() > deadline) throw new Error('derivation did not catch up within three minutes');
      await sleep(100);
    }
    for (const serve of instances) await serve.settle();
  };
  try {
    await watcher.connect();
    // One after the other: the first writes the shared key file (and migrates), the second reads it.
    for (const name of ['a', 'b']) instances.push(await startInstance(join(dir, `data-${name}`), url, keyFile));
    for (const serve of instances) {
      for (const provider of providerIds) await serve.api('providers.configure', { provider, webhookSecrets: [BENCH_WEBHOOK_SECRET] });
      // The load comes from one address: the per-sender rate limit (50/s by default) would refuse it.
      await serve.api('listener.configure', { rateLimit: null });
    }
    const ports = instances.map((s) => Number(new URL(s.webhookBaseUrl).port)) as [number, number];
    let answered2xx = 0;

    const warm = nextFile(Math.min(options.amount, 5_000));
    await split([bare.port, bare.port], warm, Math.min(options.amount, 5_000), options.connections);
    answered2xx += (await split(ports, warm, Math.min(options.amount, 5_000), options.connections)).ok;
    await quiet();

    const bareRuns: SplitRun[] = [];
    const listenerRuns: SplitRun[] = [];
    const cpu: PgIngestCpu = { bare: [], generatorBare: [], instances: [], postgres: [], generatorListener: [], instancesDerived: [], postgresDerived: [] };
    const generatorUs = (run: SplitRun) => (1000 * (run.parts[0]!.cpuMs + run.parts[1]!.cpuMs)) / run.ok;
    const instanceTicks = () => instances.reduce((sum, serve) => sum + processTicks(serve.child.pid!), 0);
    for (let round = 0; round < options.rounds; round++) {
      const file = nextFile(options.amount);
      await quiet();
      const bareTicks = processTicks(bare.pid);
      const b = await split([bare.port, bare.port], file, options.amount, options.connections);
      cpu.bare.push(usPer(processTicks(bare.pid) - bareTicks, b.ok));
      cpu.generatorBare.push(generatorUs(b));
      const [servedTicks, serverTicks] = [instanceTicks(), postgresTicks(cluster.port)];
      const l = await split(ports, file, options.amount, options.connections);
      cpu.instances.push(usPer(instanceTicks() - servedTicks, l.ok));
      cpu.postgres.push(usPer(postgresTicks(cluster.port) - serverTicks, l.ok));
      cpu.generatorListener.push(generatorUs(l));
      // Derivation mostly waits for the load to end: counted here, with the round it belongs to.
      await quiet();
      cpu.instancesDerived.push(usPer(instanceTicks() - servedTicks, l.ok));
      cpu.postgresDerived.push(usPer(postgresTicks(cluster.port) - serverTicks, l.ok));
      answered2xx += l.ok;
      bareRuns.push(b);
      listenerRuns.push(l);
      log(
        `  PostgreSQL round ${round + 1}: bare ${Math.round(b.requestsPerSecond)} req/s, two instances ${Math.round(l.requestsPerSecond)} req/s ` +
          `(${l.parts.map((p) => Math.round(p.requestsPerSecond)).join(' + ')}; ${l.non2xx} non-2xx, ${l.errors} errors)`,
      );
    }
    await quiet();
    const stored = await sql<number>('SELECT count(*)::int AS v FROM deliveries');
    const fsync = await sql<string>("SELECT setting AS v FROM pg_settings WHERE name = 'fsync'");
    // The server's default; the store's own connections set it on whatever the default (store/postgres/pool.ts).
    const synchronousCommit = await sql<string>("SELECT setting AS v FROM pg_settings WHERE name = 'synchronous_commit'");
    const bareRps = median(bareRuns.map((r) => r.requestsPerSecond));
    const listenerRps = median(listenerRuns.map((r) => r.requestsPerSecond));
    return {
      instances: instances.length,
      bare: bareRuns,
      listener: listenerRuns,
      bareRps,
      listenerRps,
      ratio: listenerRps / bareRps,
      stored,
      answered2xx,
      durability: { fsync, synchronousCommit },
      cpu,
    };
  } finally {
    await watcher.end().catch(() => {});
    bare.stop();
    for (const serve of instances) await serve.stop();
    rmSync(dir, { recursive: true, force: true });
    await onDatabase(cluster.url, (client) => client.query('DROP DATABASE IF EXISTS bench_ingest WITH (FORCE)')).catch(() => {});
  }
}
