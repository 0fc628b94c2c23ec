/**
 * Two serve instances on one database, a steady stream of webhooks to both, one SIGKILLed in the
 * middle: every delivery either acknowledged with a 2xx is in the database, and what the dead
 * one left (deliveries not derived yet, relay jobs queued or claimed) is finished by the other
 * once the dead one's heartbeat is stale. Short instance timing through the test-only variables.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createTestDatabase, dropTestDatabase, sharedCluster } from '../helpers/postgres-databases.js';
import { tempDir } from '../helpers/temp.js';
import { startServe, type ServeChild } from './serve-child.js';
import { query, sleep, startBackend, startLoad, until } from './team-helpers.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

// Taken for dead 2 s after its last heartbeat (the default is 30 s).
const TIMING = { GATEWATCH_TEST_HEARTBEAT_MS: '300', GATEWATCH_TEST_STALE_AFTER_MS: '2000' };

describe.skipIf(sharedCluster() === null)('an instance killed under load', { timeout: 60_000 }, () => {
  it('loses no acknowledged delivery, and the survivor derives and relays what the dead one left', async () => {
    const url = await createTestDatabase();
    cleanups.push(() => dropTestDatabase(url));
    const dir = tempDir('gatewatch-team-kill-');
    cleanups.push(() => dir.remove());
    // A slow backend: the dead instance holds relay jobs it claimed and had not finished sending.
    const backend = await startBackend(60);
    cleanups.push(() => backend.close());
    const common = ['--database', url, '--key-file', join(dir.path, 'team.key')];
    const a: ServeChild = await startServe(['--data', join(dir.path, 'a'), ...common], TIMING);
    cleanups.push(() => a.stop());
    // Every post comes from 127.0.0.1: no per-sender limit (a setting in the shared database).
    await a.api('listener.configure', { rateLimit: null });
    await a.api('relay.routes.save', { provider: 'calypso', url: backend.url, mode: 'queue', concurrency: 8 });
    // Started after: it reads the routes and the listener settings at start.
    const b: ServeChild = await startServe(['--data', join(dir.path, 'b'), ...common], TIMING);
    cleanups.push(() => b.stop());

    let targets = [a.webhookBaseUrl, b.webhookBaseUrl];
    const load = startLoad(() => targets, 6);
    await sleep(2_500);
    await a.kill();
    const killedAt = Date.now();
    const leftByA = await query<{ underived: number; unrelayed: number }>(
      url,
      `SELECT (SELECT count(*)::int FROM deliveries WHERE derived_at IS NULL) AS underived,
              (SELECT count(*)::int FROM relay_jobs WHERE state = 'pending') AS unrelayed`,
    );
    // Providers retry elsewhere: the stream goes on to the survivor alone.
    targets = [b.webhookBaseUrl];
    await sleep(1_500);
    const answers = await load.stop();

    const acked = answers.filter((r) => r.status !== null && r.status >= 200 && r.status < 300);
    const ackedByA = acked.filter((r) => r.target === a.webhookBaseUrl);
    expect(ackedByA.length).toBeGreaterThan(10);
    expect(acked.length - ackedByA.length).toBeGreaterThan(10);
    // A listener answers 2xx or nothing (killed): never an error status while the database is up.
    expect(answers.filter((r) => r.status !== null && (r.status < 200 || r.status >= 300))).toEqual([]);

    const stored = new Set((await query<{ id: string }>(url, 'SELECT id FROM deliveries')).map((r) => r.id));
    expect(acked.filter((r) => !stored.has(r.id!))).toEqual([]);

    // The survivor derives every delivery and relays every job, the dead one's too.
    const done = await until(
      () =>
        query<{ underived: number; unrelayed: number }>(
          url,
          `SELECT (SELECT count(*)::int FROM deliveries WHERE derived_at IS NULL) AS underived,
                  (SELECT count(*)::int FROM relay_jobs WHERE state <> 'delivered') AS unrelayed`,
        ),
      ([row]) => row!.underived === 0 && row!.unrelayed === 0,
      30_000,
    ).catch(async (error) => {
      const byId = new Map(acked.map((r) => [r.id, r.target === a.webhookBaseUrl ? 'A' : 'B']));
      const jobs = await query<{ delivery_id: string; state: string; attempts: number; locked_by: string | null }>(
        url,
        'SELECT delivery_id, state, attempts, locked_by FROM relay_jobs',
      );
      const summary: Record<string, number> = {};
      for (const j of jobs) {
        const key = `${byId.get(j.delivery_id) ?? '?'} ${j.state} attempts=${j.attempts} locked=${j.locked_by !== null} sent=${backend.received.includes(j.delivery_id)}`;
        summary[key] = (summary[key] ?? 0) + 1;
      }
      // Which instance took each unfinished job, and whether the backend got it: where a takeover stalled.
      throw new Error(`${(error as Error).message}\n${JSON.stringify(summary, null, 1)}\nthe survivor said:\n${b.output().slice(-2000)}`);
    });
    expect(done).toEqual([{ underived: 0, unrelayed: 0 }]);
    const jobs = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM relay_jobs');
    expect(jobs[0]!.n).toBe(stored.size);
    for (const r of acked) expect(backend.received).toContain(r.id);
    // What the stream left at the kill is reported, so a run where A left nothing shows it.
    console.info(
      `killed instance left ${leftByA[0]!.underived} deliveries underived and ${leftByA[0]!.unrelayed} relay jobs pending; ` +
        `all done ${Math.round((Date.now() - killedAt) / 100) / 10} s after the kill; the backend got ${backend.received.length - new Set(backend.received).size} sends twice (at least once)`,
    );
  });
});
