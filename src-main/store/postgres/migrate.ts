import type pg from 'pg';
import { StoreOpenError } from '../open-error.js';
import type { PgMigration } from './migrations/types.js';

/** The advisory lock migrations run under (two int4 keys: "gate" and 1). */
const MIGRATION_LOCK = [0x67617465, 1] as const;

/**
 * Applies every migration not yet recorded, in version order, each in its own transaction.
 * Instances starting together wait on one session advisory lock: the first migrates, the others
 * then find every version recorded. A database written by a newer Gatewatch is refused unchanged.
 */
export async function applyPgMigrations(pool: pg.Pool, all: readonly PgMigration[], where: string): Promise<number[]> {
  const client = await pool.connect();
  let broken = false;
  const onError = () => {
    broken = true;
  };
  client.on('error', onError);
  try {
    // A migration may rightly take long on a large database (filling a table, building an index),
    // and so may waiting for another instance's: the server's statement limit is lifted meanwhile.
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    try {
      return await migrate(client, all, where);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]).catch(() => (broken = true));
    }
  } finally {
    if (!broken) await client.query('RESET statement_timeout').catch(() => (broken = true));
    client.off('error', onError);
    client.release(broken);
  }
}

async function migrate(client: pg.PoolClient, all: readonly PgMigration[], where: string): Promise<number[]> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`);
  const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...all.map((m) => m.version));
  if (newest > known) {
    throw new StoreOpenError(
      `${where} was written by a newer Gatewatch (schema version ${newest}, this build knows ${known}). Nothing was changed: update Gatewatch to open it.`,
    );
  }
  const ran: number[] = [];
  for (const migration of [...all].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    try {
      await client.query('BEGIN');
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      // The transaction rolled back: the database is as it was before this migration.
      throw new StoreOpenError(
        `Migration ${migration.version} (${migration.name}) failed on ${where}: ${(error as Error).message}. The database was left unchanged; no data was deleted.`,
        { cause: error },
      );
    }
    ran.push(migration.version);
  }
  return ran;
}
