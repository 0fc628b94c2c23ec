/**
 * The server gives a pool statement up before the client does: a slow statement is cancelled
 * there, not committed after the client stopped waiting for it (a relay job claimed that way
 * would stay claimed by a live instance). Migrations lift the limit for themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createPool, serverStatementTimeoutMs } from '../../src-main/store/postgres/pool.js';
import { applyPgMigrations } from '../../src-main/store/postgres/migrate.js';
import { createTestDatabase, dropTestDatabase, sharedCluster } from '../helpers/postgres-databases.js';

describe.skipIf(sharedCluster() === null)("PostgreSQL's statement limit, on the server", () => {
  let url: string;
  let pool: pg.Pool;
  const before = process.env.GATEWATCH_TEST_QUERY_TIMEOUT_MS;
  beforeAll(async () => {
    url = await createTestDatabase();
    process.env.GATEWATCH_TEST_QUERY_TIMEOUT_MS = '1000';
    pool = createPool(url);
    await pool.query('CREATE TABLE claims (job int PRIMARY KEY)');
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.GATEWATCH_TEST_QUERY_TIMEOUT_MS;
    else process.env.GATEWATCH_TEST_QUERY_TIMEOUT_MS = before;
    await pool.end();
    await dropTestDatabase(url);
  });

  it('is a little under the client-side limit', () => {
    expect(serverStatementTimeoutMs(30_000)).toBe(29_000);
    expect(serverStatementTimeoutMs(1_000)).toBe(800);
  });

  it('cancels a slow write on the server, so it is not committed after the client gave up', async () => {
    const slowClaim = pool.query('WITH claimed AS (INSERT INTO claims VALUES (1) RETURNING job) SELECT pg_sleep(3) FROM claimed');
    await expect(slowClaim).rejects.toMatchObject({ code: '57014' }); // query_canceled: by the server
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // past when the statement would have ended
    expect((await pool.query('SELECT count(*)::int AS n FROM claims')).rows[0].n).toBe(0);
  });

  it('bounds a statement inside a transaction too, and lets a migration run longer', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await expect(client.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    const slowMigration = { version: 1, name: 'a slow one', sql: 'SELECT pg_sleep(1.5); CREATE TABLE migrated (id int);' };
    expect(await applyPgMigrations(pool, [slowMigration], 'the test database')).toEqual([1]);
    // The connection the migration used has the limit back.
    const again = await pool.connect();
    try {
      expect((await again.query('SHOW statement_timeout')).rows[0].statement_timeout).toBe('800ms');
    } finally {
      again.release();
    }
  });
});
