/**
 * The store backends a store-level test runs against: SQLite, and PostgreSQL in a database of
 * its own (the run's shared cluster, test/helpers/postgres-global-setup.ts) when the server's
 * binaries are installed. Every test written over this list runs on both.
 */
import { createSqliteStore } from '../../src-main/store/sqlite/index.js';
import { openPostgresStore, type PostgresStoreOptions } from '../../src-main/store/postgres/index.js';
import type { Store } from '../../src-main/store/types.js';
import { tempDir } from './temp.js';
import { createTestDatabase, dropTestDatabase, sharedCluster } from './postgres-databases.js';

export interface OpenedStore {
  store: Store;
  /** A data dir for what else serve mode keeps on disk (its master key, its log). */
  dataDir: string;
  /** Removes what `open` made; the store must be closed first (Gatewatch.stop closes it). */
  remove(): Promise<void>;
}

export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  open(): Promise<OpenedStore>;
}

export const sqliteBackend: StoreBackend = {
  name: 'sqlite',
  async open() {
    const dir = tempDir();
    return { store: createSqliteStore(dir.path), dataDir: dir.path, remove: async () => dir.remove() };
  },
};

/** PostgreSQL in a fresh database per `open`; `options` for the store (instance timing, say). */
export function postgresBackend(options: PostgresStoreOptions = {}): StoreBackend {
  return {
    name: 'postgres',
    async open() {
      const url = await createTestDatabase();
      const dir = tempDir();
      const store = await openPostgresStore(url, { log: () => {}, ...options });
      return {
        store,
        dataDir: dir.path,
        remove: async () => {
          dir.remove();
          await dropTestDatabase(url);
        },
      };
    },
  };
}

export const storeBackends: StoreBackend[] = [sqliteBackend, ...(sharedCluster() === null ? [] : [postgresBackend()])];
