/**
 * The database stops answering without closing anything (a network partition, a frozen server):
 * the listener still answers within seconds, 503 and never 200, instead of holding every request
 * on a commit that never returns; it recovers by itself once the network does. The pool's time
 * limit is shortened for the test (GATEWATCH_TEST_QUERY_TIMEOUT_MS; 30 s by default).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createTestDatabase, dropTestDatabase, sharedCluster } from '../helpers/postgres-databases.js';
import { tempDir } from '../helpers/temp.js';
import { startServe } from './serve-child.js';
import { startFrozenProxy } from './frozen-proxy.js';
import { query, sleep, startLoad, until } from './team-helpers.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe.skipIf(sharedCluster() === null)('a database that stops answering', { timeout: 60_000 }, () => {
  it('gets 503s within seconds while it is silent, never 200, and 200s again once it answers', async () => {
    const url = await createTestDatabase();
    cleanups.push(() => dropTestDatabase(url));
    const proxy = await startFrozenProxy(Number(new URL(url).port));
    cleanups.push(() => proxy.close());
    const proxied = new URL(url);
    proxied.port = String(proxy.port);
    const dir = tempDir('gatewatch-team-frozen-');
    cleanups.push(() => dir.remove());
    const serve = await startServe(['--data', join(dir.path, 'data'), '--database', proxied.toString()], { GATEWATCH_TEST_QUERY_TIMEOUT_MS: '2000' });
    cleanups.push(() => serve.stop());
    await serve.api('listener.configure', { rateLimit: null });

    const load = startLoad(() => [serve.webhookBaseUrl], 4);
    await sleep(1_000);
    proxy.freeze();
    const frozenAt = Date.now();
    await sleep(8_000);
    const thawedAt = Date.now();
    proxy.thaw();
    await until(
      async () => load.answers.filter((r) => r.sentAt > Date.now() - 1_000),
      (recent) => recent.length > 0 && recent.every((r) => r.status === 200),
      20_000,
    );
    const answers = await load.stop();

    // Sent once it was silent, answered before it spoke again: refused, not held until it speaks and
    // not acknowledged: after the first times out, the others are refused at once for a second at a time.
    const whileSilent = answers.filter((r) => r.sentAt > frozenAt && r.at < thawedAt);
    expect(whileSilent.length).toBeGreaterThanOrEqual(20);
    expect(whileSilent.filter((r) => r.status !== 503)).toEqual([]);
    const acked = answers.filter((r) => r.status === 200);
    const stored = new Set((await query<{ id: string }>(url, 'SELECT id FROM deliveries')).map((r) => r.id));
    expect(acked.filter((r) => !stored.has(r.id!))).toEqual([]);
    expect(serve.child.exitCode).toBeNull();
  });
});
