/**
 * The instances' event channel (LISTEN on a connection of its own) when the database goes silent
 * without closing it: the channel notices by its ping within seconds, not when TCP gives up many
 * minutes later, and listens again once the database answers. In one process, through a proxy.
 */
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, dropTestDatabase, sharedCluster } from '../helpers/postgres-databases.js';
import { NotifyChannel } from '../../src-main/store/postgres/notify-channel.js';
import { startFrozenProxy } from './frozen-proxy.js';
import { sleep, until } from './team-helpers.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe.skipIf(sharedCluster() === null)('the event channel on a silent database', { timeout: 60_000 }, () => {
  it('notices it was cut off by its ping, and hears the other instances again once the database answers', async () => {
    const url = await createTestDatabase();
    cleanups.push(() => dropTestDatabase(url));
    const proxy = await startFrozenProxy(Number(new URL(url).port));
    cleanups.push(() => proxy.close());
    const proxied = new URL(url);
    proxied.port = String(proxy.port);
    // The other instance speaks straight to the database; this one listens through the proxy.
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    // Dropping the database at the end ends its idle connections: not a failure of the test.
    pool.on('error', () => {});
    cleanups.push(() => pool.end());
    const other = new NotifyChannel(url, pool, 'ins_other', () => {});
    const logs: string[] = [];
    const channel = new NotifyChannel(proxied.toString(), pool, 'ins_this', (message) => logs.push(message), { pingEveryMs: 300, pingTimeoutMs: 500 });
    cleanups.push(() => channel.close());
    const heard: string[] = [];
    channel.onMessage((message) => heard.push(message));
    await channel.start();

    await other.broadcast('before');
    await until(
      async () => heard,
      (messages) => messages.includes('before'),
      5_000,
    );

    proxy.freeze();
    const lost = await until(
      async () => logs.filter((line) => line.includes("the database's event channel was lost")),
      (lines) => lines.length > 0,
      5_000,
    );
    expect(lost[0]).toContain('Query read timeout');
    // Still silent: nothing said meanwhile reaches it (pushes are hints; the store is the truth).
    await other.broadcast('while silent');
    await sleep(500);
    proxy.thaw();

    // Listening again: a message said now is heard.
    await until(
      async () => {
        await other.broadcast('after');
        return heard;
      },
      (messages) => messages.includes('after'),
      20_000,
    );
    expect(heard).not.toContain('while silent');
  });
});
