/** Databases of their own for the tests, in the run's shared cluster (postgres-global-setup.ts). */
import { inject } from 'vitest';
import pg from 'pg';

let counter = 0;

/** The shared cluster's admin URL, or null when PostgreSQL is not installed here. */
export function sharedCluster(): string | null {
  return inject('postgres')?.url ?? null;
}

/** A fresh, empty database; its URL. */
export async function createTestDatabase(): Promise<string> {
  const admin = sharedCluster();
  if (admin === null) throw new Error(`no PostgreSQL for the tests: ${inject('postgres')?.missing ?? 'the global setup did not run'}`);
  const name = `gw_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by createTestDatabase, ending whatever is still connected to it. */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^gw_[a-z0-9_]+$/.test(name)) throw new Error(`not a test database: ${name}`);
  const client = new pg.Client({ connectionString: sharedCluster()! });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Every row of every table of a database, as bytes (bytea as stored, the rest as text): what it keeps at rest. */
export async function databaseContents(url: string): Promise<Array<{ name: string; bytes: Buffer }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    const out: Array<{ name: string; bytes: Buffer }> = [];
    for (const { tablename } of tables.rows) {
      const { rows } = await client.query(`SELECT * FROM ${tablename}`);
      const parts = rows.flatMap((row: Record<string, unknown>) =>
        Object.values(row).map((value) => (Buffer.isBuffer(value) ? value : Buffer.from(value === null ? '' : String(value)))),
      );
      out.push({ name: `table ${tablename}`, bytes: Buffer.concat(parts) });
    }
    return out;
  } finally {
    await client.end();
  }
}
