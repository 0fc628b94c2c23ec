import { createSqliteStore } from '../../src-main/store/sqlite/index.js';
import type { Store } from '../../src-main/store/types.js';
import { tempDir } from './temp.js';

/** A SQLite store in a fresh data dir; closing it and removing the dir is added to `cleanups`. */
export function openTempStore(cleanups: Array<() => Promise<void> | void>): Store {
  const dir = tempDir();
  const store = createSqliteStore(dir.path);
  cleanups.push(async () => {
    await store.close();
    dir.remove();
  });
  return store;
}
