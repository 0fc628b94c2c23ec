/**
 * A throwaway PostgreSQL cluster for the tests: `initdb` in a temp dir, `pg_ctl` on a free
 * loopback port, stopped and removed afterwards. The server refuses to run as root, so as root
 * it runs as the `postgres` user (Debian's package creates it). Nothing here mocks the database.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresCluster {
  /** postgres://… of the cluster's `postgres` database, as the `gatewatch` superuser. */
  url: string;
  port: number;
  /** A fresh, empty database, e.g. one per test file. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server: `fast` waits for clients to be told; `immediate` is a crash, recovered at start. */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  /** Stops the server and removes its files. */
  destroy(): void;
}

const BIN_DIRS = [process.env.GATEWATCH_PG_BIN, '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'];

/** The server binaries, or a sentence saying why there are none. */
export function postgresBinaries(): { dir: string } | { missing: string } {
  const dir = BIN_DIRS.find((d) => d && existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  return dir ? { dir } : { missing: 'PostgreSQL server binaries not found (Debian: apt-get install postgresql; or set GATEWATCH_PG_BIN)' };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export interface ClusterOptions {
  /**
   * Off: no fsync (a crash may lose commits): for the shared cluster the store tests run on, where
   * only speed matters. The fault tests keep the default, a server that syncs every commit.
   */
  durable?: boolean;
}

export async function startPostgres(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const bins = postgresBinaries();
  if ('missing' in bins) throw new Error(bins.missing);
  const dir = mkdtempSync(join(tmpdir(), 'gatewatch-pg-'));
  const dataDir = join(dir, 'data');
  const port = await freePort();
  // As root the cluster belongs to `postgres`; its temp dir must be theirs to write.
  let owner: { uid: number; gid: number } | null = null;
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    owner = { uid, gid };
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const run = (command: string, args: string[]) => {
    const result = spawnSync(join(bins.dir, command), args, {
      cwd: dir,
      encoding: 'utf8',
      ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
      env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
      timeout: 60_000,
    });
    if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout || result.error?.message}`);
  };
  run('initdb', ['-D', dataDir, '-U', 'gatewatch', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  // Loopback only, the socket in the temp dir; fsync stays on (crash tests stop the server hard).
  const fast = options.durable === false ? ' -c fsync=off -c full_page_writes=off' : '';
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300${fast}`;
  const start = () => run('pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const stop = (mode: 'fast' | 'immediate' = 'fast') => run('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  start();
  const url = `postgres://gatewatch@127.0.0.1:${port}/postgres`;
  let alive = true;
  return {
    url,
    port,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
      } finally {
        await client.end();
      }
      return `postgres://gatewatch@127.0.0.1:${port}/${name}`;
    },
    stop(mode) {
      stop(mode);
      alive = false;
    },
    start() {
      start();
      alive = true;
    },
    destroy() {
      if (alive) {
        try {
          stop('immediate');
        } catch {
          // already gone
        }
        alive = false;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
