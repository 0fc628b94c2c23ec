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
import { textSafePool } from './text-codec.js';

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
  // The tables are read and written with text escaped where PostgreSQL cannot hold it (text-codec.ts).
  const tables = textSafePool(pool);
  let closing: Promise<void> | null = null;
  return {
    deliveries: new PgDeliveryStore(tables, heartbeat.id, timing),
    settings: new PgSettingsStore(tables),
    secrets: new PgSecretStore(tables),
    audit: new PgAuditStore(tables),
    sessions: new PgSessionStore(tables),
    replay: new PgReplayStore(tables),
    timeline: new PgTimelineStore(tables),
    stats: new PgStatsStore(tables),
    maintenance: new PgRecordMaintenance(tables),
    relay: new PgRelayStore(tables, heartbeat.id, timing),
    views: new PgSavedViewStore(tables),
    accounts: new PgAccountStore(tables),
    auditActors: new PgAuditActorStore(tables),
    coordination: pgCoordination(tables, heartbeat.id, timing, channel),
    async sizeOnDisk() {
      const { rows } = await pool.query<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes');
      return Number(rows[0]!.bytes);
    },
    // Closing twice (a test's cleanup after Gatewatch.stop, say) waits for the first close.
    close() {
      closing ??= (async () => {
        await channel.close();
        // Deleting this instance's row frees its claims for the others at once.
        await heartbeat.stop().catch((error) => log(`could not sign this instance off the database: ${(error as Error).message}`));
        await pool.end();
      })();
      return closing;
    },
  };
}
