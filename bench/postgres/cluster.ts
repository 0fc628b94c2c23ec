/**
 * The PostgreSQL bench's throwaway cluster: the tests' helper (test/helpers/postgres.ts: initdb in
 * a temp dir, pg_ctl on a free loopback port, as the `postgres` user when run as root), or a
 * sentence saying why there is none (PostgreSQL not installed, BENCH_PG=0).
 */
import pg from 'pg';
import { postgresBinaries, startPostgres, type PostgresCluster } from '../../test/helpers/postgres.js';

export type ClusterOrReason = { cluster: PostgresCluster } | { skipped: string };

/** Why the PostgreSQL figures are skipped, or null when they can run. */
export function postgresSkipReason(): string | null {
  if (process.env.BENCH_PG === '0') return 'skipped: BENCH_PG=0';
  const bins = postgresBinaries();
  return 'missing' in bins ? 'skipped: no PostgreSQL' : null;
}

/**
 * A cluster of its own. `durable: false` (no fsync) only where nothing measured writes: seeding
 * the query bench's store. The ingest figure runs on a cluster that syncs every commit.
 */
export async function benchCluster(durable: boolean): Promise<PostgresCluster> {
  return startPostgres({ durable });
}

/** One statement on a database, on a connection of its own (the bench's, not the store's pool). */
export async function onDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
