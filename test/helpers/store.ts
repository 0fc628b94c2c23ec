import { createSqliteStore } from '../../src-main/store/sqlite/index.js';
import { createHash } from 'node:crypto';
import type { NewDelivery, Store } from '../../src-main/store/types.js';
import { newId } from '../../src-main/store/ids.js';
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

/** A Paychant delivery as the listener would capture it, with these body bytes and extra headers. */
export function paychantDelivery(body: string | Buffer, headers: Array<[string, string]> = []): NewDelivery {
  const bytes = Buffer.from(body);
  return {
    id: newId('dlv'),
    provider: 'paychant',
    label: null,
    receivedAt: new Date().toISOString(),
    method: 'POST',
    path: '/webhooks/paychant',
    query: '',
    headers: [['content-type', 'application/json'], ...headers],
    body: bytes,
    size: bytes.length,
    bodySha256: createHash('sha256').update(bytes).digest('hex'),
    remoteAddress: '127.0.0.1',
    forwarded: null,
    rejected: null,
  };
}
