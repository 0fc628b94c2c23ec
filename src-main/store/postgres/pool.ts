import pg from 'pg';

/**
 * The connection pool of a PostgreSQL store. Bigints (seqs, counts) come back as numbers: every
 * seq and count the store hands out stays far below 2^53. Timestamps are kept as ISO text (as in
 * the SQLite store), so no date type needs parsing.
 */
const INT8 = 20;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export interface PoolOptions {
  /** Connections this instance may hold at once. */
  max?: number;
  /** Where to say that a connection failed while idle (the server restarted, say). */
  log?: (message: string) => void;
}

/** The URL with its password replaced by `***`: what may be printed or logged. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured database (its URL could not be read)';
  }
}

export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types,
    // A server that is down or unreachable fails a request within this time (the listener answers 503).
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'gatewatch',
    // An acknowledged delivery is on disk: commits wait for the write-ahead log's flush whatever
    // the server's default (a server with fsync off cannot be helped from here).
    options: '-c synchronous_commit=on',
  });
  // An idle connection the server closed (a restart) is dropped from the pool; the next query
  // opens a new one. Without a listener, the pool's 'error' event would end the process.
  pool.on('error', (error) => options.log?.(`a database connection was lost while idle (${error.message}); a new one is opened when needed`));
  return pool;
}

/** A query runner: the pool, or one client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

/** Runs `work` in one transaction on one client; rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // Between two statements the client is checked out with no listener: a connection lost then
  // would be an unhandled 'error' event. It is noted here, and the client is not reused.
  let broken = false;
  const onError = () => {
    broken = true;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
