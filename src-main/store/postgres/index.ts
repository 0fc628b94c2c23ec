import type { Store } from '../types.js';
import { StoreOpenError } from '../open-error.js';
import { createPool, describeDatabaseUrl } from './pool.js';
import { applyPgMigrations } from './migrate.js';
import { pgMigrations } from './migrations/index.js';
import { DEFAULT_INSTANCE_TIMING, InstanceHeartbeat, type InstanceTiming } from './instances.js';
import { NotifyChannel } from './notify-channel.js';
import { pgCoordination } from './coordination.js';
import { PgDeliveryStore } from './deliveries.js';
import { PgSettingsStore } from './settings.js';
import { PgSecretStore } from './secrets.js';
import { PgAuditActorStore, PgAuditStore } from './audit.js';
import { PgSessionStore } from './sessions.js';
import { PgReplayStore } from './replay.js';
import { PgTimelineStore } from './timeline.js';
import { PgStatsStore } from './stats.js';
import { PgRecordMaintenance } from './record-maintenance.js';
import { PgRelayStore } from './relay.js';
import { PgSavedViewStore } from './views.js';
import { PgAccountStore } from './accounts.js';

export { describeDatabaseUrl } from './pool.js';

export interface PostgresStoreOptions {
  /** Where to say what happened to connections (lost, listening again). */
  log?: (message: string) => void;
  /** Connections this instance may hold at once (10 by default). */
  poolSize?: number;
  /** How often this instance says it is alive, and when one not heard from is taken for dead. */
  timing?: Partial<InstanceTiming>;
}

/**
 * The team server's store: one PostgreSQL database shared by any number of instances. Opening it
 * connects, migrates (once, whichever instance comes first), registers this instance and starts
 * listening to the others. Refuses, in words, a server it cannot reach or a newer schema.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const where = describeDatabaseUrl(url);
  const log = options.log ?? ((message: string) => console.error(`gatewatch: ${message}`));
  const timing = { ...DEFAULT_INSTANCE_TIMING, ...options.timing };
  const pool = createPool(url, { max: options.poolSize, log });
  const heartbeat = new InstanceHeartbeat(pool, timing, log);
  const channel = new NotifyChannel(url, pool, heartbeat.id, log);
  try {
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      throw new StoreOpenError(`Cannot connect to the database at ${where}: ${(error as Error).message}`, { cause: error });
    }
    await applyPgMigrations(pool, pgMigrations, `the database at ${where}`);
    await heartbeat.start();
    await channel.start();
  } catch (error) {
    await channel.close();
    await pool.end().catch(() => {});
    throw error;
  }
  return {
    deliveries: new PgDeliveryStore(pool, heartbeat.id, timing),
    settings: new PgSettingsStore(pool),
    secrets: new PgSecretStore(pool),
    audit: new PgAuditStore(pool),
    sessions: new PgSessionStore(pool),
    replay: new PgReplayStore(pool),
    timeline: new PgTimelineStore(pool),
    stats: new PgStatsStore(pool),
    maintenance: new PgRecordMaintenance(pool),
    relay: new PgRelayStore(pool, heartbeat.id, timing),
    views: new PgSavedViewStore(pool),
    accounts: new PgAccountStore(pool),
    auditActors: new PgAuditActorStore(pool),
    coordination: pgCoordination(pool, heartbeat.id, timing, channel),
    async sizeOnDisk() {
      const { rows } = await pool.query<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes');
      return Number(rows[0]!.bytes);
    },
    async close() {
      await channel.close();
      // Deleting this instance's row frees its claims for the others at once.
      await heartbeat.stop().catch((error) => log(`could not sign this instance off the database: ${(error as Error).message}`));
      await pool.end();
    },
  };
}
