import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { paychantDelivery } from '../helpers/store.js';
import { openTestStore, storeBackends, type StoreBackend } from '../helpers/store-backends.js';
import { harProblems } from '../helpers/har.js';
import { prepareExport } from '../../src-main/interop/export/export-stream.js';
import { ExportAborted, writableSink } from '../../src-main/interop/export/sink.js';
import type { DeliveryStore, Store } from '../../src-main/store/types.js';
import { ExportQuery } from '../../src-shared/contract/interop.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A store of `count` deliveries whose list() calls are recorded in `events`. */
async function seeded(backend: StoreBackend, count: number, events: string[]): Promise<{ store: Store; deliveries: DeliveryStore }> {
  const store = await openTestStore(backend, cleanups);
  const batch = Array.from({ length: count }, (_, i) => paychantDelivery(`{"n":${i}}`));
  await store.deliveries.insertBatch(batch);
  const deliveries = Object.create(store.deliveries) as DeliveryStore;
  deliveries.list = (query) => {
    events.push('list');
    return store.deliveries.list(query);
  };
  return { store, deliveries };
}

describe.each(storeBackends)('on $name', (backend) => {
  describe('export streaming', () => {
    it('reads the list a page at a time and writes each page before reading the next', async () => {
      const events: string[] = [];
      const { store, deliveries } = await seeded(backend, 1000, events);
      const write = await prepareExport({ deliveries, replays: store.replay, relays: store.relay }, ExportQuery.parse({ format: 'har' }), { pageSize: 100 });
      let text = '';
      const count = await write({
        async write(chunk) {
          events.push('write');
          text += chunk;
        },
      });
      expect(count).toBe(1000);
      expect(events.filter((e) => e === 'list')).toHaveLength(10);
      // Every list after the first comes after the previous page's 100 entries were written.
      const lists = events.flatMap((e, i) => (e === 'list' ? [i] : []));
      for (let page = 1; page < lists.length; page++) {
        expect(events.slice(lists[page - 1], lists[page]).filter((e) => e === 'write').length).toBeGreaterThanOrEqual(100);
      }
      const har = JSON.parse(text) as { log: { entries: Array<{ request: { postData: { text: string } } }> } };
      expect(har.log.entries).toHaveLength(1000);
      expect(har.log.entries[0]!.request.postData.text).toBe('{"n":999}');
      expect(await harProblems(har)).toEqual([]);
    });

    it('waits for a slow reader (drain) and stops reading the store when the reader goes away', async () => {
      const events: string[] = [];
      const { store, deliveries } = await seeded(backend, 600, events);
      const write = await prepareExport({ deliveries, replays: store.replay, relays: store.relay }, ExportQuery.parse({ format: 'ndjson' }), { pageSize: 50 });
      const out = new PassThrough({ highWaterMark: 4096 });
      const running = write(writableSink(out));
      await sleep(50);
      // Nobody reads: the export waits on the full buffer instead of reading every page into memory.
      const listsWhileStalled = events.filter((e) => e === 'list').length;
      expect(listsWhileStalled).toBeLessThanOrEqual(2);
      await sleep(50);
      expect(events.filter((e) => e === 'list').length).toBe(listsWhileStalled);
      let lines = 0;
      out.on('data', (chunk: Buffer) => {
        lines += chunk.toString('utf8').split('\n').length - 1;
      });
      expect(await running).toBe(600);
      await sleep(0);
      expect(lines).toBe(600);

      const events2: string[] = [];
      const second = await seeded(backend, 600, events2);
      const write2 = await prepareExport(
        { deliveries: second.deliveries, replays: second.store.replay, relays: second.store.relay },
        ExportQuery.parse({ format: 'ndjson' }),
        {
          pageSize: 50,
        },
      );
      const gone = new PassThrough({ highWaterMark: 4096 });
      const cut = write2(writableSink(gone));
      await sleep(20);
      gone.destroy();
      await expect(cut).rejects.toBeInstanceOf(ExportAborted);
      expect(events2.filter((e) => e === 'list').length).toBeLessThanOrEqual(2);
    });
  });
});
