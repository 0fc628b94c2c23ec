/** Starts the built serve mode (out/main/serve.js) for the benchmark and talks to its console API. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processTicks } from './process-cpu.js';

export const root = join(import.meta.dirname, '..');
const TOKEN = 'bench-token-0123456789abcdef';

export interface ServeChild {
  child: ChildProcess;
  webhookBaseUrl: string;
  consoleOrigin: string;
  api<T>(name: string, input?: unknown): Promise<T>;
  rssBytes(): number;
  /** Resolves once serve mode (all its threads) has been nearly idle for half a second. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startServeChild(dataDir: string): Promise<ServeChild> {
  // BENCH_SERVE_ROOT: another checkout's build, to compare two builds under the same bench.
  const script = join(process.env.BENCH_SERVE_ROOT ?? root, 'out', 'main', 'serve.js');
  if (!existsSync(script)) throw new Error('out/main/serve.js is missing: the bench builds it first (npm run bench).');
  const child = spawn(
    process.execPath,
    // BENCH_PROF=<dir> writes a CPU profile of serve mode there (to see where ingest time goes).
    [
      ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROF] : []),
      script,
      '--data',
      dataDir,
      '--webhook-port',
      '0',
      '--console-port',
      '0',
      '--token',
      TOKEN,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const urls = await new Promise<{ webhook: string; console: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve mode did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      const webhook = /Webhook URL:\s+(\S+)\/webhooks\//.exec(output)?.[1];
      const consoleUrl = /Console:\s+(http:\/\/[^/\s]+)/.exec(output)?.[1];
      if (webhook && consoleUrl) {
        clearTimeout(timer);
        resolve({ webhook, console: consoleUrl });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve mode exited with ${code}:\n${output}`)));
  });
  let stopping = false;
  child.once('exit', (code, signal) => {
    // A crash mid-benchmark shows up as failed requests: say why, with serve mode's own words.
    if (!stopping) console.error(`serve mode exited unexpectedly (${signal ?? `code ${code}`}):\n${output.slice(-4000)}`);
  });
  return {
    child,
    webhookBaseUrl: urls.webhook,
    consoleOrigin: urls.console,
    async api<T>(name: string, input: unknown = {}) {
      const started = performance.now();
      const response = await fetch(`${urls.console}/api/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      }).catch((error) => {
        console.error(`${name} got no answer (after ${Math.round(performance.now() - started)} ms); serve mode said:\n${output.slice(-3000)}`);
        throw error;
      });
      const body = (await response.json()) as T;
      if (!response.ok) throw new Error(`${name} answered ${response.status}: ${JSON.stringify(body)}`);
      return body;
    },
    async settle() {
      // Ticks are 10 ms: at most 2 in 500 ms is under 5% of a core. Bounded, in case it never is.
      const deadline = performance.now() + 60_000;
      let before = processTicks(child.pid!);
      while (performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const now = processTicks(child.pid!);
        if (now - before <= 2) return;
        before = now;
      }
    },
    rssBytes() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
