import type { Store } from '../types.js';
import { openDatabase, type OpenOptions } from './open.js';
import { SqliteDeliveryStore } from './deliveries.js';
import { SqliteSettingsStore } from './settings.js';

export { StoreOpenError } from './open.js';

/** The single-user store: one SQLite file in the data dir. */
export function createSqliteStore(dataDir: string, options: OpenOptions = {}): Store {
  const db = openDatabase(dataDir, options);
  return {
    deliveries: new SqliteDeliveryStore(db),
    settings: new SqliteSettingsStore(db),
    async close() {
      if (db.open) db.close();
    },
  };
}
