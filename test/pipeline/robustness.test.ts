import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryStore, NewDelivery, Store } from '../../src-main/store/types.js';
import { DerivationWorker } from '../../src-main/pipeline/worker.js';
import { InlineDeriver } from '../../src-main/pipeline/deriver.js';
import { IngestQueue } from '../../src-main/listener/ingest-queue.js';
import { PushBus } from '../../src-main/events/bus.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import { paychantDelivery } from '../helpers/store.js';
import { openTestStore, storeBackends } from '../helpers/store-backends.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const delivery = (body: string): NewDelivery => paychantDelivery(body);

describe.each(storeBackends)('on $name', (backend) => {
  const openStore = (): Promise<Store> => openTestStore(backend, cleanups);

  describe('the ingest queue', () => {
    it('answers every other delivery of a batch when the store refuses one row', async () => {
      const store = await openStore();
      const refused = delivery('{"event":"CREATED"}');
      const picky: DeliveryStore = Object.create(store.deliveries);
      picky.insertBatch = async (batch) => {
        if (batch.some((d) => d.id === refused.id)) throw new Error('disk says no');
        return store.deliveries.insertBatch(batch);
      };
      const committed: string[] = [];
      const queue = new IngestQueue(picky, (ids) => committed.push(...ids));
      const others = [delivery('{"n":1}'), delivery('{"n":2}')];
      const results = await Promise.allSettled([queue.enqueue(others[0]!), queue.enqueue(refused), queue.enqueue(others[1]!)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(committed.sort()).toEqual(others.map((d) => d.id).sort());
      expect((await store.deliveries.counts()).total).toBe(2);
    });
  });

  describe('the derivation worker', () => {
    it('still parses, correlates and indexes a delivery when the secrets cannot be read', async () => {
      const store = await openStore();
      const d = delivery('{"event":"PAYMENT_COMPLETED","data":{"pid":"p-77","transactionRef":"ref-77"}}');
      await store.deliveries.insertBatch([d]);
      const worker = new DerivationWorker(
        store.deliveries,
        new InlineDeriver({
          adapterFor: (provider) => (provider === 'unknown' ? undefined : providerAdapters[provider]),
          webhookSecrets: async () => {
            throw new Error('wrong master key');
          },
        }),
        new PushBus(),
      );
      worker.schedule();
      await worker.idle();
      const stored = await store.deliveries.get(d.id);
      expect(stored!.derived!.verification.status).toBe('unsupported');
      expect(stored!.derived!.verification.diagnosis).toContain('wrong master key');
      expect(stored!.derived!.correlationKeys.map((k) => k.value)).toContain('p-77');
      expect((await store.deliveries.list({ text: 'ref-77', limit: 5 })).items.map((i) => i.id)).toEqual([d.id]);
    });

    it('records the failure of one row the store refuses and derives the rest', async () => {
      const store = await openStore();
      const good = delivery('{"event":"CREATED","data":{"pid":"ok-1"}}');
      const bad = delivery('{"event":"CREATED","data":{"pid":"bad-1"}}');
      await store.deliveries.insertBatch([good, bad]);
      const picky: DeliveryStore = Object.create(store.deliveries);
      let refusals = 0;
      picky.saveDerived = async (items) => {
        if (items.some((i) => i.id === bad.id && i.derived.parseError === null)) {
          refusals++;
          throw new Error('constraint failed');
        }
        return store.deliveries.saveDerived(items);
      };
      const errors: unknown[] = [];
      const worker = new DerivationWorker(
        picky,
        new InlineDeriver({ adapterFor: (p) => (p === 'unknown' ? undefined : providerAdapters[p]), webhookSecrets: async () => [] }),
        new PushBus(),
        (error) => errors.push(error),
      );
      worker.schedule();
      await worker.idle();
      expect(refusals).toBe(2); // the batch, then the row alone
      expect((await store.deliveries.get(good.id))!.derived!.eventType).toBe('CREATED');
      expect((await store.deliveries.get(bad.id))!.derived!.parseError).toContain('constraint failed');
      expect(await store.deliveries.pendingDerivation(10)).toEqual([]);
    });

    it('lets other work in between the batches of a backlog (the listener keeps answering)', async () => {
      const store = await openStore();
      await store.deliveries.insertBatch(Array.from({ length: 1500 }, (_, i) => delivery(`{"event":"CREATED","data":{"pid":"b-${i}"}}`)));
      const bus = new PushBus();
      const worker = new DerivationWorker(
        store.deliveries,
        new InlineDeriver({ adapterFor: (p) => (p === 'unknown' ? undefined : providerAdapters[p]), webhookSecrets: async () => [] }),
        bus,
      );
      const order: string[] = [];
      bus.subscribe((event) => {
        if (event.type !== 'deliveries.updated') return;
        // After the first batch, something else (an I/O callback, say) asks for a turn.
        if (order.length === 0) setImmediate(() => order.push('other work'));
        order.push('batch');
      });
      worker.schedule();
      await worker.idle();
      expect(order.filter((o) => o === 'batch').length).toBeGreaterThan(3);
      expect(order.indexOf('other work')).toBeGreaterThan(0);
      expect(order.indexOf('other work')).toBeLessThan(order.lastIndexOf('batch'));
      expect(await store.deliveries.pendingDerivation(10)).toEqual([]);
    });
  });
});
