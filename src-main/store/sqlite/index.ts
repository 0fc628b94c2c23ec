import type { Store } from '../types.js';
import { openDatabase, type OpenOptions } from './open.js';
import { SqliteDeliveryStore } from './deliveries.js';
import { SqliteSettingsStore } from './settings.js';
import { SqliteSecretStore } from './secrets.js';
import { SqliteAuditStore } from './audit.js';
import { SqliteSessionStore } from './sessions.js';
import { SqliteReplayStore } from './replay.js';
import { SqliteTimelineStore } from './timeline.js';
import { SqliteStatsStore } from './stats.js';

export { StoreOpenError } from './open.js';

/** The single-user store: one SQLite file in the data dir. */
export function createSqliteStore(dataDir: string, options: OpenOptions = {}): Store {
  const db = openDatabase(dataDir, options);
  return {
    deliveries: new SqliteDeliveryStore(db),
    settings: new SqliteSettingsStore(db),
    secrets: new SqliteSecretStore(db),
    audit: new SqliteAuditStore(db),
    sessions: new SqliteSessionStore(db),
    replay: new SqliteReplayStore(db),
    timeline: new SqliteTimelineStore(db),
    stats: new SqliteStatsStore(db),
    async close() {
      if (db.open) db.close();
    },
  };
}
