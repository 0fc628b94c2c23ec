import { stat } from 'node:fs/promises';
import type { Store } from '../types.js';
import { openDatabase, type OpenOptions } from './open.js';
import { inlineCheckpointer, ThreadCheckpointer, type CheckpointThread } from './checkpointer.js';
import { SqliteDeliveryStore } from './deliveries.js';
import { DEFAULT_LOG_BOUND_BYTES, LogBound } from './log-bound.js';
import { SqliteSettingsStore } from './settings.js';
import { SqliteSecretStore } from './secrets.js';
import { SqliteAuditStore } from './audit.js';
import { SqliteSessionStore } from './sessions.js';
import { SqliteReplayStore } from './replay.js';
import { SqliteTimelineStore } from './timeline.js';
import { SqliteStatsStore } from './stats.js';
import { SqliteRecordMaintenance } from './record-maintenance.js';
import { SqliteRelayStore } from './relay.js';
import { SqliteSavedViewStore } from './views.js';
import { SqliteAccountStore } from './accounts.js';
import { SqliteAuditActorStore } from './audit-actors.js';

export { StoreOpenError } from './open.js';

/** The single-user store: one SQLite file in the data dir. */
export interface SqliteStoreOptions extends OpenOptions {
  /** The built checkpoint-thread script: checkpoints then run beside the main thread. */
  checkpointThread?: Omit<CheckpointThread, 'data'>;
}

export function createSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): Store {
  const db = openDatabase(dataDir, options);
  const checkpointer = options.checkpointThread
    ? new ThreadCheckpointer({ ...options.checkpointThread, data: { file: db.name, nativeBinding: options.nativeBinding } }, inlineCheckpointer(db))
    : inlineCheckpointer(db);
  const log = options.log ?? ((message: string) => console.error(`gatewatch: ${message}`));
  const logBound = new LogBound(`${db.name}-wal`, checkpointer, options.logBoundBytes ?? DEFAULT_LOG_BOUND_BYTES, (error) =>
    log(`checkpoint failed: ${(error as Error).message}`),
  );
  return {
    deliveries: new SqliteDeliveryStore(db, checkpointer, logBound),
    settings: new SqliteSettingsStore(db),
    secrets: new SqliteSecretStore(db),
    audit: new SqliteAuditStore(db),
    sessions: new SqliteSessionStore(db),
    replay: new SqliteReplayStore(db),
    timeline: new SqliteTimelineStore(db),
    stats: new SqliteStatsStore(db),
    maintenance: new SqliteRecordMaintenance(db),
    relay: new SqliteRelayStore(db),
    views: new SqliteSavedViewStore(db),
    accounts: new SqliteAccountStore(db),
    auditActors: new SqliteAuditActorStore(db),
    async sizeOnDisk() {
      // The database and its write-ahead log (which a burst grows by hundreds of megabytes).
      const sizes = await Promise.all(
        [db.name, `${db.name}-wal`].map((file) =>
          stat(file).then(
            (s) => s.size,
            () => 0,
          ),
        ),
      );
      return sizes[0]! + sizes[1]!;
    },
    async close() {
      try {
        await checkpointer.close();
      } finally {
        if (db.open) db.close();
      }
    },
  };
}
