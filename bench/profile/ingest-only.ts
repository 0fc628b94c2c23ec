/**
 * The ingest and derivation figures alone (the whole `npm run bench` seeds a million deliveries
 * first): `node --import tsx bench/profile/ingest-only.ts`, after `npx electron-vite build`.
 * BENCH_SERVE_ROOT=<another checkout> runs that checkout's build (before/after comparisons).
 * Settings as in bench/run.ts's quick mode, through the same environment variables.
 */
import { runIngestBench } from '../ingest/ingest-bench.js';
import { DEFAULT_LOG_BOUND_BYTES } from '../../src-main/store/sqlite/log-bound.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;

const result = await runIngestBench(
  {
    amount: env('BENCH_INGEST_REQUESTS', 20_000),
    connections: env('BENCH_CONNECTIONS', 50),
    rounds: env('BENCH_ROUNDS', 3),
    steadyRate: env('BENCH_STEADY_RATE', 5_000),
    steadySeconds: env('BENCH_STEADY_SECONDS', 5),
    oneAtATime: env('BENCH_ONE_AT_A_TIME', 3_000),
    logBoundBytes: DEFAULT_LOG_BOUND_BYTES,
  },
  (line) => console.log(line),
);
const derived = median(result.derivedPerSecond);
console.log(
  `derivation: ${Math.round(derived)}/s derived vs ${Math.round(result.listenerRps)}/s acknowledged = ${(derived / result.listenerRps).toFixed(2)}× ` +
    `(rounds ${result.derivedPerSecond.map((d) => (d / result.listenerRps).toFixed(2)).join(', ')}); ingest ratio ${result.ratio.toFixed(2)}×; ` +
    `steady lag ${Math.round(result.steady.lagMs)} ms`,
);
const c = result.cpu;
const us = (v: number[]) => `${Math.round(median(v))} µs`;
console.log(
  `cpu per request: listener ${us(c.listener)} (main thread ${us(c.listenerMain)}), bare ${us(c.bare)}, generator ${us(c.generatorListener)} / ${us(c.generatorBare)}; ` +
    `per derived delivery: main thread ${us(c.deriveMain)}, other threads (deriving, checkpoints) ${us(c.deriveThreads)}`,
);
