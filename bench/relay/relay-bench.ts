/**
 * Relay figures, side by side in one run: passthrough throughput against a bare node:http reverse
 * proxy to the same backend under the same load (and the backend alone), the latency each adds,
 * and how fast a queue drains once its backend is back after an outage.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, startServeChild, type ServeChild } from '../serve-process.js';
import { coresAvailable, processTicks, threadTicks, usPer } from '../process-cpu.js';
import type { BenchRow } from '../report.js';
import { ms, perSecond } from '../report.js';
import { RELAY_BENCH_SECRET, relayLoad, relaySteady, type RelayLoadRun } from './load.js';

export interface RelayBenchOptions {
  amount: number;
  connections: number;
  rounds: number;
  /** Deliveries queued during the outage. */
  drain: number;
}

export interface RelayBenchResult {
  direct: RelayLoadRun[];
  bare: RelayLoadRun[];
  /** Serve mode on a path without a route: the listener's own share of the relay's cost. */
  listener: RelayLoadRun[];
  relay: RelayLoadRun[];
  ratio: number;
  /** CPU microseconds per request, median of the rounds: the proxy's process; serve mode's (derivation included). */
  cpuUsPerRequest: { bare: number; listener: number; relay: number };
  /** The same for the load around the proxy: the load generator (this process) and the backend, while the load ran. */
  loadCpuUsPerRequest: { bare: number; relay: number };
  /**
   * Worked out, not measured: the requests/s the CPU per request allows on `cores`, derivation
   * included. The lower of the cores over every process's CPU per request (spread perfectly) and
   * one core over the proxy's main thread's; median of the rounds.
   */
  implied: { cores: number; bare: number; relay: number };
  /** p50 at a steady 300 requests/s (nothing queues): backend alone, bare proxy, passthrough. */
  steady: { rate: number; direct: number; bare: number; relay: number };
  drain: { deliveries: number; outageSeconds: number; drainSeconds: number; perSecond: number; unique: number; received: number };
}

