/**
 * `--database postgres://…` (or GATEWATCH_DATABASE_URL): serve mode on a shared PostgreSQL store,
 * refused in words (no stack, no password) when it cannot be used; `users` commands on the same
 * database; instances sharing a database share one secrets key (--key-file), and one with
 * another key is refused before it writes.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createServer } from 'node:net';
import pg from 'pg';
import { createTestDatabase, dropTestDatabase, sharedCluster } from '../helpers/postgres-databases.js';
import { tempDir } from '../helpers/temp.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import { runServeCli, startServe, type ServeChild } from './serve-child.js';

const PASSWORD = 'pw-hunter2-never-printed';
const dirs: Array<{ remove(): void }> = [];
const databases: string[] = [];
const running: ServeChild[] = [];

const dataDir = () => {
  const dir = tempDir('gatewatch-team-');
  dirs.push(dir);
  return dir.path;
};
/** A database of its own, its URL carrying a password (the cluster trusts loopback, so any password connects). */
async function database(): Promise<string> {
  const url = await createTestDatabase();
  databases.push(url);
  const withPassword = new URL(url);
  withPassword.password = PASSWORD;
  return withPassword.toString();
}
async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
async function start(args: string[], env: Record<string, string> = {}): Promise<ServeChild> {
  const serve = await startServe(args, env);
  running.push(serve);
  return serve;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});
afterAll(async () => {
  for (const url of databases) await dropTestDatabase(url);
  for (const d of dirs) d.remove();
});

