/**
 * The soak: serve mode under a steady stream (1,000 req/s for 10 minutes in the full bench) of
 * the realistic mix: memory at the end against the end of the first stretch, the log's size
 * throughout, and the store's growth at rest against the disk bench's bytes per delivery.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerIds } from '../../src-shared/domain/provider.js';
import { buildTemplates } from '../search/corpus.js';
import { BENCH_WEBHOOK_SECRET, deliveryMaker } from '../disk/traffic.js';
import { startServeChild, type ServeChild } from '../serve-process.js';
import { runGenerator, writeRequestsFile, type LoadRun } from './generator.js';
import { WalWatch, type LogFigures } from './wal-watch.js';

export interface SoakOptions {
  rate: number;
  seconds: number;
  logBoundBytes: number;
}

export interface SoakResult {
  rate: number;
  seconds: number;
  /** Each stretch of the stream (a fresh file of unique requests each). */
  stretches: LoadRun[];
  stored: number;
  /** Serve mode's RSS once the stream had run for a minute (half the soak, when shorter), and when it ended. */
  rssMinuteOneBytes: number;
  rssEndBytes: number;
  log: LogFigures;
  /** Growth of the database file at rest (after a clean close) over the soak. */
  growthBytes: number;
}

async function storedCount(serve: ServeChild): Promise<number> {
  return (await serve.api<{ counts: { total: number } }>('listener.status')).counts.total;
}

export async function runSoak(options: SoakOptions, log: (line: string) => void): Promise<SoakResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gatewatch-bench-soak-'));
  const dataDir = join(dir, 'data');
  const make = deliveryMaker(await buildTemplates());
  let next = 0;
  const file = join(dir, 'requests.bin');
  const writeNext = (count: number) => {
    writeRequestsFile(
      file,
      Array.from({ length: count }, () => make(next++)),
    );
  };
  const dbBytes = () => statSync(join(dataDir, 'gatewatch.db')).size;
  try {
    // A store with some history, closed cleanly: its size at rest is where growth is counted from.
    let serve = await startServeChild(dataDir);
    for (const provider of providerIds) await serve.api('providers.configure', { provider, webhookSecrets: [BENCH_WEBHOOK_SECRET] });
    // The stream comes from one address: the per-sender rate limit (50/s by default) would refuse it.
    await serve.api('listener.configure', { rateLimit: null });
    const port = () => Number(new URL(serve.webhookBaseUrl).port);
    writeNext(2_000);
    await runGenerator({ port: port(), file, first: 0, count: 2_000, connections: 10 });
    await serve.settle();
    const storedBefore = await storedCount(serve);
    await serve.stop();
    const sizeBefore = dbBytes();

    serve = await startServeChild(dataDir);
    const wal = new WalWatch(join(dataDir, 'gatewatch.db-wal'));
    const stretchSeconds = Math.min(60, Math.max(5, Math.round(options.seconds / 5)));
    const stretches: LoadRun[] = [];
    // Memory is compared from the first minute on: until then caches and the heap are still filling.
    const referenceAt = Math.min(60, options.seconds / 2);
    let rssMinuteOneBytes = 0;
    const from = performance.now();
    for (let done = 0; done < options.seconds; done += stretchSeconds) {
      const seconds = Math.min(stretchSeconds, options.seconds - done);
      const count = options.rate * seconds;
      writeNext(count); // between stretches: a pause of about a second in the stream
      stretches.push(await runGenerator({ port: port(), file, first: 0, count, connections: 10, rate: { perSecond: options.rate, seconds } }));
      if (rssMinuteOneBytes === 0 && done + seconds >= referenceAt) rssMinuteOneBytes = serve.rssBytes();
      log(`  soak: ${done + seconds} s of ${options.seconds}, RSS ${(serve.rssBytes() / 2 ** 20).toFixed(0)} MiB`);
    }
    const end = performance.now();
    const rssEndBytes = serve.rssBytes();
    await serve.settle();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, end + 10_000 - performance.now())));
    wal.stop();
    const logFigures = wal.figures(options.logBoundBytes, from, end);
    const stored = (await storedCount(serve)) - storedBefore;
    await serve.stop();
    return {
      rate: options.rate,
      seconds: options.seconds,
      stretches,
      stored,
      rssMinuteOneBytes,
      rssEndBytes,
      log: logFigures,
      growthBytes: dbBytes() - sizeBefore,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
