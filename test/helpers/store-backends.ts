/**
 * The store backends a store-level test runs against: SQLite, and PostgreSQL in a database of
 * its own (the run's shared cluster, test/helpers/postgres-global-setup.ts) when the server's
 * binaries are installed. Every test written over this list runs on both.
 */
import { createSqliteStore } from '../../src-main/store/sqlite/index.js';
import { openPostgresStore, type PostgresStoreOptions } from '../../src-main/store/postgres/index.js';
import type { Store } from '../../src-main/store/types.js';
import { tempDir } from './temp.js';
import { createTestDatabase, databaseContents, dropTestDatabase, sharedCluster } from './postgres-databases.js';
import { filesOf } from './stored-bytes.js';

export interface OpenedStore {
  store: Store;
  /** A data dir for what else serve mode keeps on disk (its master key, its log). */
  dataDir: string;
  /** Removes what `open` made; the store must be closed first (Gatewatch.stop closes it). */
  remove(): Promise<void>;
  /** The same store opened again, as a restart opens it (the one before must be closed). */
  reopen(): Promise<Store>;
  /** What the store keeps at rest, as bytes: its files (SQLite), or every table's rows (PostgreSQL). */
  contents(): Promise<Array<{ name: string; bytes: Buffer }>>;
}

export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  open(): Promise<OpenedStore>;
}

export const sqliteBackend: StoreBackend = {
  name: 'sqlite',
  async open() {
    const dir = tempDir();
    return {
      store: createSqliteStore(dir.path),
      dataDir: dir.path,
      remove: async () => dir.remove(),
      reopen: async () => createSqliteStore(dir.path),
      contents: async () => filesOf(dir.path),
    };
  },
};

/** PostgreSQL in a fresh database per `open`; `options` for the store (instance timing, say). */
export function postgresBackend(options: PostgresStoreOptions = {}): StoreBackend {
  return {
    name: 'postgres',
    async open() {
      const url = await createTestDatabase();
      const dir = tempDir();
      const open = () => openPostgresStore(url, { log: () => {}, ...options });
      return {
        store: await open(),
        dataDir: dir.path,
        reopen: open,
        contents: () => databaseContents(url),
        remove: async () => {
          dir.remove();
          await dropTestDatabase(url);
        },
      };
    },
  };
}

export const storeBackends: StoreBackend[] = [sqliteBackend, ...(sharedCluster() === null ? [] : [postgresBackend()])];

/** A store of this backend, closed and removed by `cleanups`. */
export async function openTestStore(backend: StoreBackend, cleanups: Array<() => Promise<void> | void>): Promise<Store> {
  const opened = await backend.open();
  cleanups.push(async () => {
    await opened.store.close();
    await opened.remove();
  });
  return opened.store;
}