describe.skipIf(sharedCluster() === null)('serve mode on PostgreSQL (--database)', { timeout: 60_000 }, () => {
  it('stores what the listener acknowledges in the database, not in the data dir, and never prints the password', async () => {
    const url = await database();
    const dir = dataDir();
    const serve = await start(['--data', dir, '--database', url]);
    expect(serve.output()).toMatch(/Database:\s+postgres:\/\/gatewatch:\*\*\*@127\.0\.0\.1:\d+\/gw_/);
    expect(serve.output()).toContain('the --database URL carries a password, which shows in `ps`: prefer GATEWATCH_DATABASE_URL or PGPASSWORD');
    const answer = await fetch(`${serve.webhookBaseUrl}/webhooks/calypso`, {
      method: 'POST',
      body: '{"eventType":"INVOICE_PAID","data":{"externalId":"x-1"}}',
    });
    expect(answer.status).toBe(200);
    const { id } = (await answer.json()) as { id: string };
    expect(await query(url, 'SELECT id FROM deliveries')).toEqual([{ id }]);
    await serve.stop();
    expect(serve.output()).not.toContain(PASSWORD);
    // The data dir keeps the log and the secrets key, not a store.
    const { readdirSync, readFileSync } = await import('node:fs');
    expect(readdirSync(dir).filter((name) => name.endsWith('.db'))).toEqual([]);
    expect(readFileSync(join(dir, 'gatewatch.log'), 'utf8')).not.toContain(PASSWORD);
  });

  it('takes the database from GATEWATCH_DATABASE_URL too', async () => {
    const url = await database();
    const serve = await start(['--data', dataDir()], { GATEWATCH_DATABASE_URL: url });
    expect((await fetch(`${serve.webhookBaseUrl}/webhooks/calypso`, { method: 'POST', body: '{}' })).status).toBe(200);
    expect(await query(url, 'SELECT count(*)::int AS n FROM deliveries')).toEqual([{ n: 1 }]);
    expect(serve.output()).not.toContain('carries a password');
  });

  it('refuses, in one line without a stack or the password, a server it cannot reach, a newer schema and a URL that is not PostgreSQL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await runServeCli([
      '--data',
      dataDir(),
      '--webhook-port',
      '0',
      '--console-port',
      '0',
      '--database',
      `postgres://gatewatch:${PASSWORD}@127.0.0.1:${port}/gatewatch`,
    ]);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`gatewatch: Cannot connect to the database at postgres://gatewatch:***@127.0.0.1:${port}/gatewatch`);
    expect(down.stderr).not.toMatch(/\n\s+at /);
    expect(down.stdout + down.stderr).not.toContain(PASSWORD);

    const url = await database();
    await query(url, 'CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
    await query(url, "INSERT INTO schema_migrations VALUES (9999, 'from the future', '2030-01-01T00:00:00Z')");
    const newer = await runServeCli(['--data', dataDir(), '--webhook-port', '0', '--console-port', '0', '--database', url]);
    expect(newer.code).toBe(1);
    expect(newer.stderr).toMatch(/was written by a newer Gatewatch \(schema version 9999/);
    expect(newer.stderr).not.toMatch(/\n\s+at /);
    expect(newer.stdout + newer.stderr).not.toContain(PASSWORD);

    const mysql = await runServeCli(['--data', dataDir(), '--database', `mysql://root:${PASSWORD}@db/gatewatch`]);
    expect(mysql.code).toBe(2);
    expect(mysql.stderr).toContain('--database must start with postgres:// or postgresql://');
    expect(mysql.stderr).not.toContain(PASSWORD);
  });

  it('manages people in the database with `users … --database`, and opens the console beyond loopback only once someone can sign in', async () => {
    const url = await database();
    // One key for both starts: the first start on a database fixes its secrets key.
    const beyond = [
      '--key-file',
      join(dataDir(), 'team.key'),
      '--console-host',
      '0.0.0.0',
      '--trust-proxy',
      '127.0.0.1',
      '--public-url',
      'https://gatewatch.example.com',
    ];
    const refused = await runServeCli(['--data', dataDir(), '--webhook-port', '0', '--console-port', '0', '--database', url, ...beyond]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('The console is reachable beyond this computer only once people have accounts');

    const added = await runServeCli(['users', 'add', 'ada', '--role', 'admin', '--password-stdin', '--database', url], {}, 'a long enough password 1\n');
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('Added ada as admin.');
    expect(added.code).toBe(0);
    const listed = await runServeCli(['users', 'list'], { GATEWATCH_DATABASE_URL: url });
    expect(listed.stdout).toMatch(/^ada\s+admin\s+active/m);
    expect(await query(url, 'SELECT name FROM people')).toEqual([{ name: 'ada' }]);

    // Another data dir, the same database: the account is the team's, not the data dir's.
    const serve = await start(['--data', dataDir(), '--database', url, ...beyond]);
    expect(serve.output()).toContain('people sign in with their name and password');

    const unreachable = await runServeCli(['users', 'list', '--database', `postgres://gatewatch:${PASSWORD}@127.0.0.1:1/x`]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('Cannot connect to the database at postgres://gatewatch:***@127.0.0.1:1/x');
    expect(unreachable.stderr).not.toContain(PASSWORD);
  });

  it('shares one secrets key between instances through --key-file, and refuses an instance with another key', async () => {
    const url = await database();
    const keyFile = join(dataDir(), 'team.key');
    const secret = 'paychant-team-secret-0001';
    const a = await start(['--data', dataDir(), '--database', url, '--key-file', keyFile]);
    await a.api('providers.configure', { provider: 'paychant', webhookSecrets: [{ label: 'production', value: secret }] });
    // B has a data dir of its own: only the key file is shared.
    const b = await start(['--data', dataDir(), '--database', url, '--key-file', keyFile]);
    const body = '{"event":"payment.completed","data":{"pid":"pid-team-1","status":"completed"}}';
    const headers = providerAdapters.paychant.signWebhook(Buffer.from(body), { label: 'production', value: secret });
    const answer = await fetch(`${b.webhookBaseUrl}/webhooks/paychant`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect(answer.status).toBe(200);
    const { id } = (await answer.json()) as { id: string };
    // B verified the signature with the secret A saved: it could decrypt it.
    const [row] = await until(
      () =>
        query<{ verification_status: string | null; secret_label: string | null }>(
          url,
          'SELECT verification_status, secret_label FROM deliveries WHERE id = $1',
          [id],
        ),
      (rows) => rows[0]?.verification_status != null,
    );
    expect(row).toEqual({ verification_status: 'valid', secret_label: 'production' });

    // C was given no key: its data dir's own new key cannot read the team's secrets.
    const c = await runServeCli(['--data', dataDir(), '--webhook-port', '0', '--console-port', '0', '--database', url]);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain(
      "This instance's secrets key (aes-256-gcm (key file in the data dir)) is not the one the team database's secrets are encrypted with",
    );
    expect(c.stderr).not.toMatch(/\n\s+at /);
    // The same key given as GATEWATCH_MASTER_KEY is the same key.
    const { readFileSync } = await import('node:fs');
    const d = await start(['--data', dataDir(), '--database', url], { GATEWATCH_MASTER_KEY: readFileSync(keyFile).toString('hex') });
    expect(d.output()).toContain('Webhook URL:');
  });
});