const STEADY_RATE = 300;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function child(script: string, args: string[]): Promise<{ port: number; process: ChildProcess }> {
  const proc = spawn(process.execPath, [join(root, 'bench', 'relay', script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    proc.stdout!.on('data', (chunk: Buffer) => {
      const match = /port (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    proc.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { port, process: proc };
}

const stop = (proc: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });

async function count(port: number, path: string): Promise<{ count: number; unique: number; firstAt: number | null; lastAt: number | null }> {
  return (await (await fetch(`http://127.0.0.1:${port}/count?path=${encodeURIComponent(path)}`)).json()) as never;
}

export async function runRelayBench(options: RelayBenchOptions, log: (line: string) => void): Promise<RelayBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gatewatch-bench-relay-'));
  let backend = await child('backend.mjs', []);
  const backendPort = backend.port;
  const bare = await child('bare-proxy.mjs', [String(backendPort)]);
  let serve: ServeChild | null = null;
  try {
    serve = await startServeChild(dir);
    await serve.api('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'bench', value: RELAY_BENCH_SECRET }] });
    await serve.api('listener.configure', { rateLimit: null });
    await serve.api('relay.routes.save', { provider: 'paychant', url: `http://127.0.0.1:${backendPort}/relay`, mode: 'passthrough' });
    const urls = {
      direct: `http://127.0.0.1:${backendPort}/direct`,
      bare: `http://127.0.0.1:${bare.port}/webhooks/paychant`,
      // No route on this path: stored and verified, not relayed.
      listener: `${serve.webhookBaseUrl}/webhooks/paychant/plain`,
      relay: `${serve.webhookBaseUrl}/webhooks/paychant`,
    };
    const pids = { direct: backend.process.pid!, bare: bare.process.pid!, listener: serve.child.pid!, relay: serve.child.pid! };
    const warm = Math.min(options.amount, 5_000);
    for (const url of Object.values(urls)) await relayLoad(url, { amount: warm, connections: options.connections, tag: 'warm' });
    await serve.settle();
    const result = { direct: [] as RelayLoadRun[], bare: [] as RelayLoadRun[], listener: [] as RelayLoadRun[], relay: [] as RelayLoadRun[] };
    const cpu = { bare: [] as number[], listener: [] as number[], relay: [] as number[] };
    const loadCpu = { bare: [] as number[], relay: [] as number[] };
    const cores = coresAvailable();
    const implied = { bare: [] as number[], relay: [] as number[] };
    const loadTicks = () => processTicks(process.pid) + processTicks(backend.process.pid!);
    for (let round = 0; round < options.rounds; round++) {
      for (const name of ['direct', 'bare', 'listener', 'relay'] as const) {
        const before = threadTicks(pids[name]);
        const loadBefore = loadTicks();
        const run = await relayLoad(urls[name], { amount: options.amount, connections: options.connections, tag: `${name}${round}` });
        const load = usPer(loadTicks() - loadBefore, options.amount);
        // Serve mode's work on a round (derivation, the log checkpoint) is done, and counted, before the next starts.
        if (name === 'listener' || name === 'relay') await serve.settle();
        const after = threadTicks(pids[name]);
        const own = usPer(after.main + after.others - before.main - before.others, options.amount);
        if (name !== 'direct') cpu[name].push(own);
        if (name === 'bare' || name === 'relay') {
          loadCpu[name].push(load);
          implied[name].push(Math.min((cores * 1e6) / (own + load), 1e6 / usPer(after.main - before.main, options.amount)));
        }
        result[name].push(run);
        log(
          `  ${name.padEnd(8)} round ${round + 1}: ${Math.round(run.requestsPerSecond)} req/s, p50 ${run.p50Ms} ms${run.other ? `, ${run.other} not 2xx` : ''}`,
        );
      }
    }
    const ratio = median(result.relay.map((r) => r.requestsPerSecond)) / median(result.bare.map((r) => r.requestsPerSecond));
    const cpuUsPerRequest = { bare: median(cpu.bare), listener: median(cpu.listener), relay: median(cpu.relay) };
    const loadCpuUsPerRequest = { bare: median(loadCpu.bare), relay: median(loadCpu.relay) };
    const impliedPerSecond = { cores, bare: median(implied.bare), relay: median(implied.relay) };
    const steady = { rate: STEADY_RATE, direct: 0, bare: 0, relay: 0 };
    for (const name of ['direct', 'bare', 'relay'] as const) {
      steady[name] = (await relaySteady(urls[name], { rate: STEADY_RATE, seconds: 5, tag: `steady-${name}` })).p50Ms;
      await serve.settle();
    }
    log(`  steady ${STEADY_RATE}/s p50: backend ${steady.direct} ms, bare proxy ${steady.bare} ms, passthrough ${steady.relay} ms`);

    // Queue drain: the backend is down while deliveries are queued; then it comes back.
    await serve.api('relay.routes.save', {
      provider: 'paychant',
      label: 'drain',
      url: `http://127.0.0.1:${backendPort}/drain`,
      mode: 'queue',
      schedule: { kind: 'custom', delaysS: Array.from({ length: 20 }, () => 1) },
    });
    await stop(backend.process);
    const outageStarted = performance.now();
    const queued = await relayLoad(`${serve.webhookBaseUrl}/webhooks/paychant/drain`, {
      amount: options.drain,
      connections: options.connections,
      tag: 'drain',
    });
    // Every queued delivery has failed its first try before the backend returns.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    backend = await child('backend.mjs', [String(backendPort)]);
    const outageSeconds = (performance.now() - outageStarted) / 1000;
    const deadline = performance.now() + 300_000;
    let seen = await count(backendPort, '/drain');
    while (seen.unique < queued.ok && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = await count(backendPort, '/drain');
    }
    const drainSeconds = seen.firstAt !== null && seen.lastAt !== null ? (seen.lastAt - seen.firstAt) / 1000 : Number.NaN;
    const drain = { deliveries: queued.ok, outageSeconds, drainSeconds, perSecond: seen.unique / drainSeconds, unique: seen.unique, received: seen.count };
    log(
      `  queue drain: ${drain.unique} of ${drain.deliveries} delivered in ${drainSeconds.toFixed(2)} s after the backend came back (${Math.round(drain.perSecond)}/s)`,
    );
    return { ...result, ratio, cpuUsPerRequest, loadCpuUsPerRequest, implied: impliedPerSecond, steady, drain };
  } finally {
    await serve?.stop();
    await stop(bare.process);
    await stop(backend.process);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function relayRows(r: RelayBenchResult): BenchRow[] {
  const rps = (runs: RelayLoadRun[]) => median(runs.map((x) => x.requestsPerSecond));
  const p50 = (runs: RelayLoadRun[]) => median(runs.map((x) => x.p50Ms));
  const notOk = r.relay.reduce((n, x) => n + x.other, 0);
  return [
    {
      section: 'relay',
      figure: 'passthrough requests/s vs a bare node:http reverse proxy, same backend',
      measured: perSecond(rps(r.relay)),
      baseline: perSecond(rps(r.bare)),
      ratio: r.ratio,
      target: '≥ 0.70×',
      met: r.ratio >= 0.7,
    },
    {
      section: 'relay',
      figure: 'latency p50, passthrough vs bare proxy',
      measured: ms(p50(r.relay)),
      baseline: ms(p50(r.bare)),
      ratio: p50(r.relay) / p50(r.bare),
      target: '',
      met: null,
    },
    {
      section: 'relay',
      figure: 'p50 added by passthrough over the backend alone (bare proxy adds the baseline)',
      measured: ms(p50(r.relay) - p50(r.direct)),
      baseline: ms(p50(r.bare) - p50(r.direct)),
      ratio: null,
      target: '',
      met: null,
    },
    {
      section: 'relay',
      figure: `p50 added over the backend alone at a steady ${r.steady.rate} req/s: passthrough vs bare proxy`,
      measured: ms(r.steady.relay - r.steady.direct),
      baseline: ms(r.steady.bare - r.steady.direct),
      ratio: null,
      target: '',
      met: null,
    },
    {
      section: 'relay',
      figure: 'CPU per request: serve mode relaying (derivation included) vs the bare proxy',
      measured: `${Math.round(r.cpuUsPerRequest.relay)} µs`,
      baseline: `${Math.round(r.cpuUsPerRequest.bare)} µs`,
      ratio: r.cpuUsPerRequest.relay / r.cpuUsPerRequest.bare,
      target: '',
      met: null,
    },
    {
      section: 'relay',
      figure: "CPU per request: relaying vs storing alone (no route): the relay's own share",
      measured: `${Math.round(r.cpuUsPerRequest.relay)} µs`,
      baseline: `${Math.round(r.cpuUsPerRequest.listener)} µs`,
      ratio: r.cpuUsPerRequest.relay / r.cpuUsPerRequest.listener,
      target: '',
      met: null,
    },
    {
      section: 'relay',
      figure: 'CPU per request around the proxy: load generator and backend, relaying vs bare',
      measured: `${Math.round(r.loadCpuUsPerRequest.relay)} µs`,
      baseline: `${Math.round(r.loadCpuUsPerRequest.bare)} µs`,
      ratio: r.loadCpuUsPerRequest.relay / r.loadCpuUsPerRequest.bare,
      target: '',
      met: null,
    },
    {
      // Sustained traffic leaves no idle time to put derivation off into. Generator and backend included: they share the cores here.
      section: 'relay',
      figure: `worked out, not measured: req/s the CPU allows on ${r.implied.cores} cores, derivation included (min of cores ÷ every process's CPU, 1 core ÷ the proxy's main thread)`,
      measured: perSecond(r.implied.relay),
      baseline: perSecond(r.implied.bare),
      ratio: r.implied.relay / r.implied.bare,
      target: '',
      met: null,
    },
    {
      section: 'relay',
      figure: 'requests/s storing alone (no route) vs the bare proxy',
      measured: perSecond(rps(r.listener)),
      baseline: perSecond(rps(r.bare)),
      ratio: rps(r.listener) / rps(r.bare),
      target: '',
      met: null,
    },
    { section: 'relay', figure: 'passthrough answers that were not 2xx', measured: String(notOk), baseline: '', ratio: null, target: '0', met: notOk === 0 },
    {
      section: 'relay',
      figure: `queue drain after a ${r.drain.outageSeconds.toFixed(1)} s outage (${r.drain.deliveries.toLocaleString('en')} queued)`,
      measured: perSecond(r.drain.perSecond),
      baseline: '',
      ratio: null,
      target: 'all delivered',
      met: r.drain.unique === r.drain.deliveries,
    },
  ];
}
