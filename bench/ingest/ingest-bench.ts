/**
 * Listener ingest against a bare node:http server, same load, same run: requests/s, latency,
 * how far derivation (verify, correlate, index, dedupe) lags behind the last answer, and
 * whether every 2xx answer is a stored delivery.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { BENCH_SECRET, postLoad, postSteady, type LoadRun, type SteadyRun } from './load.js';
import { root, startServeChild, type ServeChild } from '../serve-process.js';

export interface IngestOptions {
  /** Requests per measured run (each target gets the same number). */
  amount: number;
  connections: number;
  rounds: number;
  /** Requests per second of the steady run. */
  steadyRate: number;
}

export interface IngestResult {
  bare: LoadRun[];
  listener: LoadRun[];
  /** Median requests/s of each target. */
  bareRps: number;
  listenerRps: number;
  ratio: number;
  /** Milliseconds from the last answer until every delivery was verified and searchable, per run. */
  lagMs: number[];
  stored: number;
  answered2xx: number;
  /** A steady stream below saturation, and the lag after it ends. */
  steady: SteadyRun & { lagMs: number };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function startBare(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [join(root, 'bench', 'ingest', 'bare-server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /port (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/webhooks/paychant`, stop: () => child.kill('SIGTERM') };
}

interface Page {
  items: Array<{ id: string }>;
  total: number;
}

/**
 * Polls until nothing waits for derivation and the last delivery is found by search. Every
 * 50 ms: each poll counts the pending rows on the main thread it measures, so polling much more
 * often would slow the catch-up it times.
 */
async function derivationLag(serve: ServeChild, lastPid: string, since: number): Promise<number> {
  for (;;) {
    const pending = await serve.api<Page>('deliveries.list', { verification: 'pending', limit: 1 });
    if (pending.total === 0) {
      const found = await serve.api<Page>('deliveries.list', { q: lastPid, verification: 'valid', limit: 1 });
      if (found.items.length === 1) return performance.now() - since;
    }
    if (performance.now() - since > 120_000) throw new Error('derivation did not catch up within two minutes');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function storedCount(serve: ServeChild): Promise<number> {
  return (await serve.api<{ counts: { total: number } }>('listener.status')).counts.total;
}

export async function runIngestBench(options: IngestOptions, log: (line: string) => void): Promise<IngestResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gatewatch-bench-ingest-'));
  const bare = await startBare();
  const serve = await startServeChild(dir);
  try {
    await serve.api('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'bench', value: BENCH_SECRET }] });
    // The load comes from one address: the per-sender rate limit (50/s by default) would refuse it.
    await serve.api('listener.configure', { rateLimit: null });
    const listenerUrl = `${serve.webhookBaseUrl}/webhooks/paychant`;
    const warm = Math.min(options.amount, 5_000);
    await postLoad(bare.url, { amount: warm, connections: options.connections, runTag: 'warm' });
    await postLoad(listenerUrl, { amount: warm, connections: options.connections, runTag: 'warm' });
    await serve.settle();
    const result: Omit<IngestResult, 'steady'> = { bare: [], listener: [], bareRps: 0, listenerRps: 0, ratio: 0, lagMs: [], stored: 0, answered2xx: 0 };
    for (let round = 0; round < options.rounds; round++) {
      const b = await postLoad(bare.url, { amount: options.amount, connections: options.connections, runTag: `b${round}` });
      result.bare.push(b);
      log(`  bare node:http   round ${round + 1}: ${Math.round(b.requestsPerSecond)} req/s`);
      const before = await storedCount(serve);
      const l = await postLoad(listenerUrl, { amount: options.amount, connections: options.connections, runTag: `l${round}z` });
      const lastAck = performance.now();
      const lag = await derivationLag(serve, l.lastPid, lastAck);
      result.listener.push(l);
      result.lagMs.push(lag);
      result.stored += (await storedCount(serve)) - before;
      result.answered2xx += l.ok;
      log(`  gatewatch listener round ${round + 1}: ${Math.round(l.requestsPerSecond)} req/s, derivation lag ${Math.round(lag)} ms`);
      // The next run starts on a settled machine: the burst's log checkpoint (in its own thread)
      // would otherwise slow the bare server's round, or be what the steady stream measures.
      await serve.settle();
    }
    result.bareRps = median(result.bare.map((r) => r.requestsPerSecond));
    result.listenerRps = median(result.listener.map((r) => r.requestsPerSecond));
    result.ratio = result.listenerRps / result.bareRps;
    const steadyRun = await postSteady(listenerUrl, { rate: options.steadyRate, seconds: 8, runTag: 'steady' });
    const steady = { ...steadyRun, lagMs: await derivationLag(serve, steadyRun.lastPid, performance.now()) };
    log(`  gatewatch listener, steady ${options.steadyRate} req/s for 8 s: p99 ${steady.p99Ms} ms, derivation lag ${Math.round(steady.lagMs)} ms`);
    return { ...result, steady };
  } finally {
    bare.stop();
    await serve.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
