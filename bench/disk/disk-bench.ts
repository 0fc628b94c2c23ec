/**
 * Disk per delivery: a realistic mix stored and derived through the real store and pipeline,
 * left at rest as the derivation worker leaves it (free pages given back), checkpointed and closed, then the file's bytes split by table and index (SQLite's dbstat),
 * against the raw request bytes (body + headers) of the same deliveries.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../src-main/store/sqlite/index.js';
import { deriveBatch } from '../../src-main/pipeline/deriver.js';
import { reclaimFreePages } from '../../src-main/pipeline/at-rest.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import type { NewDelivery } from '../../src-main/store/types.js';
import { buildTemplates } from '../search/corpus.js';
import { BENCH_WEBHOOK_SECRET, deliveryMaker, rawRequestBytes } from './traffic.js';

export interface DiskResult {
  deliveries: number;
  rawBytesPerDelivery: number;
  fileBytesPerDelivery: number;
  /** Bytes per delivery of each table and index (dbstat pages), largest first. */
  byName: Array<{ name: string; bytesPerDelivery: number }>;
  /** Bytes per delivery in free pages (left by captures deleted once derived), part of the file. */
  freeBytesPerDelivery: number;
}

const BATCH = 200;

export async function runDiskBench(count: number): Promise<DiskResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gatewatch-bench-disk-'));
  try {
    const make = deliveryMaker(await buildTemplates());
    const store = createSqliteStore(dir);
    let raw = 0;
    // Stored and derived in turns, as traffic that derivation keeps up with is.
    for (let start = 0; start < count; start += BATCH) {
      const batch: NewDelivery[] = [];
      for (let n = start; n < Math.min(count, start + BATCH); n++) batch.push(make(n));
      raw += batch.reduce((sum, d) => sum + rawRequestBytes(d), 0);
      await store.deliveries.insertBatch(batch);
      const pending = await store.deliveries.pendingDerivation(BATCH);
      const derived = await deriveBatch(
        pending,
        { adapterFor: (p) => (p === 'unknown' ? undefined : providerAdapters[p]), webhookSecrets: async () => [BENCH_WEBHOOK_SECRET] },
        (error) => {
          throw error;
        },
      );
      await store.deliveries.saveDerived(pending.map((d, i) => ({ id: d.id, derived: derived[i]! })));
    }
    // At rest, as the derivation worker leaves a store once it has caught up with a quiet listener.
    await reclaimFreePages(store.deliveries, () => true);
    await store.close();
    const file = join(dir, 'gatewatch.db');
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as Array<{
      name: string;
      bytes: number;
    }>;
    const freeBytes = (db.pragma('freelist_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
    db.close();
    return {
      deliveries: count,
      rawBytesPerDelivery: raw / count,
      fileBytesPerDelivery: statSync(file).size / count,
      byName: rows.map((r) => ({ name: r.name, bytesPerDelivery: r.bytes / count })),
      freeBytesPerDelivery: freeBytes / count,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
