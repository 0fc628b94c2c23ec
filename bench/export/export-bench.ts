/**
 * HAR export of a large filtered set from serve mode (GET /api/export?format=har): the peak RSS
 * while it streams, against the RSS just before, and whether the document validates (HAR 1.2,
 * @har-sdk/validator). Bodies of 4 KiB make the export some 50 MB, so holding it in memory
 * would show in the peak. Run alone: `npx tsx bench/export/export-bench.ts` (after a build).
 */
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { fileURLToPath } from 'node:url';
import { createSqliteStore } from '../../src-main/store/sqlite/index.js';
import type { NewDelivery } from '../../src-main/store/types.js';
import { newId } from '../../src-main/store/ids.js';
import { mib, type BenchRow } from '../report.js';
import { startServeChild } from '../serve-process.js';

interface ExportRun {
  deliveries: number;
  harBytes: number;
  rssBeforeBytes: number;
  peakRssBytes: number;
  seconds: number;
}

export interface ExportBenchResult extends ExportRun {
  /** The same export of a quarter of the deliveries first: growth that does not scale with size is not the export held. */
  quarter: ExportRun;
  /** null when the validator is not installed. */
  validationProblems: string[] | null;
}

const BODY_BYTES = 4096;

export async function seed(dataDir: string, count: number, start: number): Promise<void> {
  const store = createSqliteStore(dataDir);
  for (let done = 0; done < count; done += 500) {
    const batch: NewDelivery[] = [];
    for (let i = done; i < Math.min(count, done + 500); i++) {
      const text = JSON.stringify({ event: 'payment.completed', data: { pid: `bench-export-${i}`, note: 'x'.repeat(BODY_BYTES) } }).slice(0, BODY_BYTES);
      const body = Buffer.from(text);
      batch.push({
        id: newId('dlv', start + i * 1000),
        provider: 'paychant',
        label: null,
        receivedAt: new Date(start + i * 1000).toISOString(),
        method: 'POST',
        path: '/webhooks/paychant',
        query: '',
        headers: [
          ['Host', '127.0.0.1:8787'],
          ['Content-Type', 'application/json'],
          ['Authorization', 'Bearer bench-credential-1234'],
        ],
        body,
        size: body.byteLength,
        bodySha256: createHash('sha256').update(body).digest('hex'),
        remoteAddress: '127.0.0.1',
        forwarded: null,
        rejected: null,
      });
    }
    await store.deliveries.insertBatch(batch);
  }
  await store.close();
}

async function validate(file: string): Promise<string[] | null> {
  const name = '@har-sdk/validator';
  let harSdk: { default: { HarValidator: new () => { verify(d: unknown): Promise<Array<{ instancePath: string; message?: string }>> } } };
  try {
    harSdk = await import(name);
  } catch {
    return null;
  }
  const errors = await new harSdk.default.HarValidator().verify(JSON.parse(readFileSync(file, 'utf8')));
  return errors.map((e) => `${e.instancePath}: ${e.message}`);
}

async function exportOnce(serve: Awaited<ReturnType<typeof startServeChild>>, query: string, file: string, deliveries: number): Promise<ExportRun> {
  await serve.settle();
  const rssBeforeBytes = serve.rssBytes();
  let peakRssBytes = rssBeforeBytes;
  const sampler = setInterval(() => {
    peakRssBytes = Math.max(peakRssBytes, serve.rssBytes());
  }, 10);
  const started = performance.now();
  try {
    const response = await fetch(`${serve.consoleOrigin}/api/export?${query}`, { headers: { authorization: 'Bearer bench-token-0123456789abcdef' } });
    if (!response.ok || !response.body) throw new Error(`export answered ${response.status}: ${await response.text()}`);
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), createWriteStream(file));
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  peakRssBytes = Math.max(peakRssBytes, serve.rssBytes());
  return { deliveries, harBytes: statSync(file).size, rssBeforeBytes, peakRssBytes, seconds };
}

export async function runExportBench(count: number, log: (line: string) => void = console.log): Promise<ExportBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gatewatch-bench-export-'));
  try {
    log(`export: seeding ${count.toLocaleString('en')} deliveries of ${BODY_BYTES} bytes…`);
    const start = Date.now() - count * 1000;
    await seed(join(dir, 'data'), count, start);
    const serve = await startServeChild(join(dir, 'data'));
    try {
      const file = join(dir, 'export.har');
      const quarterSince = new Date(start + Math.ceil(count * 0.75) * 1000).toISOString();
      const quarter = await exportOnce(serve, `format=har&since=${encodeURIComponent(quarterSince)}`, file, count - Math.ceil(count * 0.75));
      const full = await exportOnce(serve, 'format=har&provider=paychant', file, count);
      log(`export: ${mib(full.harBytes)} of HAR in ${full.seconds.toFixed(1)} s; validating…`);
      return { ...full, quarter, validationProblems: await validate(file) };
    } finally {
      await serve.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function exportRows(r: ExportBenchResult): BenchRow[] {
  const growth = r.peakRssBytes - r.rssBeforeBytes;
  const quarterGrowth = Math.max(1, r.quarter.peakRssBytes - r.quarter.rssBeforeBytes);
  return [
    {
      section: 'export',
      figure: `serve mode peak RSS streaming a ${mib(r.harBytes)} HAR of ${r.deliveries.toLocaleString('en')} deliveries (${r.seconds.toFixed(1)} s), vs RSS before`,
      measured: mib(r.peakRssBytes),
      baseline: mib(r.rssBeforeBytes),
      ratio: r.peakRssBytes / r.rssBeforeBytes,
      target: 'growth < ½ of the HAR',
      met: growth < r.harBytes / 2,
    },
    {
      section: 'export',
      figure: `RSS growth exporting all ${r.deliveries.toLocaleString('en')} vs a quarter of them (${mib(r.quarter.harBytes)})`,
      measured: mib(growth),
      baseline: mib(quarterGrowth),
      ratio: growth / quarterGrowth,
      target: '< 2× (held in memory: ~4×)',
      met: growth / quarterGrowth < 2,
    },
    {
      section: 'export',
      figure: 'the HAR validates (HAR 1.2, @har-sdk/validator)',
      measured: r.validationProblems === null ? 'validator not installed' : `${r.validationProblems.length} problems`,
      baseline: '',
      ratio: null,
      target: '0 problems',
      met: r.validationProblems === null ? null : r.validationProblems.length === 0,
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await runExportBench(Number(process.env.BENCH_EXPORT_DELIVERIES ?? 10_000));
  console.log(JSON.stringify({ ...result, validationProblems: result.validationProblems?.slice(0, 5) ?? null }, null, 2));
  for (const row of exportRows(result))
    console.log(`${row.figure}: ${row.measured} vs ${row.baseline} (${row.met === null ? 'n/a' : row.met ? 'met' : 'NOT met'})`);
}
