/**
 * Instances starting together on an empty database: the advisory lock lets one migrate, the
 * others find the schema done. In one process (each open is its own pool and session).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase, sharedCluster } from '../helpers/postgres-databases.js';
import { openPostgresStore } from '../../src-main/store/postgres/index.js';
import { pgMigrations } from '../../src-main/store/postgres/migrations/index.js';
import { query } from './team-helpers.js';

const databases: string[] = [];
afterAll(async () => {
  for (const url of databases) await dropTestDatabase(url);
});

describe.skipIf(sharedCluster() === null)('instances migrating one empty database at once', { timeout: 60_000 }, () => {
  it('apply every migration once, without an error, and all open the same schema', async () => {
    const url = await createTestDatabase();
    databases.push(url);
    const logs: string[] = [];
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url, { log: (message) => logs.push(message), poolSize: 2 })));
    try {
      const versions = await query<{ version: number; n: number }>(
        url,
        'SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version ORDER BY version',
      );
      expect(versions).toEqual(pgMigrations.map((m) => ({ version: m.version, n: 1 })).sort((x, y) => x.version - y.version));
      // Each instance registered itself, and each can write where the others read.
      expect(await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM gatewatch_instances')).toEqual([{ n: 4 }]);
      await stores[0]!.settings.set('team.test', { from: 'first' });
      for (const store of stores) expect(await store.settings.get('team.test')).toEqual({ from: 'first' });
      expect(logs).toEqual([]);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
    // A clean stop signs each instance off.
    expect(await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM gatewatch_instances')).toEqual([{ n: 0 }]);
  });
});
