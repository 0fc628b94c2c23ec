/** Resident memory of serve mode: idle on an empty store, and on the million-delivery store after the query mix. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServeChild } from './serve-process.js';
import type { NamedQuery } from './search/query-mix.js';

export interface MemoryResult {
  idleBytes: number;
  largeStoreIdleBytes: number;
  largeStoreAfterQueriesBytes: number;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

export async function measureMemory(largeStoreDir: string, queries: readonly NamedQuery[]): Promise<MemoryResult> {
  const empty = mkdtempSync(join(tmpdir(), 'gatewatch-bench-idle-'));
  try {
    const idle = await startServeChild(empty);
    await settle();
    const idleBytes = idle.rssBytes();
    await idle.stop();
    const large = await startServeChild(largeStoreDir);
    await settle();
    const largeStoreIdleBytes = large.rssBytes();
    for (const query of queries) await large.api('deliveries.list', query.input);
    const largeStoreAfterQueriesBytes = large.rssBytes();
    await large.stop();
    return { idleBytes, largeStoreIdleBytes, largeStoreAfterQueriesBytes };
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}
