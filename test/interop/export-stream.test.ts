import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { paychantDelivery } from '../helpers/store.js';
import { openTestStore, storeBackends, type StoreBackend } from '../helpers/store-backends.js';
import { harProblems } from '../helpers/har.js';
import { MAX_EXPORTED_ATTEMPTS, prepareExport } from '../../src-main/interop/export/export-stream.js';
import { ExportAborted, writableSink } from '../../src-main/interop/export/sink.js';
import type { DeliveryStore, Store } from '../../src-main/store/types.js';
import { ExportQuery } from '../../src-shared/contract/interop.js';
import type { RelayRecord, RelayStore } from '../../src-main/store/relay-types.js';
import { newId } from '../../src-main/store/ids.js';

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

    it('streams relay attempts a page at a time, strictly newest first across pages, and only the route asked for', async () => {
      const store = await openTestStore(backend, cleanups);
      const routes = ['a', 'b'].map((label) => ({
        id: newId('rlr'),
        provider: 'paychant' as const,
        label,
        url: `http://127.0.0.1:9/${label}`,
        mode: 'queue' as const,
        timeoutMs: 1000,
        concurrency: 2,
        schedule: { kind: 'default' as const },
        simulate: null,
        pausedAt: null,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      }));
      for (const route of routes) await store.relay.putRoute(route);
      const base = Date.parse('2026-01-01T00:00:00.000Z');
      const batch = Array.from({ length: 120 }, (_, i) => {
        const d = paychantDelivery(`{"n":${i}}`);
        const route = routes[i % 2]!;
        d.relay = {
          jobId: newId('rjb'),
          routeId: route.id,
          mode: 'queue',
          state: 'pending',
          runAt: new Date(base).toISOString(),
          maxAttempts: 3,
          answered: { status: 200 },
        };
        return d;
      });
      await store.deliveries.insertBatch(batch);
      // Two tries each: a refusal, then an acceptance a minute later.
      const records: RelayRecord[] = batch.flatMap((d, i) =>
        [1, 2].map((number) => {
          const at = new Date(base + i * 1000 + (number - 1) * 60_000).toISOString();
          const ok = number === 2;
          return {
            attempt: {
              id: newId('rla'),
              deliveryId: d.id,
              jobId: d.relay!.jobId,
              routeId: d.relay!.routeId,
              mode: 'queue' as const,
              url: `http://127.0.0.1:9/${i % 2 === 0 ? 'a' : 'b'}`,
              number,
              startedAt: at,
              finishedAt: at,
              durationMs: 5,
              outcome: ok ? ('ok' as const) : ('failed' as const),
              response: { status: ok ? 200 : 503, statusText: '', headers: [], body: '', bodyTruncated: false, size: 0 },
              error: ok ? null : 'the backend answered HTTP 503',
              sentHeaders: [['Authorization', 'Bearer ••••abcd'] as [string, string]],
            },
            update: {
              jobId: d.relay!.jobId,
              state: ok ? ('delivered' as const) : ('pending' as const),
              attempts: number,
              runAt: at,
              lastError: null,
              finishedAt: ok ? at : null,
            },
          };
        }),
      );
      await store.relay.record(records);
      const events: string[] = [];
      const relays = Object.create(store.relay) as RelayStore;
      relays.listAttempts = (q) => {
        events.push('list');
        return store.relay.listAttempts(q);
      };
      const query = ExportQuery.parse({ format: 'har', what: 'relay-attempts', routeId: routes[0]!.id });
      const write = await prepareExport({ deliveries: store.deliveries, replays: store.replay, relays }, query, { pageSize: 20 });
      let text = '';
      const count = await write({
        async write(chunk) {
          events.push('write');
          text += chunk;
        },
      });
      expect(count).toBe(120);
      // 120 tries of the route in pages of 20: a seventh, empty read tells the end.
      expect(events.filter((e) => e === 'list')).toHaveLength(7);
      // Every page's tries are written before the next page is read.
      const lists = events.flatMap((e, i) => (e === 'list' ? [i] : []));
      for (let page = 1; page < lists.length; page++) {
        expect(events.slice(lists[page - 1], lists[page]).filter((e) => e === 'write').length).toBeGreaterThanOrEqual(20);
      }
      const har = JSON.parse(text) as {
        log: { entries: Array<{ startedDateTime: string; request: { postData: { text: string } }; _gatewatch: { routeId: string; id: string } }> };
      };
      expect(await harProblems(har)).toEqual([]);
      expect(har.log.entries.every((e) => e._gatewatch.routeId === routes[0]!.id)).toBe(true);
      expect(har.log.entries[0]!.request.postData.text).toBe('{"n":118}');
      // Strictly newest first across pages: a retry a minute later of an older delivery comes before newer deliveries' first tries.
      const started = har.log.entries.map((e) => e.startedDateTime);
      expect(started).toEqual([...started].sort().reverse());
      const texts = har.log.entries.map((e) => e.request.postData.text);
      expect(texts.indexOf('{"n":0}')).toBeLessThan(texts.lastIndexOf('{"n":58}'));
      expect(new Set(har.log.entries.map((e) => e._gatewatch.id)).size).toBe(120);
    });

    it('stops the relay attempts export at MAX_EXPORTED_ATTEMPTS, the newest, without reading past them', { timeout: 120_000 }, async () => {
      const store = await openTestStore(backend, cleanups);
      const route = {
        id: newId('rlr'),
        provider: 'paychant' as const,
        label: null,
        url: 'http://127.0.0.1:9/hooks',
        mode: 'queue' as const,
        timeoutMs: 1000,
        concurrency: 2,
        schedule: { kind: 'default' as const },
        simulate: null,
        pausedAt: null,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      };
      await store.relay.putRoute(route);
      const d = paychantDelivery('{"n":0}');
      const jobId = newId('rjb');
      d.relay = { jobId, routeId: route.id, mode: 'queue', state: 'pending', runAt: new Date().toISOString(), maxAttempts: 20_000, answered: { status: 200 } };
      await store.deliveries.insertBatch([d]);
      const total = MAX_EXPORTED_ATTEMPTS + 5;
      const base = Date.parse('2026-01-01T00:00:00.000Z');
      for (let from = 1; from <= total; from += 1000) {
        const records: RelayRecord[] = [];
        for (let number = from; number < Math.min(from + 1000, total + 1); number++) {
          const at = new Date(base + number * 1000).toISOString();
          records.push({
            attempt: {
              id: `rla_${number}`,
              deliveryId: d.id,
              jobId,
              routeId: route.id,
              mode: 'queue',
              url: route.url,
              number,
              startedAt: at,
              finishedAt: at,
              durationMs: 1,
              outcome: 'failed',
              response: null,
              error: 'refused',
              sentHeaders: [],
            },
            update: { jobId, state: 'pending', attempts: number, runAt: at, lastError: 'refused', finishedAt: null },
          });
        }
        await store.relay.record(records);
      }
      const limits: number[] = [];
      const relays = Object.create(store.relay) as RelayStore;
      relays.listAttempts = (q) => {
        limits.push(q.limit);
        return store.relay.listAttempts(q);
      };
      const write = await prepareExport(
        { deliveries: store.deliveries, replays: store.replay, relays },
        ExportQuery.parse({ format: 'har', what: 'relay-attempts' }),
        { pageSize: 1000 },
      );
      let text = '';
      const count = await write({
        async write(chunk) {
          text += chunk;
        },
      });
      expect(count).toBe(MAX_EXPORTED_ATTEMPTS);
      expect(limits).toEqual(Array.from({ length: MAX_EXPORTED_ATTEMPTS / 1000 }, () => 1000));
      const entries = (JSON.parse(text) as { log: { entries: Array<{ _gatewatch: { number: number } }> } }).log.entries;
      expect(entries[0]!._gatewatch.number).toBe(total);
      expect(entries[entries.length - 1]!._gatewatch.number).toBe(6);
    });
  });
});
