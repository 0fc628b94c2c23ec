/** The throwaway PostgreSQL the store tests run against: starts, serves, survives a crash. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { postgresBinaries, startPostgres, type PostgresCluster } from '../helpers/postgres.js';

const bins = postgresBinaries();
let cluster: PostgresCluster;

describe.skipIf('missing' in bins)(`a throwaway PostgreSQL${'missing' in bins ? ` (skipped: ${bins.missing})` : ''}`, () => {
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 90_000);
  afterAll(() => cluster?.destroy());

  it('answers on loopback in a database of its own, and keeps a commit across an immediate stop', async () => {
    const url = await cluster.createDatabase('cluster_smoke');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    expect(rows[0]!.version).toMatch(/^PostgreSQL 1\d/);
    await client.query('CREATE TABLE kept (id int PRIMARY KEY)');
    await client.query('INSERT INTO kept VALUES (1)');
    await client.end().catch(() => {});
    cluster.stop('immediate');
    cluster.start();
    const again = new pg.Client({ connectionString: url });
    await again.connect();
    expect((await again.query('SELECT count(*)::int AS n FROM kept')).rows[0].n).toBe(1);
    await again.end();
  }, 90_000);
});
