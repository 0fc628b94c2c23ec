import { afterEach, describe, expect, it } from 'vitest';
import type { DerivedFields, NewDelivery, PendingDelivery, Store } from '../../src-main/store/types.js';
import { DerivationWorker } from '../../src-main/pipeline/worker.js';
import { InlineDeriver, type Deriver } from '../../src-main/pipeline/deriver.js';
import { PushBus } from '../../src-main/events/bus.js';
import { providerAdapters } from '../../src-main/providers/registry.js';
import type { ProviderAdapter, WebhookSecret } from '../../src-main/providers/types.js';
import { paychantDelivery as capturedDelivery } from '../helpers/store.js';
import { openTestStore, storeBackends } from '../helpers/store-backends.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A payment-completed webhook, signed with `secret` when one is given. */
function paychantDelivery(pid: string, secret?: WebhookSecret): NewDelivery {
  const body = Buffer.from(JSON.stringify({ event: 'PAYMENT_COMPLETED', data: { pid } }));
  return capturedDelivery(body, secret ? Object.entries(providerAdapters.paychant.signWebhook(body, secret)) : []);
}

const registry = (provider: PendingDelivery['provider']) => (provider === 'unknown' ? undefined : providerAdapters[provider]);

describe.each(storeBackends)('on $name', (backend) => {
  const openStore = (): Promise<Store> => openTestStore(backend, cleanups);

  describe('the derivation worker, when things go wrong', () => {
    it('records a failed analysis when an adapter throws something that is not an Error', async () => {
      const store = await openStore();
      const d = paychantDelivery('p-1');
      await store.deliveries.insertBatch([d]);
      const throwing: ProviderAdapter = {
        ...providerAdapters.paychant,
        parse: () => {
          throw undefined; // eslint-disable-line no-throw-literal
        },
      };
      const errors: unknown[] = [];
      const worker = new DerivationWorker(
        store.deliveries,
        new InlineDeriver({ adapterFor: () => throwing, webhookSecrets: async () => [] }, (e) => errors.push(e)),
        new PushBus(),
        (e) => errors.push(e),
      );
      worker.schedule();
      await worker.idle();
      const stored = await store.deliveries.get(d.id);
      expect(stored!.derived!.parseError).toContain('an unknown error');
      expect(errors).toHaveLength(1);
    });

    it('saves a failed analysis for every row of a batch whose deriver gave up, and goes on', async () => {
      const store = await openStore();
      const deliveries = Array.from({ length: 600 }, (_, i) => paychantDelivery(`p-${i}`));
      await store.deliveries.insertBatch(deliveries);
      let calls = 0;
      const flaky: Deriver = {
        derive: async (batch) => {
          calls++;
          if (calls === 2) throw new Error('the deriver broke');
          return new InlineDeriver({ adapterFor: registry, webhookSecrets: async () => [] }).derive(batch);
        },
        close: async () => {},
      };
      const errors: unknown[] = [];
      const worker = new DerivationWorker(store.deliveries, flaky, new PushBus(), (e) => errors.push(e));
      worker.schedule();
      await worker.idle();
      expect(await store.deliveries.pendingDerivation(10)).toEqual([]);
      const reasons = await Promise.all(deliveries.map(async (d) => (await store.deliveries.get(d.id))!.derived!.parseError));
      expect(reasons.filter((r) => r?.includes('the deriver broke'))).toHaveLength(256);
      expect(reasons.filter((r) => r === null)).toHaveLength(600 - 256);
      expect(errors.map((e) => (e as Error).message)).toEqual(['the deriver broke']);
    });

    it('checks rows already read again with the new secret when the secrets change meanwhile', async () => {
      const store = await openStore();
      const oldSecret = { label: 'old', value: 'old-secret-0123456789' };
      const newSecret = { label: 'new', value: 'new-secret-0123456789' };
      const deliveries = Array.from({ length: 20 }, (_, i) => paychantDelivery(`p-${i}`, newSecret));
      await store.deliveries.insertBatch(deliveries);
      let secrets = [oldSecret];
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let reached!: () => void;
      const firstBatchRead = new Promise<void>((resolve) => (reached = resolve));
      const inline = new InlineDeriver({ adapterFor: registry, webhookSecrets: async () => secrets });
      let calls = 0;
      // The first batch is derived with the old secret, and held until the secrets have changed.
      const held: Deriver = {
        derive: async (batch): Promise<DerivedFields[]> => {
          const derived = await inline.derive(batch);
          if (calls++ === 0) {
            reached();
            await gate;
          }
          return derived;
        },
        close: async () => {},
      };
      const worker = new DerivationWorker(store.deliveries, held, new PushBus());
      worker.schedule();
      await firstBatchRead;
      secrets = [newSecret];
      // What providers.configure does: stored rows re-marked (none yet: they are all in flight)…
      expect(await store.deliveries.markForRederive({ provider: 'paychant' })).toBe(0);
      worker.rederive(); // …and rows in flight read again.
      release();
      await worker.idle();
      const statuses = await Promise.all(deliveries.map(async (d) => (await store.deliveries.get(d.id))!.derived!.verification.status));
      expect(new Set(statuses)).toEqual(new Set(['valid']));
    });
  });

  describe('the derivation worker, with copies derived out of order', () => {
    it("tells consoles about a retry derived before its original, re-pointed by the original's batch", async () => {
      const store = await openStore();
      const original = paychantDelivery('p-twice');
      const retry = paychantDelivery('p-twice');
      await store.deliveries.insertBatch([original]);
      await store.deliveries.insertBatch([retry]);
      // The retry is derived and saved alone first (rows commit, and are derived, out of seq order).
      const pendingRetry = (await store.deliveries.pendingDerivation(10)).filter((d) => d.id === retry.id);
      const derivedRetry = await new InlineDeriver({ adapterFor: registry, webhookSecrets: async () => [] }).derive(pendingRetry);
      await store.deliveries.saveDerived([{ id: retry.id, derived: derivedRetry[0]! }]);
      expect((await store.deliveries.get(retry.id))!.duplicateOf).toBeNull();
      const bus = new PushBus();
      const updated: string[][] = [];
      bus.subscribe((event) => {
        if (event.type === 'deliveries.updated') updated.push(event.ids);
      });
      const worker = new DerivationWorker(store.deliveries, new InlineDeriver({ adapterFor: registry, webhookSecrets: async () => [] }), bus);
      worker.schedule();
      await worker.idle();
      expect((await store.deliveries.get(retry.id))!.duplicateOf).toBe(original.id);
      // One event for the original's batch, naming the retry it re-pointed too.
      expect(updated).toHaveLength(1);
      expect(new Set(updated[0])).toEqual(new Set([original.id, retry.id]));
      expect(updated[0]).toHaveLength(2);
    });
  });
});
