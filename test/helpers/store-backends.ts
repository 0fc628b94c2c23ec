/**
 * The store backends a store-level test runs against. SQLite today; the PostgreSQL backend, when
 * it lands, adds its entry here (a fresh database per `open`, e.g. from test/helpers/postgres.ts)
 * and every test written over this list runs on it too.
 */
import { createSqliteStore } from '../../src-main/store/sqlite/index.js';
import type { Store } from '../../src-main/store/types.js';
import { tempDir } from './temp.js';

export interface OpenedStore {
  store: Store;
  /** A data dir for what else serve mode keeps on disk (its master key, its log). */
  dataDir: string;
  /** Removes what `open` made; the store must be closed first (Gatewatch.stop closes it). */
  remove(): Promise<void>;
}

export interface StoreBackend {
  name: string;
  open(): Promise<OpenedStore>;
}

export const storeBackends: StoreBackend[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = tempDir();
      return { store: createSqliteStore(dir.path), dataDir: dir.path, remove: async () => dir.remove() };
    },
  },
];
