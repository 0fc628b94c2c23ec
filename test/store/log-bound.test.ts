import { afterEach, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteStore } from '../../src-main/store/sqlite/index.js';
import { keptLogBytes } from '../../src-main/store/sqlite/log-bound.js';
import { paychantDelivery } from '../helpers/store.js';
import { tempDir } from '../helpers/temp.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const BOUND = 1024 * 1024;

function boundedStore() {
  const dir = tempDir();
  const store = createSqliteStore(dir.path, { logBoundBytes: BOUND });
  cleanups.push(async () => {
    await store.close();
    dir.remove();
  });
  const walBytes = () => {
    try {
      return statSync(join(dir.path, 'gatewatch.db-wal')).size;
    } catch {
      return 0;
    }
  };
  return { store, walBytes };
}

const body = (n: number) => JSON.stringify({ event: 'PAYMENT_COMPLETED', data: { pid: `p${n}`, note: 'x'.repeat(400) } });

describe('the write-ahead log stays bounded while writes go on', () => {
  it('never lets one-at-a-time commits grow the log past the bound, and keeps every delivery', async () => {
    const { store, walBytes } = boundedStore();
    let largest = 0;
    const ids: string[] = [];
    // One transaction per delivery, as one-at-a-time traffic commits: some 20 KB of log each,
    // so without checkpoints 2,000 of them would leave ~40 MB.
    for (let n = 0; n < 2_000; n++) {
      const delivery = paychantDelivery(body(n));
      ids.push(delivery.id);
      await store.deliveries.insertBatch([delivery]);
      largest = Math.max(largest, walBytes());
    }
    expect(largest).toBeGreaterThan(BOUND / 4); // it did grow to where a checkpoint starts…
    expect(largest).toBeLessThanOrEqual(BOUND); // …and never past the bound
    expect((await store.deliveries.counts()).total).toBe(2_000);
    for (const id of [ids[0]!, ids[999]!, ids[1_999]!]) expect((await store.deliveries.get(id))?.id).toBe(id);
  });

  it('cuts the log file back when the worker checkpoints in a quiet moment', async () => {
    const { store, walBytes } = boundedStore();
    // Past the kept size, short of where a checkpoint starts by itself.
    for (let n = 0; walBytes() <= keptLogBytes(BOUND) && n < 1_000; n++) await store.deliveries.insertBatch([paychantDelivery(body(n))]);
    const stored = (await store.deliveries.counts()).total;
    expect(walBytes()).toBeGreaterThan(keptLogBytes(BOUND));
    await store.deliveries.checkpoint();
    expect(walBytes()).toBe(0);
    expect((await store.deliveries.counts()).total).toBe(stored);
  });
});
