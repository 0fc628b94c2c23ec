// Run as its own process by test/store/checkpointer.test.ts: opens a store whose checkpoints run
// in a thread, checkpoints once, closes, and says so. Nothing else keeps this process alive, so
// closing must hold the thread until it has closed its connection.
import { createSqliteStore } from '../../src-main/store/sqlite/index.js';

const store = createSqliteStore(process.argv[2]!, {
  checkpointThread: {
    script: new URL('./ts-thread.mjs', import.meta.url),
    argv: [new URL('../../src-main/store/sqlite/checkpoint-thread.ts', import.meta.url).href],
    onError: (error) => console.log(`checkpoint thread: ${error.message}`),
  },
});
// Enough deliveries for the store to hand the checkpoint to its thread.
const deliveries = Array.from({ length: 20_000 }, (_, i) => ({
  id: `dlv_${i}`,
  provider: 'paychant' as const,
  label: null,
  receivedAt: '2026-11-22T00:00:00.000Z',
  method: 'POST',
  path: '/webhooks/paychant',
  query: '',
  headers: [],
  body: Buffer.from(`{"n":${i}}`),
  size: 8,
  bodySha256: null,
  remoteAddress: null,
  forwarded: null,
  rejected: null,
}));
await store.deliveries.insertBatch(deliveries);
await store.deliveries.checkpoint();
await store.close();
console.log('closed');
