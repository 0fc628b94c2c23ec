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

/** Query parameters of a connection URL that carry a password (pg-connection-string copies them into the config). */
const PASSWORD_PARAMETERS = ['password', 'sslpassword'];

/** Whether a connection URL carries a password, in its user part or its query string. */
export function databaseUrlHasPassword(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.password !== '' || PASSWORD_PARAMETERS.some((name) => parsed.searchParams.has(name));
  } catch {
    return false;
  }
}

/** The URL with its passwords replaced by `***`: what may be printed or logged. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    // node-postgres also reads a password from the query string (and it wins there).
    for (const name of PASSWORD_PARAMETERS) if (parsed.searchParams.has(name)) parsed.searchParams.set(name, '***');
    return parsed.toString();
  } catch {
    return 'the configured database (its URL could not be read)';
  }
}

/**
 * The longest a single statement run on the pool (not in a transaction) may take before it is
 * given up: a server that stops answering without closing the connection (a network partition,
 * a frozen VM) would otherwise hold the listener's commit, and every request waiting on it,
 * forever. Given up, the listener answers 503 and the provider retries. The statement may still
 * commit on the server: then the retry is stored as a duplicate, never a delivery lost.
 * The server gives a statement up a little earlier (serverStatementTimeoutMs), so one that is
 * only slow, not cut off, is cancelled there rather than committed after the client gave up (a
 * relay job claimed that way would stay claimed by a live instance). Transactions' statements
 * are bounded by the server's limit only; migrations and VACUUM lift it for their own statements.
 * GATEWATCH_TEST_QUERY_TIMEOUT_MS shortens it for the fault tests only.
 */
const STATEMENT_TIMEOUT_MS = 30_000;

function statementTimeoutMs(): number {
  const fromEnv = Number(process.env.GATEWATCH_TEST_QUERY_TIMEOUT_MS);
  return Number.isInteger(fromEnv) && fromEnv >= 100 ? fromEnv : STATEMENT_TIMEOUT_MS;
}

/** The server's own limit: a second (or a fifth, for a test's short one) under the client's. */
export function serverStatementTimeoutMs(clientTimeoutMs: number): number {
  return clientTimeoutMs - Math.min(1_000, Math.floor(clientTimeoutMs / 5));
}

export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const timeout = statementTimeoutMs();
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
    options: `-c synchronous_commit=on -c statement_timeout=${serverStatementTimeoutMs(timeout)}`,
  });
  // An idle connection the server closed (a restart) is dropped from the pool; the next query
  // opens a new one. Without a listener, the pool's 'error' event would end the process.
  pool.on('error', (error) => options.log?.(`a database connection was lost while idle (${error.message}); a new one is opened when needed`));
  // pool.query(text, values) carries the timeout; a client that timed out is destroyed by the pool (released with the error).
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  // Once the server is found out of reach, statements fail at once for a moment instead of each
  // waiting out the limits again: the listener's batches queue one behind the other, and a
  // provider's request would otherwise wait for every batch before it.
  let down: { until: number; error: unknown } | null = null;
  (pool as { query: unknown }).query = (...args: unknown[]) => {
    if (typeof args[args.length - 1] === 'function') return query(...args);
    if (down && Date.now() < down.until) return Promise.reject(down.error);
    const [first, values] = args;
    const config = typeof first === 'string' ? { text: first, values, query_timeout: timeout } : { query_timeout: timeout, ...(first as object) };
    return query(config).then(
      (result) => {
        down = null;
        return result;
      },
      (error: unknown) => {
        if (markUnavailable(error)) down = { until: Date.now() + FAIL_FAST_MS, error };
        throw error;
      },
    );
  };
  return pool;
}

const UNREACHABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/** SQLSTATEs of a server that is going away or not taking connections (not of a statement). */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNREACHABLE_MESSAGES = /Connection terminated|Query read timeout|timeout exceeded when trying to connect|connection error|not queryable/i;

/**
 * Marks an error that says the database could not be reached, not that a statement was refused:
 * `storeUnavailable: true`, which the listener reads to answer a whole batch 503 at once rather
 * than wait for the same outage once per delivery.
 */
export function markUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; message?: unknown; storeUnavailable?: boolean };
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNREACHABLE_ERRNOS.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || UNREACHABLE_MESSAGES.test(String(e.message ?? ''))) {
    e.storeUnavailable = true;
  }
  return e.storeUnavailable === true;
}

/** How long statements fail at once after the server was found out of reach, before one tries again. */
const FAIL_FAST_MS = 1_000;

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
