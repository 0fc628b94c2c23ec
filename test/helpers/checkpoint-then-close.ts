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
await store.settings.set('written', 'before the checkpoint');
await store.deliveries.checkpoint();
await store.close();
console.log('closed');
