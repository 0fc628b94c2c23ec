/**
 * PostgreSQL stopped and started again under a steady stream of webhooks: while it is down the
 * listener answers 503 (the provider retries), never 200; once it is back the same instance
 * stores and derives again by itself. On a cluster of this file's own (stopping the run's shared
 * one would break every other test using it), durable as a production server is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { postgresBinaries, startPostgres, type PostgresCluster } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp.js';
import { startServe, type ServeChild } from './serve-child.js';
import { query, sleep, startLoad, until, type Answer } from './team-helpers.js';

let cluster: PostgresCluster | null = null;
const dir = tempDir('gatewatch-team-restart-');
beforeAll(async () => {
  if (!('missing' in postgresBinaries())) cluster = await startPostgres();
}, 60_000);
afterAll(() => {
  cluster?.destroy();
  dir.remove();
});

const ok = (r: Answer) => r.status !== null && r.status >= 200 && r.status < 300;

describe.skipIf('missing' in postgresBinaries())('PostgreSQL restarted under load', { timeout: 60_000 }, () => {
  it('answers 503 while the database is down, never 200, and recovers by itself when it is back', async () => {
    const url = await cluster!.createDatabase('gw_restart');
    const serve: ServeChild = await startServe(['--data', join(dir.path, 'data'), '--database', url], {
      GATEWATCH_TEST_HEARTBEAT_MS: '300',
      GATEWATCH_TEST_STALE_AFTER_MS: '2000',
    });
    try {
      await serve.api('listener.configure', { rateLimit: null });
      const load = startLoad(() => [serve.webhookBaseUrl], 4);
      const outages: Array<{ from: number; to: number; mode: string }> = [];
      for (const mode of ['fast', 'immediate'] as const) {
        await sleep(1_500);
        // pg_ctl runs synchronously: the stream pauses while it stops and starts the server.
        cluster!.stop(mode);
        const from = Date.now();
        await sleep(2_000);
        const to = Date.now();
        cluster!.start();
        outages.push({ from, to, mode });
        // Back by itself: new posts are stored again within a few seconds, without a restart.
        await until(
          async () => load.answers.filter((r) => r.sentAt > Date.now() - 1_000),
          (recent) => recent.length > 0 && recent.every(ok),
          15_000,
        );
      }
      await sleep(1_000);
      const answers = await load.stop();

      for (const outage of outages) {
        const whileDown = answers.filter((r) => r.sentAt >= outage.from && r.at <= outage.to);
        expect(whileDown.filter((r) => r.status === 503).length, `posts refused while stopped (${outage.mode})`).toBeGreaterThan(5);
        // 503 and nothing else (a dropped connection aside, which a provider retries alike): never a 200.
        expect(
          whileDown.filter((r) => r.status !== 503 && r.status !== null),
          outage.mode,
        ).toEqual([]);
      }
      // Nothing but 200 and 503: a post is stored, or the provider is told to retry.
      expect(answers.filter((r) => r.status !== null && r.status !== 200 && r.status !== 503)).toEqual([]);
      // The client's own keep-alive races (a socket closed as it was reused) are rare; the listener stays up.
      expect(answers.filter((r) => r.status === null).length).toBeLessThan(Math.max(3, answers.length / 100));
      const acked = answers.filter(ok);
      expect(acked.length).toBeGreaterThan(50);
      // Every acknowledged delivery survived both stops (the immediate one a crash, recovered from the WAL).
      const stored = new Set((await query<{ id: string }>(url, 'SELECT id FROM deliveries')).map((r) => r.id));
      expect(acked.filter((r) => !stored.has(r.id!))).toEqual([]);
      // Derivation picked up again too.
      await until(
        () => query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM deliveries WHERE derived_at IS NULL'),
        ([row]) => row!.n === 0,
        20_000,
      );
      // An outage is not the delivery's fault: none is left marked as one that could not be analysed.
      expect(await query(url, "SELECT id, parse_error FROM deliveries WHERE parse_error LIKE 'Gatewatch could not analyse%'")).toEqual([]);
      expect(serve.child.exitCode).toBeNull();
      // The outage is said, not once per refused request: repeated lines are collapsed.
      const refused = answers.filter((r) => r.status === 503).length;
      const said = serve
        .output()
        .split('\n')
        .filter((line) => line.includes('listener could not store a delivery')).length;
      expect(refused).toBeGreaterThan(40);
      expect(said).toBeLessThan(20);
    } finally {
      await serve.stop();
    }
  });
});
